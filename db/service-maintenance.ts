// Maintenance windows live in the store; those written in the config are synced into it (once
// each), so the store is the one source every figure reads.
import type { Maintenance } from '../sla/model.ts';
import type { Store } from './store.ts';

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
