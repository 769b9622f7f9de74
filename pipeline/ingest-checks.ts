// Stores checks and brings every derived record up to date, all in one transaction: the entry
// of live recording (jobs/check-recorder.ts). Imports stream through the same ingestor.
import type { Check, ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { createCheckIngestor } from './check-ingestor.ts';
import { lockedTransaction } from '../db/service-lock.ts';

export async function ingestChecks(
  store: Store,
  services: readonly ServiceSpec[],
  checks: readonly Check[],
  nowMs: number,
): Promise<void> {
  if (checks.length === 0) return;
  const monitorIds = new Set(checks.map((c) => c.monitorId));
  // Held before any read: the fold states, rollups and incidents read below are this transaction's alone.
  const touched = services.filter((s) => s.monitors.some((m) => monitorIds.has(m.id))).map((s) => s.id);
  await lockedTransaction(store, touched, async (tx) => {
    await tx.insertChecks(checks);
    const ingestor = createCheckIngestor(tx, services, nowMs);
    await ingestor.add(checks);
    await ingestor.finish();
  });
}
