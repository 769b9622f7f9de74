// The naive path: the year's figures recomputed from every raw check. Reads all checks of the
// service back from the store (listChecks per monitor location, in chunks), then evaluates them in
// memory with the sla/ functions, as sla/compute-scenario.ts does (computeScenario itself cannot
// take 10 M checks: its Math.min(...checks.map(…)) overflows the stack above ~120 k). Timed phase by phase.
import { performance } from 'node:perf_hooks';
import type { Check, Incident, Maintenance, ServiceSpec } from '../../sla/model.ts';
import type { Figures } from '../../sla/figures-types.ts';
import type { Store } from '../../db/store.ts';
import { monitorLocations } from '../../pipeline/service-timeline.ts';
import { serviceTimelineFromChecks } from '../../sla/compute-scenario.ts';
import { excludedMaintenance } from '../../sla/maintenance-rules.ts';
import { deriveProbeIncidents, toProbeIncident } from '../../sla/probe-incidents.ts';
import { computeFigures } from '../../sla/figures.ts';
import { mergeLatencyCounts, rollupChecks } from '../../sla/rollup.ts';

export interface NaiveRequest {
  service: ServiceSpec;
  maintenance: readonly Maintenance[];
  fromMs: number;
  toMs: number;
  nowMs: number;
}

export interface NaiveResult {
  figures: Figures;
  probeIncidents: Incident[];
  checks: number;
  /** ms per phase: read, timeline, incidents, rollups, figures. */
  phases: Record<string, number>;
}

const chunkRows = 100_000;

export async function naiveFigures(store: Store, request: NaiveRequest): Promise<NaiveResult> {
  const { service, fromMs, toMs, nowMs } = request;
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = now - t;
    t = now;
  };

  const checks = await readAllChecks(store, service, nowMs);
  lap('read');
  let startMs = fromMs;
  for (const c of checks) if (c.timeMs < startMs) startMs = c.timeMs;
  const timeline = serviceTimelineFromChecks(service, checks, startMs, nowMs);
  lap('timeline');
  const excluded = excludedMaintenance([...request.maintenance], service.claims);
  const probeIncidents = deriveProbeIncidents(timeline, excluded, service.mergeGapMs).map((d) =>
    toProbeIncident(service.id, d),
  );
  lap('incidents');
  const latencyCounts = new Map<number, number>();
  for (const r of rollupChecks(checks)) {
    if (r.hourMs >= fromMs && r.hourMs < toMs) mergeLatencyCounts(latencyCounts, r.latencyCounts);
  }
  lap('rollups');
  const figures = computeFigures({
    service,
    fromMs,
    toMs,
    nowMs,
    timeline,
    incidents: probeIncidents,
    maintenance: request.maintenance,
    latencyCounts,
  });
  lap('figures');
  return { figures, probeIncidents, checks: checks.length, phases };
}

/** Every raw check of the service's monitor locations before nowMs, oldest first per location. */
async function readAllChecks(store: Store, service: ServiceSpec, nowMs: number): Promise<Check[]> {
  const checks: Check[] = [];
  for (const monitor of service.monitors) {
    for (const location of monitorLocations(monitor)) {
      let cursorMs = Number.MIN_SAFE_INTEGER;
      for (;;) {
        const chunk = await store.listChecks(monitor.id, location, cursorMs, nowMs, chunkRows);
        for (const c of chunk) checks.push(c);
        if (chunk.length < chunkRows) break;
        cursorMs = chunk[chunk.length - 1]!.timeMs + 1;
      }
    }
  }
  return checks;
}
