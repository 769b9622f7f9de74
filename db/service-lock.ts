// Transactions that hold their services (Store.lockServices) before they read what they will
// write, so that processes sharing the store serialize per service instead of overwriting each
// other: a live batch, an import, a person's edit, a reconcile after a maintenance change.
import type { Incident } from '../sla/model.ts';
import type { AlertState } from '../sla/alert-lifecycle.ts';
import type { Store } from './store.ts';

/** fn in one transaction that first holds these services. */
export function lockedTransaction<T>(
  store: Store,
  serviceIds: Iterable<string>,
  fn: (tx: Store) => Promise<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.lockServices(serviceIds);
    return fn(tx);
  });
}

/**
 * A record as it is once its service is held: read for its service, then read again after the
 * lock, since a transaction that held the lock may have changed it in between.
 */
async function readLocked<T extends { serviceId: string }>(
  tx: Store,
  read: () => Promise<T | null>,
): Promise<T | null> {
  const first = await read();
  if (!first) return null;
  await tx.lockServices([first.serviceId]);
  return read();
}

export const lockedIncident = (tx: Store, id: string): Promise<Incident | null> =>
  readLocked(tx, () => tx.comms.getIncident(id));

/** The alert job writes alerts under the same lock. */
export const lockedAlert = (tx: Store, id: string): Promise<(AlertState & { id: string }) | null> =>
  readLocked(tx, () => tx.comms.getAlert(id));
