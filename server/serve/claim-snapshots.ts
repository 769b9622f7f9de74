// The runtime's cached claim evaluations as /metrics snapshots.
import type { ServiceNow } from '../../jobs/services-now.ts';
import { claimValueOf, type ClaimSnapshot } from '../metrics/claim-snapshot.ts';

export function claimSnapshotsOf(current: ReadonlyMap<string, ServiceNow>): ClaimSnapshot[] {
  return [...current].map(([serviceId, now]) => ({
    serviceId,
    openIncidents: now.openIncidents,
    claims: now.claims.map((c) => claimValueOf(c.evaluation)),
  }));
}
