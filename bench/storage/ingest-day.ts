// Feeds the storage fleet's day to ingestChecks one hour (60,000 checks) per call.
import { performance } from 'node:perf_hooks';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import type { Store } from '../../db/store.ts';
import type { ServiceSpec } from '../../sla/model.ts';
import { fleetChecks } from '../lib/synthetic-fleet.ts';
import { storageFleet, storageNowMs } from './storage-scenario.ts';

export async function ingestStorageDay(
  store: Store,
  services: readonly ServiceSpec[],
): Promise<{ checks: number; ingestMs: number }> {
  let checks = 0;
  let ingestMs = 0;
  for (const batch of fleetChecks(storageFleet(), 3_600_000)) {
    const t = performance.now();
    await ingestChecks(store, services, batch, storageNowMs);
    ingestMs += performance.now() - t;
    checks += batch.length;
  }
  return { checks, ingestMs };
}
