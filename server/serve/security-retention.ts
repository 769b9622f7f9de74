// The audit log is kept `security.audit_retention` (default one year); expired sessions and old
// sign-in failures go too (SPEC §6). Hourly, like the other retention.
import type { Store } from '../../db/store.ts';
import type { SlawatchConfig } from '../config/types.ts';
import { pruneAudit } from '../security/audit.ts';
import type { Log } from './logger.ts';

const everyMs = 3_600_000;

async function pruneSecurity(store: Store, config: () => SlawatchConfig, nowMs: () => number): Promise<void> {
  const now = nowMs();
  const { session, lockout } = config().security;
  await pruneAudit({ store, settings: () => config().security, nowMs });
  await store.security.pruneSessions(now - session.idleTimeoutMs, now - session.absoluteTimeoutMs);
  await store.security.pruneFailures(now - lockout.windowMs);
}

/** Prunes now, then hourly; a failing first pass fails the start, later ones are logged. */
export async function startSecurityRetention(
  store: Store,
  config: () => SlawatchConfig,
  nowMs: () => number,
  log: Log,
): Promise<NodeJS.Timeout> {
  const timer = setInterval(
    () =>
      void pruneSecurity(store, config, nowMs).catch((e) =>
        log('error', `security retention failed: ${(e as Error).message}`),
      ),
    everyMs,
  );
  timer.unref();
  await pruneSecurity(store, config, nowMs);
  return timer;
}
