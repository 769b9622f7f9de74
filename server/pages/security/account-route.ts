// /account and its actions: change the password, start, confirm or turn off TOTP. Each route is
// one named step that acts through server/security/accounts.ts and shows the page with its
// outcome. An account that must enrol or change an expired password is sent here first
// (authorize.ts).
import type { Context, Hono } from 'hono';
import QRCode from 'qrcode';
import type { User } from '../../../db/security-store.ts';
import {
  changePassword,
  confirmTotpEnrolment,
  disableTotp,
  startTotpEnrolment,
  twoFactorRequired,
} from '../../security/accounts.ts';
import { accountGate } from '../../security/http/authorize.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { totpUri } from '../../security/totp.ts';
import { accountPage, type AccountData, type AccountOutcome } from './account-page.tsx';
import { actorOf, form, securityPage, type SecurityPageDeps } from './security-page-kit.ts';

const wrongPassword = 'current: the current password is wrong';

export function registerAccountRoutes(app: Hono, deps: SecurityPageDeps): void {
  app.get('/account', (c) => show(c, deps, {}));
  app.post('/account/password', (c) => changeOwnPassword(c, deps));
  app.post('/account/two-factor/start', (c) => startEnrolment(c, deps));
  app.post('/account/two-factor/confirm', (c) => confirmEnrolment(c, deps));
  app.post('/account/two-factor/disable', (c) => turnOffTwoFactor(c, deps));
}

/** The signed-in account, read fresh from the store. */
async function userOf(c: Context, { security }: SecurityPageDeps): Promise<User> {
  const p = c.get('principal');
  if (p.kind !== 'user') throw new Error('authorize lets only accounts reach /account');
  return (await security.store.security.getUser(p.user.id))!;
}

async function loadAccount({ security }: SecurityPageDeps, user: User): Promise<AccountData> {
  return {
    username: user.username,
    gate: accountGate(security, user),
    totpEnabledMs: user.totpEnabledMs,
    unusedRecoveryCodes: await security.store.security.countUnusedRecoveryCodes(user.id),
    twoFactorRequired: twoFactorRequired(security, user),
    minPasswordLength: security.settings().password.minLength,
  };
}

async function show(c: Context, deps: SecurityPageDeps, outcome: AccountOutcome, status?: 400) {
  const account = await loadAccount(deps, await userOf(c, deps));
  return securityPage(c, deps.pages, (ctx) => accountPage(ctx, account, outcome), status);
}

async function changeOwnPassword(c: Context, deps: SecurityPageDeps) {
  const user = await userOf(c, deps);
  const body = await form(c);
  if (!(await verifyPassword(user.passwordHash, body.current ?? '')))
    return show(c, deps, { errors: [wrongPassword] }, 400);
  const changed = await changePassword(deps.security, user, body.password ?? '', actorOf(c));
  return changed.ok ? show(c, deps, { notice: 'Password changed.' }) : show(c, deps, { errors: changed.errors }, 400);
}

/** The QR code and secret of an enrolment under way. */
async function enrolmentOf(user: User): Promise<AccountOutcome['enrolment']> {
  // The URI holds the secret, so the QR code is rendered here and never sent to a third-party QR
  // service.
  const svg = await QRCode.toString(totpUri(user.totpSecret!, user.username), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { svg, secret: user.totpSecret! };
}

async function startEnrolment(c: Context, deps: SecurityPageDeps) {
  const user = await userOf(c, deps);
  if (user.totpEnabledMs !== null) return show(c, deps, {});
  await startTotpEnrolment(deps.security, user);
  return show(c, deps, { enrolment: await enrolmentOf(await userOf(c, deps)) });
}

async function confirmEnrolment(c: Context, deps: SecurityPageDeps) {
  const user = await userOf(c, deps);
  const body = await form(c);
  const result = await confirmTotpEnrolment(deps.security, user, body.code ?? '', actorOf(c));
  if (result.ok) return show(c, deps, { recoveryCodes: result.value });
  const enrolling = user.totpSecret && user.totpEnabledMs === null;
  return show(c, deps, { errors: result.errors, enrolment: enrolling ? await enrolmentOf(user) : undefined }, 400);
}

async function turnOffTwoFactor(c: Context, deps: SecurityPageDeps) {
  const user = await userOf(c, deps);
  const body = await form(c);
  if (twoFactorRequired(deps.security, user))
    return show(c, deps, { errors: ['two-factor sign-in is required for this account'] }, 400);
  if (!(await verifyPassword(user.passwordHash, body.current ?? '')))
    return show(c, deps, { errors: [wrongPassword] }, 400);
  await disableTotp(deps.security, user, actorOf(c));
  return show(c, deps, {});
}
