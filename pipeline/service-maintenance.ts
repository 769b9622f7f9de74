// Maintenance windows live in the store; those written in the config are synced into it (once
// each), so the store is the one source every figure reads.
import type { Maintenance, ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { reconcileProbeIncidents } from './reconcile-incidents.ts';
import { lockedTransaction } from '../db/service-lock.ts';

const sameWindow = (a: Maintenance, b: Maintenance) =>
  a.serviceId === b.serviceId && a.startMs === b.startMs && a.endMs === b.endMs && a.kind === b.kind;

/** Inserts the config's windows that the store does not have yet; returns how many were added. */
export async function syncConfigMaintenance(store: Store, windows: readonly Maintenance[]): Promise<number> {
  let added = 0;
  for (const w of windows) {
    const existing = await store.listMaintenance(w.serviceId, w.startMs, w.endMs);
    if (existing.some((e) => sameWindow(e, w))) continue;
    await store.insertMaintenance([w]);
    added++;
  }
  return added;
}

/**
 * Syncs every service's config windows in one transaction and derives its probe incidents again
 * from the first window when any was new (a window masks them, SPEC §2.5).
 */
export async function syncServicesMaintenance(
  store: Store,
  services: readonly { spec: ServiceSpec; maintenance: readonly Maintenance[] }[],
  nowMs: number,
): Promise<void> {
  // All at once and in order (Store.lockServices): one by one in config order could deadlock with a live batch.
  await lockedTransaction(
    store,
    services.map((s) => s.spec.id),
    async (tx) => {
      for (const { spec, maintenance } of services) {
        if ((await syncConfigMaintenance(tx, maintenance)) > 0) {
          await reconcileProbeIncidents(tx, spec, Math.min(...maintenance.map((w) => w.startMs)), nowMs);
        }
      }
    },
  );
}
