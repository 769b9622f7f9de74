// The records a service page lists for a period: incidents, maintenance windows, and the unknown
// stretches inside planned time (the U of SPEC §2.7, as instants, from sla/figures.ts).
import type { Incident, Maintenance, ServiceSpec } from '../../../sla/model.ts';
import { computeTimeSets } from '../../../sla/figures.ts';
import type { Interval } from '../../../sla/intervals.ts';
import type { Store } from '../../../db/store.ts';
import { loadServiceTimeline } from '../../../pipeline/service-timeline.ts';

export interface ServiceRecords {
  incidents: Incident[];
  maintenance: Maintenance[];
  unknown: Interval[];
}

export async function loadServiceRecords(
  store: Store,
  service: ServiceSpec,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<ServiceRecords> {
  const endMs = Math.max(fromMs, Math.min(toMs, nowMs));
  const [timeline, incidents, maintenance] = await Promise.all([
    loadServiceTimeline(store, service, fromMs, endMs),
    store.listIncidents(service.id, fromMs, Math.max(toMs, nowMs)),
    store.listMaintenance(service.id, fromMs, toMs),
  ]);
  const sets = computeTimeSets({ service, fromMs, toMs, nowMs, timeline, incidents, maintenance });
  return {
    incidents: incidents
      .filter((i) => i.startedAtMs < toMs && (i.resolvedAtMs ?? nowMs) > fromMs)
      .sort((a, b) => a.startedAtMs - b.startedAtMs),
    maintenance: maintenance.sort((a, b) => a.startMs - b.startMs),
    unknown: sets.unknown,
  };
}
