// Messages of the sign-in, account and admin pages (SPEC §6). Errors from the security services
// (policy problems) stay in English, like config errors.
import { defineMessages } from '../i18n.ts';

export const securityMessages = defineMessages({
  en: {
    signIn: 'Sign in', username: 'Username', password: 'Password', signInFailed: 'Wrong username or password.',
    locked: 'Too many failed sign-ins: try again after {until}.', totpTitle: 'Two-factor sign-in',
    totpCode: 'Code from the authenticator app, or a recovery code', verify: 'Verify', totpFailed: 'That code is not valid.',
    setupTitle: 'Create the first admin', setupIntro: 'No account exists yet. This page answers only on this machine (loopback) and only until an account exists.',
    create: 'Create', accountTitle: 'Account', changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
    save: 'Save', saved: 'Saved.', wrongPassword: 'The current password is wrong.', gate: 'Before going on:',
    twoFactor: 'Two-factor sign-in (TOTP)', twoFactorOn: 'On since {since}; {count} recovery codes left.', twoFactorOff: 'Off.',
    enrol: 'Set up', enrolScan: 'Scan this code with an authenticator app (or type the secret), then enter the code it shows.',
    secret: 'Secret', confirm: 'Confirm', recoveryTitle: 'Recovery codes', recoveryIntro: 'Each code signs in once without the app. They are shown only now: keep them somewhere safe.',
    disable: 'Turn off', usersTitle: 'Users', role: 'Role', twoFactorShort: '2FA', actions: 'Actions', newUser: 'New user',
    delete: 'Delete', resetTwoFactor: 'Reset 2FA', locksTitle: 'Sign-in locks', lockKey: 'Locked', until: 'Until', unlock: 'Unlock', noLocks: 'No locks.',
    tokensTitle: 'API tokens', name: 'Name', scopes: 'Scopes', expires: 'Expires', expiresDays: 'Expires after (days, empty: never)',
    createdBy: 'Created by', lastUsed: 'Last used', revoke: 'Revoke', revoked: 'revoked', never: 'never', newToken: 'New token',
    tokenShown: 'The new token (shown only now):', auditTitle: 'Audit log', from: 'From', to: 'To', actor: 'Actor', action: 'Action',
    entity: 'Entity', address: 'Address', time: 'Time', before: 'Before', after: 'After', filter: 'Filter', exportCsv: 'Export CSV', yes: 'yes', no: 'no',
  },
  ja: {
    signIn: 'サインイン', username: 'ユーザー名', password: 'パスワード', signInFailed: 'ユーザー名またはパスワードが違います。',
    locked: 'サインインの失敗が多すぎます。{until} 以降に再試行してください。', totpTitle: '二要素認証',
    totpCode: '認証アプリのコード、またはリカバリーコード', verify: '確認', totpFailed: 'コードが正しくありません。',
    setupTitle: '最初の管理者を作成', setupIntro: 'アカウントがまだありません。このページはこのマシン（ループバック）から、アカウントができるまでのみ使えます。',
    create: '作成', accountTitle: 'アカウント', changePassword: 'パスワード変更', currentPassword: '現在のパスワード', newPassword: '新しいパスワード',
    save: '保存', saved: '保存しました。', wrongPassword: '現在のパスワードが違います。', gate: '続ける前に:',
    twoFactor: '二要素認証 (TOTP)', twoFactorOn: '{since} から有効。リカバリーコード残り {count} 個。', twoFactorOff: '無効。',
    enrol: '設定する', enrolScan: '認証アプリでこのコードを読み取り（または秘密鍵を入力し）、表示されたコードを入力してください。',
    secret: '秘密鍵', confirm: '確認', recoveryTitle: 'リカバリーコード', recoveryIntro: '各コードはアプリなしで一度だけサインインできます。表示は今回限りです。安全な場所に保管してください。',
    disable: '無効にする', usersTitle: 'ユーザー', role: 'ロール', twoFactorShort: '2FA', actions: '操作', newUser: '新しいユーザー',
    delete: '削除', resetTwoFactor: '2FAをリセット', locksTitle: 'サインインのロック', lockKey: 'ロック対象', until: '期限', unlock: '解除', noLocks: 'ロックはありません。',
    tokensTitle: 'APIトークン', name: '名前', scopes: 'スコープ', expires: '有効期限', expiresDays: '有効日数（空欄: 無期限）',
    createdBy: '作成者', lastUsed: '最終使用', revoke: '失効', revoked: '失効済み', never: 'なし', newToken: '新しいトークン',
    tokenShown: '新しいトークン（表示は今回限り）:', auditTitle: '監査ログ', from: '開始', to: '終了', actor: '操作者', action: '操作',
    entity: '対象', address: 'アドレス', time: '日時', before: '変更前', after: '変更後', filter: '絞り込み', exportCsv: 'CSVエクスポート', yes: 'はい', no: 'いいえ',
  },
});
