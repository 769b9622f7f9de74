// The brute-force oracle: a deliberately naive second-by-second evaluation of README "How each
// figure is defined" (rules 1–11), written without reading the engine so that the two can be
// compared (test/sla/oracle.property.test.ts). Every time in a scenario must be a whole second:
// then every state is constant over each second [t, t + 1 s), and looking at the instant t of
// every second is exact. Slow on purpose; each step cites the rule it implements.
import type { Check, Claim, Incident, MaintenanceKind, MonitorSpec, ServiceSpec } from '../../sla/model.ts';
import type { BackupFreshness, Figures } from '../../sla/figures-types.ts';
import type { Scenario, ScenarioResult } from '../../sla/scenario.ts';
import { isInCalendar } from './calendar.ts';

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;

type HeldState = 'up' | 'down' | 'unknown';
type ServiceState = HeldState | 'maintenance';

/** A state at one second, with the known-at of README rule 5 when the state is down. */
interface Instant {
  state: HeldState;
  knownAtMs: number | null;
}

/** The seconds [startMs, endMs) the oracle looks at, one index per second. */
interface Grid {
  startMs: number;
  count: number;
  /** Index of the first second at or after now: later seconds have not happened (rule 10). */
  nowIndex: number;
}

const timeOf = (grid: Grid, i: number): number => grid.startMs + i * SECOND_MS;
const indexOf = (grid: Grid, tMs: number): number => (tMs - grid.startMs) / SECOND_MS;

export function oracleScenario(s: Scenario): ScenarioResult {
  assertWholeSeconds(s);
  const { service } = s;
  // Rule 10: time at or after now has not happened, so neither have checks stamped then.
  const checks = s.checks.filter((c) => c.timeMs < s.nowMs);
  assertChecksBelongToService(service, checks);
  for (const incident of s.incidents) {
    if (incident.source === 'probe') throw new Error('oracle: probe incidents are derived, not given');
  }

  // The timeline runs from the earliest relevant time to max(to, now).
  const startMs = Math.min(
    s.fromMs,
    s.nowMs,
    service.historyFromMs ?? Infinity,
    ...checks.map((c) => c.timeMs),
    ...s.incidents.map((i) => i.startedAtMs),
    ...s.maintenance.map((m) => m.startMs),
  );
  const endMs = Math.max(s.toMs, s.nowMs);
  const grid: Grid = {
    startMs,
    count: (endMs - startMs) / SECOND_MS,
    nowIndex: (s.nowMs - startMs) / SECOND_MS,
  };

  const excluded = excludedMaintenance(s, grid);
  const serviceTimeline = serviceStates(service, checks, grid);
  // Rule 6: inside an excluding window the service state is `maintenance`.
  const overlaid: ServiceState[] = serviceTimeline.map((instant, i) => (excluded[i] ? 'maintenance' : instant.state));
  const knownAt = serviceTimeline.map((instant) => instant.knownAtMs);
  const probe = probeIncidents(service, overlaid, knownAt, grid);

  return {
    figures: figures(s, checks, grid, overlaid, excluded, probe),
    backupFreshnessSeconds: backupFreshness(s, checks),
    probeIncidents: probe.map((p) => p.incident),
  };
}

// ---------------------------------------------------------------------------------------------
// Rules 1–2: one monitor location's timeline.

/** One monitor location's states, one entry per second of the grid. */
interface Timeline {
  state: HeldState[];
  /** Known-at (rule 5) of each down second; null otherwise. */
  knownAtMs: (number | null)[];
}

/**
 * Rule 1: a check at t holds its status over [t, min(next check, t + 2 × interval)); time no check
 * holds is unknown (so is the time before the location's first check, rule 3).
 * Rule 2: a failing check counts as down only when its run of consecutive failing checks (in this
 * location's sequence, gaps do not break it) has at least `confirm` checks; the whole run is then
 * down from its first check, and each down instant t is known at max(t, k), k the confirm-th
 * check's time (rule 5). A shorter run (a blip, or a run still in progress) counts as up.
 */
function locationTimeline(monitor: MonitorSpec, own: Check[], grid: Grid): Timeline {
  const timeline: Timeline = {
    state: new Array<HeldState>(grid.count).fill('unknown'),
    knownAtMs: new Array<number | null>(grid.count).fill(null),
  };
  const sorted = [...own].sort((a, b) => a.timeMs - b.timeMs);
  // Rule 2: the first and last check of the failing run each failing check belongs to.
  const runFirst: number[] = [];
  sorted.forEach((c, j) => {
    runFirst[j] = j > 0 && c.status === 'down' && sorted[j - 1]!.status === 'down' ? runFirst[j - 1]! : j;
  });
  const runLast: number[] = [];
  for (let j = sorted.length - 1; j >= 0; j -= 1) {
    const next = sorted[j + 1];
    runLast[j] = next && sorted[j]!.status === 'down' && next.status === 'down' ? runLast[j + 1]! : j;
  }

  sorted.forEach((check, j) => {
    let state: HeldState = check.status;
    let confirmingMs: number | null = null;
    if (check.status === 'down') {
      const first = runFirst[j]!;
      if (runLast[j]! - first + 1 >= monitor.confirm) {
        confirmingMs = sorted[first + monitor.confirm - 1]!.timeMs;
      } else {
        state = 'up'; // a blip, or a short run still in progress
      }
    }
    const next = sorted[j + 1];
    const holdEndMs = Math.min(next ? next.timeMs : Infinity, check.timeMs + 2 * monitor.intervalMs);
    for (let t = check.timeMs; t < holdEndMs; t += SECOND_MS) {
      const i = indexOf(grid, t);
      if (i >= grid.nowIndex) break;
      timeline.state[i] = state;
      timeline.knownAtMs[i] = state === 'down' ? Math.max(t, confirmingMs!) : null;
    }
  });
  return timeline;
}

/** The k-th smallest value (k counts from 1). */
function kthEarliest(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[k - 1];
  if (value === undefined) throw new Error('oracle: kthEarliest out of range');
  return value;
}

// ---------------------------------------------------------------------------------------------
// Rules 3–4 and 8: monitor and service state at each second.

/**
 * Rule 3: a monitor is down when at least `quorum` locations are down (known at the quorum-th
 * earliest of their known-ats, rule 5), up when fewer than `quorum` are down or unknown, unknown
 * otherwise. `i` is the second looked at.
 */
function monitorInstant(monitor: MonitorSpec, locations: Timeline[], i: number): Instant {
  const downKnownAt: number[] = [];
  let unknown = 0;
  for (const location of locations) {
    if (location.state[i] === 'down') downKnownAt.push(location.knownAtMs[i]!);
    if (location.state[i] === 'unknown') unknown += 1;
  }
  if (downKnownAt.length >= monitor.quorum) {
    return { state: 'down', knownAtMs: kthEarliest(downKnownAt, monitor.quorum) };
  }
  if (downKnownAt.length + unknown < monitor.quorum) return { state: 'up', knownAtMs: null };
  return { state: 'unknown', knownAtMs: null };
}

/**
 * Rule 4 (SPEC §2.4): the service state from the monitors taking part (those whose first check,
 * at any location, is at or before t), by down_when in three-valued logic; known-at by rule 5.
 */
function combineMonitors(downWhen: ServiceSpec['downWhen'], monitors: Instant[]): Instant {
  const downKnownAt: number[] = [];
  let unknown = 0;
  let up = 0;
  for (const m of monitors) {
    if (m.state === 'down') downKnownAt.push(m.knownAtMs!);
    if (m.state === 'unknown') unknown += 1;
    if (m.state === 'up') up += 1;
  }
  const down = downKnownAt.length;
  if (downWhen === 'any') {
    if (down > 0) return { state: 'down', knownAtMs: Math.min(...downKnownAt) };
    if (unknown > 0) return { state: 'unknown', knownAtMs: null };
    return { state: 'up', knownAtMs: null };
  }
  if (downWhen === 'all') {
    if (down === monitors.length) return { state: 'down', knownAtMs: Math.max(...downKnownAt) };
    if (up > 0) return { state: 'up', knownAtMs: null };
    return { state: 'unknown', knownAtMs: null };
  }
  if (down >= downWhen) return { state: 'down', knownAtMs: kthEarliest(downKnownAt, downWhen) };
  if (down + unknown < downWhen) return { state: 'up', knownAtMs: null };
  return { state: 'unknown', knownAtMs: null };
}

function serviceStates(service: ServiceSpec, checks: Check[], grid: Grid): Instant[] {
  const perMonitor = service.monitors.map((monitor) => {
    const own = checks.filter((c) => c.monitorId === monitor.id);
    return {
      monitor,
      // Rule 4: a monitor takes part only from its first check at any location.
      firstCheckMs: Math.min(...own.map((c) => c.timeMs)),
      // Rule 3: each configured location has its own timeline.
      locations: monitor.locations.map((location) =>
        locationTimeline(
          monitor,
          own.filter((c) => c.location === location),
          grid,
        ),
      ),
    };
  });

  const states: Instant[] = [];
  for (let i = 0; i < grid.count; i += 1) {
    const t = timeOf(grid, i);
    if (i >= grid.nowIndex) {
      states.push({ state: 'unknown', knownAtMs: null }); // not yet happened; never looked at
      continue;
    }
    const taking = perMonitor.filter((m) => m.firstCheckMs <= t);
    if (taking.length === 0) {
      // Rule 8: before the service's first check (always, without monitors or checks), time is
      // up from history_from on (recorded incidents add downtime in rule 11), unknown before.
      const historyFromMs = service.historyFromMs;
      states.push({ state: historyFromMs !== null && t >= historyFromMs ? 'up' : 'unknown', knownAtMs: null });
      continue;
    }
    const monitors = taking.map((m) => monitorInstant(m.monitor, m.locations, i));
    states.push(combineMonitors(service.downWhen, monitors));
  }
  return states;
}

// ---------------------------------------------------------------------------------------------
// Rule 6: which maintenance windows exclude time.

/**
 * The notice bound (ms) a window of this kind must meet: every maintenance_notice claim for its
 * kind or without a kind applies, so the strictest (largest) of them; null when none applies.
 */
export function noticeBoundMs(claims: Claim[], kind: MaintenanceKind): number | null {
  const bounds = claims
    .filter((c) => c.metric === 'maintenance_notice' && (c.kind === undefined || c.kind === kind))
    .map((c) => c.bound);
  return bounds.length === 0 ? null : Math.max(...bounds);
}

/**
 * Rule 6: a `downtime` window excludes when announced at least the notice bound ahead (with no
 * applicable notice claim, every downtime window excludes). Per second: inside an excluding one?
 */
function excludedMaintenance(s: Scenario, grid: Grid): boolean[] {
  const boundMs = noticeBoundMs(s.service.claims, 'downtime');
  const excluding = s.maintenance.filter(
    (m) =>
      m.kind === 'downtime' &&
      (boundMs === null || (m.announcedAtMs !== null && m.startMs - m.announcedAtMs >= boundMs)),
  );
  const excluded = new Array<boolean>(grid.count).fill(false);
  for (const m of excluding) {
    for (let t = m.startMs; t < m.endMs; t += SECOND_MS) {
      const i = indexOf(grid, t);
      if (i >= 0 && i < grid.count) excluded[i] = true;
    }
  }
  return excluded;
}

// ---------------------------------------------------------------------------------------------
// Rule 7: probe incidents.

interface ProbeIncident {
  incident: Incident;
  /** Rule 11: the seconds of its span that count in D (every state but unknown). */
  downtimeIndexes: number[];
}

function probeIncidents(
  service: ServiceSpec,
  states: ServiceState[],
  knownAt: (number | null)[],
  grid: Grid,
): ProbeIncident[] {
  // An incident starts at each second the state is down while none is open, and is resolved at
  // the first up second; unknown and maintenance seconds neither open nor end one.
  const raw: { startMs: number; resolvedMs: number | null }[] = [];
  let openMs: number | null = null;
  for (let i = 0; i < grid.nowIndex; i += 1) {
    const t = timeOf(grid, i);
    if (states[i] === 'down' && openMs === null) openMs = t;
    if (states[i] === 'up' && openMs !== null) {
      raw.push({ startMs: openMs, resolvedMs: t });
      openMs = null;
    }
  }
  if (openMs !== null) raw.push({ startMs: openMs, resolvedMs: null });

  // Merged when the next one starts less than merge_gap after the previous was resolved.
  const merged: { startMs: number; resolvedMs: number | null }[] = [];
  for (const next of raw) {
    const previous = merged[merged.length - 1];
    if (previous && previous.resolvedMs !== null && next.startMs - previous.resolvedMs < service.mergeGapMs) {
      previous.resolvedMs = next.resolvedMs;
    } else {
      merged.push({ ...next });
    }
  }

  return merged.map(({ startMs, resolvedMs }) => {
    const spanEndMs = resolvedMs ?? timeOf(grid, grid.nowIndex); // rule 10: an open one runs to now
    const indexes: number[] = [];
    for (let t = startMs; t < spanEndMs; t += SECOND_MS) indexes.push(indexOf(grid, t));
    // detected_at: the earliest known-at (rule 5) of its down seconds (maintenance ones are not
    // down: the overlay replaced them).
    const detectedAtMs = Math.min(...indexes.filter((i) => states[i] === 'down').map((i) => knownAt[i]!));
    return {
      incident: {
        serviceId: service.id,
        startedAtMs: startMs,
        detectedAtMs,
        notifiedAtMs: null,
        resolvedAtMs: resolvedMs,
        impact: 'outage',
        source: 'probe',
        title: 'probe outage',
      },
      downtimeIndexes: indexes.filter((i) => states[i] !== 'unknown'),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Rules 9–11: the figures of [from, to).

/** Rule 10: an open incident runs to now. */
const endOrNow = (incident: Incident, nowMs: number): number => incident.resolvedAtMs ?? nowMs;

function figures(
  s: Scenario,
  checks: Check[],
  grid: Grid,
  states: ServiceState[],
  excluded: boolean[],
  probe: ProbeIncident[],
): Figures {
  const { service } = s;
  const periodEndMs = Math.min(s.toMs, s.nowMs); // rule 10: E

  // Rule 11 D: the union of outage incidents' spans, second by second.
  const inDowntime: boolean[] = new Array<boolean>(grid.count).fill(false);
  for (const p of probe) for (const i of p.downtimeIndexes) inDowntime[i] = true;
  for (const incident of s.incidents) {
    if (incident.impact !== 'outage') continue;
    for (let t = incident.startedAtMs; t < endOrNow(incident, s.nowMs); t += SECOND_MS) {
      const i = indexOf(grid, t);
      if (i >= 0 && i < grid.count) inDowntime[i] = true;
    }
  }

  // Rule 11 P, maintenance, D and U over the seconds of [from, E) inside the calendar.
  let planned = 0;
  let maintenance = 0;
  let downtime = 0;
  let unknown = 0;
  for (let t = s.fromMs; t < periodEndMs; t += SECOND_MS) {
    if (!isInCalendar(t, service.timezone, service.calendar)) continue;
    const i = indexOf(grid, t);
    if (excluded[i]) {
      maintenance += 1;
      continue;
    }
    planned += 1;
    if (inDowntime[i]) downtime += 1;
    else if (states[i] === 'unknown') unknown += 1;
  }

  const ratio = (numerator: number, divisor: number): number | null => (divisor === 0 ? null : numerator / divisor);
  const availability = planned - unknown === 0 ? null : 1 - downtime / (planned - unknown);
  const coverage = ratio(planned - unknown, planned);

  const counted = countedIncidents(
    s,
    probe.map((p) => p.incident),
  );
  return {
    plannedSeconds: planned,
    downtimeSeconds: downtime,
    unknownSeconds: unknown,
    maintenanceSeconds: maintenance,
    availability,
    availabilityLower: planned === 0 ? null : 1 - (downtime + unknown) / planned,
    availabilityUpper: planned === 0 ? null : 1 - downtime / planned,
    coverage,
    ...incidentFigures(s, counted, coverage),
    ...maintenanceFigures(s),
    ...latencyFigures(s, checks),
  };
}

/**
 * Rule 9: incidents started in [from, to), both impacts, all sources, but not a probe incident
 * that overlaps an outage incident of another source (spans [started, resolved ?? now)).
 */
function countedIncidents(s: Scenario, probe: Incident[]): Incident[] {
  const overlapsRecordedOutage = (p: Incident): boolean =>
    s.incidents.some(
      (r) =>
        r.impact === 'outage' &&
        Math.max(p.startedAtMs, r.startedAtMs) < Math.min(endOrNow(p, s.nowMs), endOrNow(r, s.nowMs)),
    );
  return [...probe.filter((p) => !overlapsRecordedOutage(p)), ...s.incidents].filter(
    (i) => s.fromMs <= i.startedAtMs && i.startedAtMs < s.toMs,
  );
}

type IncidentFigureKeys =
  | 'incidentCount'
  | 'longIncidentCount'
  | 'openIncidentCount'
  | 'mttrSeconds'
  | 'notificationDelayMaxSeconds'
  | 'notificationDelayP50Seconds'
  | 'incidentsNotifiedLate';

function incidentFigures(s: Scenario, counted: Incident[], coverage: number | null): Pick<Figures, IncidentFigureKeys> {
  const { service, nowMs } = s;
  // Counts are null when the period has no measured time and no counted incident.
  const noCounts = (coverage === null || coverage === 0) && counted.length === 0;
  const lastedMs = (i: Incident): number => endOrNow(i, nowMs) - i.startedAtMs;

  const resolved = counted.filter((i) => i.resolvedAtMs !== null);
  const detectedMs = (i: Incident): number => i.detectedAtMs ?? i.startedAtMs;
  const notified = counted.filter((i) => i.notifiedAtMs !== null);
  const delaysMs = notified.map((i) => i.notifiedAtMs! - detectedMs(i));
  const delayClaim = service.claims.find((c) => c.metric === 'notification_delay');
  const late = delayClaim
    ? counted.filter((i) =>
        i.notifiedAtMs !== null
          ? i.notifiedAtMs - detectedMs(i) > delayClaim.bound
          : nowMs - detectedMs(i) > delayClaim.bound,
      ).length
    : null;

  return {
    incidentCount: noCounts ? null : counted.length,
    longIncidentCount: noCounts ? null : counted.filter((i) => lastedMs(i) >= service.longAfterMs).length,
    openIncidentCount: noCounts ? null : counted.filter((i) => i.resolvedAtMs === null).length,
    mttrSeconds:
      resolved.length === 0
        ? null
        : resolved.reduce((sum, i) => sum + (i.resolvedAtMs! - i.startedAtMs), 0) / resolved.length / SECOND_MS,
    notificationDelayMaxSeconds: delaysMs.length === 0 ? null : Math.max(...delaysMs) / SECOND_MS,
    notificationDelayP50Seconds: delaysMs.length === 0 ? null : median(delaysMs) / SECOND_MS,
    incidentsNotifiedLate: late,
  };
}

/** Rule 11: windows (both kinds) starting in [from, to), and those announced too late. */
function maintenanceFigures(s: Scenario): Pick<Figures, 'maintenanceCount' | 'maintenanceNoticeViolations'> {
  const starting = s.maintenance.filter((m) => s.fromMs <= m.startMs && m.startMs < s.toMs);
  const hasNoticeClaim = s.service.claims.some((c) => c.metric === 'maintenance_notice');
  const violations = starting.filter((m) => {
    const boundMs = noticeBoundMs(s.service.claims, m.kind);
    if (boundMs === null) return false;
    return m.announcedAtMs === null || m.startMs - m.announcedAtMs < boundMs;
  });
  return {
    maintenanceCount: starting.length,
    maintenanceNoticeViolations: hasNoticeClaim ? violations.length : null,
  };
}

const utcHourStart = (tMs: number): number => Math.floor(tMs / HOUR_MS) * HOUR_MS;

/** Rule 11: latency percentiles over the up checks whose UTC hour starts in [from, to). */
function latencyFigures(s: Scenario, checks: Check[]): Pick<Figures, 'latencyP50Ms' | 'latencyP95Ms' | 'latencyP99Ms'> {
  const latencies = checks
    .filter((c) => c.status === 'up' && c.latencyMs !== null)
    .filter((c) => s.fromMs <= utcHourStart(c.timeMs) && utcHourStart(c.timeMs) < s.toMs)
    .map((c) => c.latencyMs!);
  if (latencies.length === 0) return { latencyP50Ms: null, latencyP95Ms: null, latencyP99Ms: null };
  return {
    latencyP50Ms: median(latencies),
    latencyP95Ms: nearestRank(latencies, 95),
    latencyP99Ms: nearestRank(latencies, 99),
  };
}

/** The median: the middle value, or the mean of the two middle values of an even count. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest rank: the ⌈p/100 × n⌉-th smallest, in integer arithmetic (0.95 × 20 is not 19 in floats). */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p * sorted.length) / 100) - 1]!;
}

/**
 * Rule 11 backup_freshness: for each push monitor named by a backup_freshness claim, the longest of
 * the gaps between consecutive up checks whose later check's UTC hour starts in [from, to), and of
 * the gap from the last up check before E to E. Null when no up check is before E.
 */
function backupFreshness(s: Scenario, checks: Check[]): BackupFreshness {
  const periodEndMs = Math.min(s.toMs, s.nowMs);
  const result: BackupFreshness = {};
  for (const claim of s.service.claims) {
    if (claim.metric !== 'backup_freshness' || claim.monitorId === undefined) continue;
    const pushes = checks
      .filter((c) => c.monitorId === claim.monitorId && c.status === 'up')
      .map((c) => c.timeMs)
      .sort((a, b) => a - b);
    const gapsMs: number[] = [];
    for (let j = 1; j < pushes.length; j += 1) {
      const later = pushes[j]!;
      if (s.fromMs <= utcHourStart(later) && utcHourStart(later) < s.toMs) gapsMs.push(later - pushes[j - 1]!);
    }
    const before = pushes.filter((t) => t < periodEndMs);
    if (before.length === 0) {
      result[claim.monitorId] = null;
      continue;
    }
    gapsMs.push(periodEndMs - before[before.length - 1]!);
    result[claim.monitorId] = Math.max(...gapsMs) / SECOND_MS;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Input checks: the oracle refuses what it does not define instead of guessing.

function assertWholeSeconds(s: Scenario): void {
  const times: [string, number | null][] = [
    ['fromMs', s.fromMs],
    ['toMs', s.toMs],
    ['nowMs', s.nowMs],
    ['historyFromMs', s.service.historyFromMs],
    ['mergeGapMs', s.service.mergeGapMs],
    ...s.service.monitors.map((m): [string, number] => [`monitor ${m.id} intervalMs`, m.intervalMs]),
    ...s.checks.map((c): [string, number] => [`check ${c.monitorId}@${c.location}`, c.timeMs]),
    ...s.incidents.flatMap((i): [string, number | null][] => [
      ['incident startedAtMs', i.startedAtMs],
      ['incident detectedAtMs', i.detectedAtMs],
      ['incident notifiedAtMs', i.notifiedAtMs],
      ['incident resolvedAtMs', i.resolvedAtMs],
    ]),
    ...s.maintenance.flatMap((m): [string, number | null][] => [
      ['maintenance startMs', m.startMs],
      ['maintenance endMs', m.endMs],
      ['maintenance announcedAtMs', m.announcedAtMs],
    ]),
  ];
  for (const [name, value] of times) {
    if (value !== null && !Number.isInteger(value / SECOND_MS)) {
      throw new Error(`oracle: ${name} = ${value} is not a whole second`);
    }
  }
  if (!(s.fromMs < s.toMs)) throw new Error('oracle: the period must have from < to');
}

function assertChecksBelongToService(service: ServiceSpec, checks: Check[]): void {
  const seen = new Set<string>();
  for (const check of checks) {
    const monitor = service.monitors.find((m) => m.id === check.monitorId);
    if (!monitor) throw new Error(`oracle: check of unknown monitor ${check.monitorId}`);
    if (!monitor.locations.includes(check.location)) {
      throw new Error(`oracle: check of ${check.monitorId} from unconfigured location ${check.location}`);
    }
    const key = `${check.monitorId}\u0000${check.location}\u0000${check.timeMs}`;
    if (seen.has(key)) throw new Error(`oracle: two checks of ${check.monitorId}@${check.location} at ${check.timeMs}`);
    seen.add(key);
  }
}
