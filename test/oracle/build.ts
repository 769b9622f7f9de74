// Small builders for hand-written scenarios: times are seconds after T0 so that the arithmetic in
// a test's comment reads in the same numbers as its scenario.
import type { Check, Claim, ClaimMetric, Incident, Maintenance, MonitorSpec, ServiceSpec } from '../../sla/model.ts';
import type { Scenario } from '../../sla/scenario.ts';
import type { Figures } from '../../sla/figures-types.ts';

/** 2026-03-02T00:00:00Z, a Monday at a whole UTC hour. */
export const T0_MS = Date.parse('2026-03-02T00:00:00Z');
export const DAY_S = 86_400;

/** The instant `seconds` after T0, in ms. */
export const at = (seconds: number): number => T0_MS + seconds * 1000;
/** Seconds after T0 of an instant in ms (the inverse of `at`). */
export const sinceT0 = (ms: number): number => (ms - T0_MS) / 1000;

export function service(over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    id: 'svc',
    name: 'Service',
    timezone: 'UTC',
    downWhen: 'any',
    longAfterMs: DAY_S * 1000,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    monitors: [],
    claims: [],
    ...over,
  };
}

/** A monitor probed every 60 s from one location, confirm 1. */
export function monitor(id: string, over: Partial<MonitorSpec> = {}): MonitorSpec {
  return { id, type: 'http', intervalMs: 60_000, confirm: 1, locations: ['local'], quorum: 1, ...over };
}

/**
 * Checks from a pattern: the i-th character is the check at firstS + i × stepS, `u` up, `d` down,
 * `.` no check. Up checks have latency 100 ms.
 */
export function series(
  monitorId: string,
  pattern: string,
  { firstS = 0, stepS = 60, location = 'local' }: { firstS?: number; stepS?: number; location?: string } = {},
): Check[] {
  const checks: Check[] = [];
  [...pattern].forEach((c, i) => {
    if (c === '.') return;
    if (c !== 'u' && c !== 'd') throw new Error(`series: bad pattern character ${c}`);
    checks.push({
      monitorId,
      location,
      timeMs: at(firstS + i * stepS),
      status: c === 'u' ? 'up' : 'down',
      latencyMs: c === 'u' ? 100 : null,
    });
  });
  return checks;
}

export function claim(metric: ClaimMetric, bound: number, over: Partial<Claim> = {}): Claim {
  return {
    id: metric,
    sheetRow: null,
    metric,
    direction: metric === 'availability' ? 'min' : 'max',
    bound,
    period: { kind: 'year' },
    minCoverage: 0.99,
    ...over,
  };
}

/** A period's figures with nothing measured and full coverage, but for `over`. */
export function figures(over: Partial<Figures> = {}): Figures {
  return {
    plannedSeconds: 0,
    downtimeSeconds: 0,
    unknownSeconds: 0,
    maintenanceSeconds: 0,
    availability: null,
    availabilityLower: null,
    availabilityUpper: null,
    coverage: 1,
    incidentCount: null,
    longIncidentCount: null,
    openIncidentCount: null,
    mttrSeconds: null,
    notificationDelayMaxSeconds: null,
    notificationDelayP50Seconds: null,
    incidentsNotifiedLate: null,
    maintenanceCount: 0,
    maintenanceNoticeViolations: null,
    latencyP50Ms: null,
    latencyP95Ms: null,
    latencyP99Ms: null,
    ...over,
  };
}

/** A recorded incident; times in seconds after T0 (null stays null). */
export function incident(
  startS: number,
  resolvedS: number | null,
  over: {
    impact?: Incident['impact'];
    source?: Incident['source'];
    detectedS?: number | null;
    notifiedS?: number | null;
  } = {},
): Incident {
  return {
    serviceId: 'svc',
    startedAtMs: at(startS),
    detectedAtMs: over.detectedS == null ? null : at(over.detectedS),
    notifiedAtMs: over.notifiedS == null ? null : at(over.notifiedS),
    resolvedAtMs: resolvedS === null ? null : at(resolvedS),
    impact: over.impact ?? 'outage',
    source: over.source ?? 'manual',
    title: 'recorded',
  };
}

export function window(
  startS: number,
  endS: number,
  kind: Maintenance['kind'],
  announcedS: number | null,
): Maintenance {
  return {
    serviceId: 'svc',
    startMs: at(startS),
    endMs: at(endS),
    kind,
    announcedAtMs: announcedS === null ? null : at(announcedS),
    title: 'window',
  };
}

/** A scenario over [0, 600) s with now at its end, unless told otherwise. */
export function scenario(
  svc: ServiceSpec,
  over: {
    checks?: Check[];
    incidents?: Incident[];
    maintenance?: Maintenance[];
    fromS?: number;
    toS?: number;
    nowS?: number;
  } = {},
): Scenario {
  const toS = over.toS ?? 600;
  return {
    service: svc,
    checks: over.checks ?? [],
    incidents: over.incidents ?? [],
    maintenance: over.maintenance ?? [],
    fromMs: at(over.fromS ?? 0),
    toMs: at(toS),
    nowMs: at(over.nowS ?? toS),
  };
}
