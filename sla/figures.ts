// SPEC §2.7: every figure of one service for one period [from, to), measured up to now.
// Pure: the store path and the in-memory path (compute-scenario.ts) both end here.
import type { Incident, Maintenance, ServiceSpec } from './model.ts';
import type { Segment } from './segments.ts';
import type { Figures } from './figures-types.ts';
import {
  clipIntervals,
  intersectIntervals,
  subtractIntervals,
  totalMs,
  unionIntervals,
  type Interval,
} from './intervals.ts';
import { calendarIntervals } from './service-calendar.ts';
import { excludedMaintenance, violatesNotice } from './maintenance-rules.ts';
import { incidentDowntime } from './probe-incidents.ts';
import { countedIncidents, incidentFigures } from './incident-figures.ts';
import { histogramPercentile } from './percentiles.ts';

export interface FigureInput {
  service: ServiceSpec;
  fromMs: number;
  toMs: number;
  nowMs: number;
  /** The service state over [from, E); instants it does not cover are unknown. */
  timeline: readonly Segment[];
  /** Every incident (all sources) that overlaps the period or starts in it. */
  incidents: readonly Incident[];
  maintenance: readonly Maintenance[];
  /** Latency histogram of the up checks in the period's hours (README rule 11). */
  latencyCounts: ReadonlyMap<number, number>;
}

export interface TimeSets {
  endMs: number;
  planned: Interval[];
  downtime: Interval[];
  unknown: Interval[];
  maintenance: Interval[];
}

/** P, D, U and excluded maintenance as sets of instants (SPEC §2.6, §2.7). */
export function computeTimeSets(input: Omit<FigureInput, 'latencyCounts'>): TimeSets {
  const { service, fromMs, nowMs } = input;
  const endMs = Math.max(fromMs, Math.min(input.toMs, nowMs));
  const calendar = calendarIntervals(service.calendar, service.timezone, fromMs, endMs);
  const excluded = intersectIntervals(calendar, excludedMaintenance(input.maintenance, service.claims));
  const planned = subtractIntervals(calendar, excluded);
  const covered = unionIntervals(input.timeline.filter((s) => s.state !== 'unknown'));
  const unknownAll = subtractIntervals([{ startMs: fromMs, endMs }], covered);
  const outage = input.incidents.filter((i) => i.impact === 'outage');
  const downtime = intersectIntervals(
    unionIntervals(outage.flatMap((i) => incidentDowntime(i, unknownAll, nowMs))),
    planned,
  );
  const unknown = subtractIntervals(intersectIntervals(unknownAll, planned), downtime);
  return { endMs, planned, downtime, unknown, maintenance: clipIntervals(excluded, fromMs, endMs) };
}

export function computeFigures(input: FigureInput): Figures {
  const sets = computeTimeSets(input);
  const P = totalMs(sets.planned);
  const D = totalMs(sets.downtime);
  const U = totalMs(sets.unknown);
  const coverage = P > 0 ? (P - U) / P : null;
  const counted = countedIncidents(input.incidents, input.fromMs, input.toMs, input.nowMs);
  const noticeClaims = input.service.claims.some((c) => c.metric === 'maintenance_notice');
  const windowsStarting = input.maintenance.filter((w) => w.startMs >= input.fromMs && w.startMs < input.toMs);
  return {
    plannedSeconds: P / 1000,
    downtimeSeconds: D / 1000,
    unknownSeconds: U / 1000,
    maintenanceSeconds: totalMs(sets.maintenance) / 1000,
    availability: P - U > 0 ? 1 - D / (P - U) : null,
    availabilityLower: P > 0 ? 1 - (D + U) / P : null,
    availabilityUpper: P > 0 ? 1 - D / P : null,
    coverage,
    ...incidentFigures(counted, {
      nowMs: input.nowMs,
      longAfterMs: input.service.longAfterMs,
      notificationBoundMs: notificationBoundMs(input.service),
      measured: (coverage ?? 0) > 0,
    }),
    maintenanceCount: windowsStarting.length,
    maintenanceNoticeViolations: noticeClaims
      ? windowsStarting.filter((w) => violatesNotice(w, input.service.claims)).length
      : null,
    latencyP50Ms: histogramPercentile(input.latencyCounts, 50),
    latencyP95Ms: histogramPercentile(input.latencyCounts, 95),
    latencyP99Ms: histogramPercentile(input.latencyCounts, 99),
  };
}

/** The strictest notification_delay bound of the service (ms), or null without such a claim. */
export function notificationBoundMs(service: Pick<ServiceSpec, 'claims'>): number | null {
  const bounds = service.claims.filter((c) => c.metric === 'notification_delay').map((c) => c.bound);
  return bounds.length > 0 ? Math.min(...bounds) : null;
}

