// Accounts (SPEC §6): create with a role, change a password under the policy (the old hash joins
// the history), change a role, delete; enrol and drop TOTP with recovery codes. Each change is
// audited with before/after (never a hash or a secret).
import { roles, type Role, type User } from '../../db/security-store.ts';
import { recordAudit } from './audit.ts';
import { checkPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { createRecoveryCodes, recoveryCodeHash } from './secrets.ts';
import type { Actor, SecurityDeps } from './security-deps.ts';
import { createTotpSecret, verifyTotp } from './totp.ts';

export type AccountResult<T = void> = { ok: true; value: T } | { ok: false; errors: string[] };

const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** What an account looks like in the audit log and the API: no hash, no TOTP secret. */
export function publicUser(u: User) {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    twoFactor: u.totpEnabledMs !== null,
    passwordChanged: new Date(u.passwordChangedMs).toISOString(),
  };
}

export async function createAccount(
  deps: SecurityDeps,
  input: { username: string; role: string; password: string },
  actor: Actor,
): Promise<AccountResult<User>> {
  const errors: string[] = [];
  if (!usernamePattern.test(input.username))
    errors.push('username: 1-64 letters, digits, . _ @ - (starting with a letter or digit)');
  if (!(roles as readonly string[]).includes(input.role)) errors.push(`role: one of ${roles.join(', ')}`);
  const problems = await checkPassword(deps.settings().password, input.password, {
    username: input.username,
    previousHashes: [],
  });
  errors.push(...problems.map((p) => `password: ${p}`));
  if (errors.length === 0 && (await deps.store.security.getUserByName(input.username)))
    errors.push(`username: "${input.username}" exists`);
  if (errors.length > 0) return { ok: false, errors };
  const now = deps.nowMs();
  const passwordHash = await hashPassword(input.password);
  const id = await deps.store.security.createUser({
    username: input.username,
    role: input.role as Role,
    passwordHash,
    passwordChangedMs: now,
    createdMs: now,
  });
  await deps.store.security.addPasswordHistory(id, passwordHash, now);
  const user = (await deps.store.security.getUser(id))!;
  await recordAudit(deps, actor, { action: 'user.create', entity: 'user', entityId: id, after: publicUser(user) });
  return { ok: true, value: user };
}

export async function changePassword(
  deps: SecurityDeps,
  user: User,
  password: string,
  actor: Actor,
): Promise<AccountResult> {
  const policy = deps.settings().password;
  const previousHashes = await deps.store.security.listPasswordHistory(user.id, policy.history);
  const problems = await checkPassword(policy, password, { username: user.username, previousHashes });
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => `password: ${p}`) };
  const now = deps.nowMs();
  const passwordHash = await hashPassword(password);
  await deps.store.security.updateUser({ ...user, passwordHash, passwordChangedMs: now });
  await deps.store.security.addPasswordHistory(user.id, passwordHash, now);
  await recordAudit(deps, actor, {
    action: 'user.password',
    entity: 'user',
    entityId: user.id,
    before: { passwordChanged: new Date(user.passwordChangedMs).toISOString() },
    after: { passwordChanged: new Date(now).toISOString() },
  });
  return { ok: true, value: undefined };
}

export async function changeRole(deps: SecurityDeps, user: User, role: string, actor: Actor): Promise<AccountResult> {
  if (!(roles as readonly string[]).includes(role)) return { ok: false, errors: [`role: one of ${roles.join(', ')}`] };
  if (user.role === 'admin' && role !== 'admin' && (await deps.store.security.countAdmins()) <= 1)
    return { ok: false, errors: ['role: the last admin cannot lose the admin role'] };
  await deps.store.security.updateUser({ ...user, role: role as Role });
  await recordAudit(deps, actor, {
    action: 'user.role',
    entity: 'user',
    entityId: user.id,
    before: { role: user.role },
    after: { role },
  });
  return { ok: true, value: undefined };
}

export async function deleteAccount(deps: SecurityDeps, user: User, actor: Actor): Promise<AccountResult> {
  if (user.role === 'admin' && (await deps.store.security.countAdmins()) <= 1)
    return { ok: false, errors: ['the last admin cannot be deleted'] };
  await deps.store.security.deleteUser(user.id);
  await recordAudit(deps, actor, {
    action: 'user.delete',
    entity: 'user',
    entityId: user.id,
    before: publicUser(user),
  });
  return { ok: true, value: undefined };
}

/** Step 1 of enrolment: a new secret kept on the account, not yet required at sign-in. */
export async function startTotpEnrolment(deps: SecurityDeps, user: User): Promise<string> {
  const secret = createTotpSecret();
  await deps.store.security.updateUser({ ...user, totpSecret: secret, totpEnabledMs: null, totpLastStep: null });
  return secret;
}

/** Step 2: a code from the app proves it holds the secret; returns the recovery codes (shown once). */
export async function confirmTotpEnrolment(
  deps: SecurityDeps,
  user: User,
  code: string,
  actor: Actor,
): Promise<AccountResult<string[]>> {
  if (!user.totpSecret || user.totpEnabledMs !== null) return { ok: false, errors: ['start the enrolment first'] };
  const now = deps.nowMs();
  const step = verifyTotp(user.totpSecret, code, now, null);
  if (step === null) return { ok: false, errors: ['code: not the current code of the authenticator app'] };
  const codes = createRecoveryCodes();
  await deps.store.security.updateUser({ ...user, totpEnabledMs: now, totpLastStep: step });
  await deps.store.security.replaceRecoveryCodes(user.id, codes.map(recoveryCodeHash));
  await recordAudit(deps, actor, {
    action: 'user.two_factor.enable',
    entity: 'user',
    entityId: user.id,
    before: { twoFactor: false },
    after: { twoFactor: true },
  });
  return { ok: true, value: codes };
}

export async function disableTotp(deps: SecurityDeps, user: User, actor: Actor): Promise<void> {
  await deps.store.security.updateUser({ ...user, totpSecret: null, totpEnabledMs: null, totpLastStep: null });
  await deps.store.security.replaceRecoveryCodes(user.id, []);
  await recordAudit(deps, actor, {
    action: 'user.two_factor.disable',
    entity: 'user',
    entityId: user.id,
    before: { twoFactor: user.totpEnabledMs !== null },
    after: { twoFactor: false },
  });
}

/** Whether the `two_factor` setting requires this account to use TOTP. */
export function twoFactorRequired(deps: Pick<SecurityDeps, 'settings'>, user: Pick<User, 'role'>): boolean {
  const rule = deps.settings().twoFactor;
  return rule === 'everyone' || (rule === 'admins' && user.role === 'admin');
}
