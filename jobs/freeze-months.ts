// The frozen-months job: each hour, every closed month whose incidents are all resolved
// has its figures stored (pipeline/frozen-months.ts), so yearly exports reproduce later.
import type { ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { freezeClosedMonths } from '../pipeline/frozen-months.ts';
import { serviceWithStoredSheet } from '../pipeline/stored-sheet.ts';

export async function runFreezeMonths(store: Store, services: readonly ServiceSpec[], nowMs: number): Promise<number> {
  let frozen = 0;
  for (const service of services) {
    frozen += (await freezeClosedMonths(store, await serviceWithStoredSheet(store, service), nowMs)).length;
  }
  return frozen;
}
