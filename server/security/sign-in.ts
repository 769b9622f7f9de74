// Signing in (SPEC §6): username and password, then — when the account has TOTP — a code or a
// recovery code. Locks are checked first; every outcome is audited; a failure of either step
// counts towards the account's and the address's lockout; messages never tell which part was
// wrong or whether the account exists.
import type { User } from '../../db/security-store.ts';
import { recordAudit } from './audit.ts';
import { accountKey, addressKey, clearAccountFailures, lockedUntil, registerFailure } from './lockout.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { recoveryCodeHash } from './secrets.ts';
import type { SecurityDeps } from './security-deps.ts';
import { completeSession, createSession, type ActiveSession } from './sessions.ts';
import { verifyTotp } from './totp.ts';

export type SignInResult =
  | { ok: true; cookie: string; user: User; secondFactorDue: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; untilMs: number };

export async function signInWithPassword(
  deps: SecurityDeps,
  username: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const actor = { name: username.slice(0, 64) || 'anonymous', address };
  const until = await lockedUntil(deps, [accountKey(username), addressKey(address)]);
  if (until !== null) {
    await recordAudit(deps, actor, {
      action: 'sign_in.failure',
      entity: 'session',
      after: { reason: 'locked', until: new Date(until).toISOString() },
    });
    return { ok: false, reason: 'locked', untilMs: until };
  }
  const user = await deps.store.security.getUserByName(username);
  const good = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !good) {
    await recordAudit(deps, actor, { action: 'sign_in.failure', entity: 'session', after: { reason: 'password' } });
    await registerFailure(deps, username, actor);
    return { ok: false, reason: 'invalid' };
  }
  const secondFactorDue = user.totpEnabledMs !== null;
  const cookie = await createSession(deps, user.id, address, secondFactorDue);
  if (!secondFactorDue) await succeeded(deps, user, address, 'password');
  return { ok: true, cookie, user, secondFactorDue };
}

export type SecondFactorResult =
  | { ok: true; cookie: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; untilMs: number };

/** The TOTP step of a pending session: a current code, or an unused recovery code. */
export async function signInSecondFactor(
  deps: SecurityDeps,
  active: ActiveSession,
  code: string,
  address: string,
): Promise<SecondFactorResult> {
  const { user } = active;
  const actor = { name: user.username, address };
  const until = await lockedUntil(deps, [accountKey(user.username), addressKey(address)]);
  if (until !== null) {
    await recordAudit(deps, actor, {
      action: 'sign_in.failure',
      entity: 'session',
      after: { reason: 'locked', step: 'totp' },
    });
    return { ok: false, reason: 'locked', untilMs: until };
  }
  const now = deps.nowMs();
  const step = user.totpSecret ? verifyTotp(user.totpSecret, code, now, user.totpLastStep) : null;
  let method = 'totp';
  if (step !== null) await deps.store.security.updateUser({ ...user, totpLastStep: step });
  else if (
    code.trim().length >= 10 &&
    (await deps.store.security.useRecoveryCode(user.id, recoveryCodeHash(code), now))
  )
    method = 'recovery_code';
  else {
    await recordAudit(deps, actor, {
      action: 'sign_in.failure',
      entity: 'session',
      after: { reason: 'second_factor' },
    });
    await registerFailure(deps, user.username, actor);
    return { ok: false, reason: 'invalid' };
  }
  const cookie = await completeSession(deps, active, address);
  await succeeded(deps, user, address, method);
  return { ok: true, cookie };
}

async function succeeded(deps: SecurityDeps, user: User, address: string, method: string): Promise<void> {
  await clearAccountFailures(deps, user.username);
  await recordAudit(
    deps,
    { name: user.username, address },
    { action: 'sign_in.success', entity: 'session', entityId: user.id, after: { method } },
  );
}
