// Console sessions (SPEC §6): a random id in an HttpOnly, SameSite=Strict cookie (Secure over
// HTTPS), stored as its SHA-256 digest, with its own CSRF token; ended after `idle_timeout` without
// a request or `absolute_timeout` after sign-in, whichever comes first.
import type { Session, User } from '../../db/security-store.ts';
import { randomToken, sha256Hex } from './secrets.ts';
import type { SecurityDeps } from './security-deps.ts';

export interface ActiveSession {
  session: Session;
  user: User;
}

/** Starts a session; returns the cookie value (the only copy of the id). */
export async function createSession(
  deps: SecurityDeps,
  userId: string,
  address: string,
  pending: boolean,
): Promise<string> {
  const id = randomToken(32);
  const now = deps.nowMs();
  await deps.store.security.createSession({
    idHash: sha256Hex(id),
    userId,
    csrfToken: randomToken(24),
    pending,
    createdMs: now,
    lastSeenMs: now,
    address,
  });
  return id;
}

/** Whether a session is past either timeout at nowMs (pure: SPEC §6 idle and absolute timeouts). */
export function isSessionExpired(
  session: Pick<Session, 'createdMs' | 'lastSeenMs'>,
  timeouts: { idleTimeoutMs: number; absoluteTimeoutMs: number },
  nowMs: number,
): boolean {
  return (
    nowMs - session.lastSeenMs >= timeouts.idleTimeoutMs || nowMs - session.createdMs >= timeouts.absoluteTimeoutMs
  );
}

/** The live session of a cookie value, its last-seen time moved to now; null when none or expired. */
export async function resolveSession(
  deps: SecurityDeps,
  cookieValue: string | undefined,
): Promise<ActiveSession | null> {
  if (!cookieValue || cookieValue.length > 200) return null;
  const session = await deps.store.security.getSession(sha256Hex(cookieValue));
  if (!session) return null;
  const now = deps.nowMs();
  if (isSessionExpired(session, deps.settings().session, now)) {
    await deps.store.security.deleteSession(session.idHash);
    return null;
  }
  const user = await deps.store.security.getUser(session.userId);
  if (!user) return null;
  // One write per few seconds of activity, not one per request.
  if (now - session.lastSeenMs >= 5_000) {
    session.lastSeenMs = now;
    await deps.store.security.updateSession(session);
  }
  return { session, user };
}

/** The TOTP step passed: a new id (no fixation across the step) with the same CSRF token. */
export async function completeSession(deps: SecurityDeps, active: ActiveSession, address: string): Promise<string> {
  await deps.store.security.deleteSession(active.session.idHash);
  return createSession(deps, active.user.id, address, false);
}

export async function endSession(deps: SecurityDeps, cookieValue: string): Promise<void> {
  await deps.store.security.deleteSession(sha256Hex(cookieValue));
}
