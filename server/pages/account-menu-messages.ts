// Messages of the account menu in the page header.
import { defineMessages, type Lang } from './i18n.ts';

const messages = defineMessages({
  en: {
    account: 'Account',
    users: 'Users',
    tokens: 'API tokens',
    audit: 'Audit log',
    signOut: 'Sign out',
    viewer: 'viewer',
    editor: 'editor',
    admin: 'admin',
  },
  ja: {
    account: 'アカウント',
    users: 'ユーザー',
    tokens: 'APIトークン',
    audit: '監査ログ',
    signOut: 'サインアウト',
    viewer: '閲覧者',
    editor: '編集者',
    admin: '管理者',
  },
});

export function accountMenuMessages(lang: Lang) {
  const m = messages(lang);
  return { ...m, roles: { viewer: m.viewer, editor: m.editor, admin: m.admin } };
}
