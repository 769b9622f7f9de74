// Lockout (SPEC §6): after `account_failures` failed sign-ins for one username, or `ip_failures`
// from one address, within `window`, that key is locked for `duration`. A lock refuses even the
// right password (so a lock does not reveal it), is logged, and an admin can lift it early.
import type { Actor, SecurityDeps } from './security-deps.ts';
import { recordAudit } from './audit.ts';

export const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The end of the lock on any of these keys still in force, or null. */
export async function lockedUntil(deps: SecurityDeps, keys: readonly string[]): Promise<number | null> {
  const now = deps.nowMs();
  let until: number | null = null;
  for (const key of keys) {
    const end = await deps.store.security.getLockUntil(key);
    if (end !== null && end > now) until = Math.max(until ?? 0, end);
  }
  return until;
}

/** Counts a failure against the account and the address, locking each that reached its limit. */
export async function registerFailure(deps: SecurityDeps, username: string, actor: Actor): Promise<void> {
  const { lockout } = deps.settings();
  const now = deps.nowMs();
  const keys = [accountKey(username), addressKey(actor.address)];
  const limits = [lockout.accountFailures, lockout.ipFailures];
  await deps.store.security.recordFailure(keys, now);
  for (const [i, key] of keys.entries()) {
    const failures = await deps.store.security.countFailures(key, now - lockout.windowMs);
    if (failures < limits[i]!) continue;
    await deps.store.security.setLock(key, now + lockout.durationMs);
    await deps.store.security.clearFailures(key);
    await recordAudit(deps, actor, {
      action: 'sign_in.lock',
      entity: 'lock',
      entityId: key,
      after: { failures, until: new Date(now + lockout.durationMs).toISOString() },
    });
  }
}

export async function clearAccountFailures(deps: SecurityDeps, username: string): Promise<void> {
  await deps.store.security.clearFailures(accountKey(username));
}

/** An admin lifts a lock (an account's or an address's). */
export async function unlock(deps: SecurityDeps, key: string, actor: Actor): Promise<void> {
  const until = await deps.store.security.getLockUntil(key);
  await deps.store.security.deleteLock(key);
  await deps.store.security.clearFailures(key);
  await recordAudit(deps, actor, {
    action: 'lock.remove',
    entity: 'lock',
    entityId: key,
    before: until === null ? null : { until: new Date(until).toISOString() },
  });
}
