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

/**
 * What every figure of a period is made of (SPEC §2.7): the totals of P, D, U and excluded
 * maintenance, the incidents counted in it, the windows starting in it and its latency histogram.
 * Each is a sum or a union over disjoint periods, so frozen months (sla/month-snapshot.ts) add
 * theirs up and get the figures of the year.
 */
export interface FigureParts {
  plannedMs: number;
  downtimeMs: number;
  unknownMs: number;
  maintenanceMs: number;
  counted: readonly Incident[];
  windows: readonly Maintenance[];
  latencyCounts: ReadonlyMap<number, number>;
}

/** Maintenance windows starting in [from, to) (SPEC §2.7: a window counts in the period it starts in). */
export function windowsStartingIn(maintenance: readonly Maintenance[], fromMs: number, toMs: number): Maintenance[] {
  return maintenance.filter((w) => w.startMs >= fromMs && w.startMs < toMs);
}

export function computeFigureParts(input: FigureInput): FigureParts {
  const sets = computeTimeSets(input);
  return {
    plannedMs: totalMs(sets.planned),
    downtimeMs: totalMs(sets.downtime),
    unknownMs: totalMs(sets.unknown),
    maintenanceMs: totalMs(sets.maintenance),
    counted: countedIncidents(input.incidents, input.fromMs, input.toMs, input.nowMs),
    windows: windowsStartingIn(input.maintenance, input.fromMs, input.toMs),
    latencyCounts: input.latencyCounts,
  };
}

/** Planned time of the whole period, its future included: the error budget's base (SPEC §3 at_risk). */
export function fullPlannedMs(input: Omit<FigureInput, 'latencyCounts'>): number {
  return totalMs(computeTimeSets({ ...input, nowMs: input.toMs, timeline: [], incidents: [] }).planned);
}

export function computeFigures(input: FigureInput): Figures {
  return figuresFromParts(input.service, computeFigureParts(input), input.nowMs);
}

export function figuresFromParts(service: ServiceSpec, parts: FigureParts, nowMs: number): Figures {
  const { plannedMs: P, downtimeMs: D, unknownMs: U } = parts;
  const coverage = P > 0 ? (P - U) / P : null;
  const noticeClaims = service.claims.some((c) => c.metric === 'maintenance_notice');
  return {
    plannedSeconds: P / 1000,
    downtimeSeconds: D / 1000,
    unknownSeconds: U / 1000,
    maintenanceSeconds: parts.maintenanceMs / 1000,
    availability: P - U > 0 ? 1 - D / (P - U) : null,
    availabilityLower: P > 0 ? 1 - (D + U) / P : null,
    availabilityUpper: P > 0 ? 1 - D / P : null,
    coverage,
    ...incidentFigures(parts.counted, {
      nowMs,
      longAfterMs: service.longAfterMs,
      notificationBoundMs: notificationBoundMs(service),
      measured: (coverage ?? 0) > 0,
    }),
    maintenanceCount: parts.windows.length,
    maintenanceNoticeViolations: noticeClaims
      ? parts.windows.filter((w) => violatesNotice(w, service.claims)).length
      : null,
    latencyP50Ms: histogramPercentile(parts.latencyCounts, 50),
    latencyP95Ms: histogramPercentile(parts.latencyCounts, 95),
    latencyP99Ms: histogramPercentile(parts.latencyCounts, 99),
  };
}

/** The strictest notification_delay bound of the service (ms), or null without such a claim. */
export function notificationBoundMs(service: Pick<ServiceSpec, 'claims'>): number | null {
  const bounds = service.claims.filter((c) => c.metric === 'notification_delay').map((c) => c.bound);
  return bounds.length > 0 ? Math.min(...bounds) : null;
}
