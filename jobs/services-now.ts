// Where each service stands now: its claims evaluated over their current periods and its open
// incidents. The runtime keeps the last evaluation for /metrics, the dashboard and drift alerts.
import type { ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { evaluateCurrentClaims, type CurrentClaim } from '../pipeline/current-claims.ts';

export interface ServiceNow {
  claims: CurrentClaim[];
  /** Incidents open now, whenever they started. */
  openIncidents: number;
}

export async function evaluateServicesNow(
  store: Store,
  services: readonly { spec: ServiceSpec }[],
  nowMs: number,
): Promise<Map<string, ServiceNow>> {
  const next = new Map<string, ServiceNow>();
  for (const { spec } of services) {
    // SQLite answers synchronously, so a chain of awaits never lets timers run: yield between
    // services, or a minute's evaluation of hundreds of services delays every probe due meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    const open = (await store.listIncidents(spec.id, nowMs, nowMs + 1)).filter((i) => i.resolvedAtMs === null).length;
    next.set(spec.id, { claims: await evaluateCurrentClaims(store, spec, nowMs), openIncidents: open });
  }
  return next;
}
