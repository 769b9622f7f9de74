// fast-check arbitraries for whole scenarios (sla/scenario.ts). fast-check draws a small *plan*
// (numbers and flags, so that it shrinks well) and `buildScenario` turns it into checks, incidents
// and maintenance windows. Everything is in whole seconds (the oracle's precondition) and spans
// at most five hours, so the oracle stays well under 50 ms a scenario.
import fc from 'fast-check';
import type {
  CalendarWindow,
  Check,
  Claim,
  DownWhen,
  Incident,
  Maintenance,
  MaintenanceKind,
  MonitorSpec,
  ServiceSpec,
} from '../../sla/model.ts';
import type { Scenario } from '../../sla/scenario.ts';
import { noticeBoundMs } from './brute-force.ts';
import { wallClock } from './calendar.ts';

const S = 1000;
const HOUR_S = 3600;
const DAY_S = 86_400;
/** Offsets in a plan are seconds after the origin, one hour before the period starts. */
const SPAN_S = 5 * HOUR_S;

/** Period starts near daylight-saving changes and a year boundary, so calendars meet them. */
const bases = [
  '2026-03-08T04:00:00Z', // America/New_York springs forward at 07:00Z
  '2026-11-01T03:00:00Z', // America/New_York falls back at 06:00Z
  '2026-03-29T00:00:00Z', // Europe/London springs forward at 01:00Z
  '2026-10-25T00:00:00Z', // Europe/London falls back at 01:00Z
  '2025-12-31T13:00:00Z', // Asia/Tokyo's 2026 starts at 15:00Z
  '2026-01-05T12:00:00Z', // an ordinary Monday
].map((iso) => Date.parse(iso));
export const timezones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London', 'Asia/Kolkata'] as const;
const locationNames = ['tokyo', 'osaka', 'singapore'] as const;

const stretch = fc.record({
  startS: fc.integer({ min: 0, max: SPAN_S }),
  lengthS: fc.integer({ min: 30, max: 2 * HOUR_S }),
});

const outagePlan = fc.record({
  startS: fc.integer({ min: 0, max: SPAN_S }),
  /** Mostly short (a few checks), sometimes long. */
  lengthS: fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 30, max: 600 }) },
    { weight: 1, arbitrary: fc.integer({ min: 600, max: 2 * HOUR_S }) },
  ),
  /** Which locations see it (bit j: the j-th location). */
  locationMask: fc.oneof(
    { weight: 3, arbitrary: fc.constant(7) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 7 }) },
  ),
  /** Start inside this maintenance window and run past its end. */
  overrunsWindow: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
});

const locationPlan = fc.record({
  phaseS: fc.integer({ min: 0, max: 119 }),
  /** Seconds of jitter per check; a multiple of 5 means none (gaps are exact multiples). */
  jitterSeed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })),
  latencySeed: fc.integer({ min: 0, max: 10_000 }),
  gaps: fc.array(stretch, { maxLength: 2 }),
  blips: fc.array(fc.record({ startS: fc.integer({ min: 0, max: SPAN_S }), checks: fc.integer({ min: 1, max: 2 }) }), {
    maxLength: 3,
  }),
});

const monitorPlan = fc.record({
  intervalS: fc.integer({ min: 10, max: 120 }),
  confirm: fc.integer({ min: 1, max: 3 }),
  /** 0: the default majority ⌊n/2⌋ + 1; otherwise clamped to the number of locations. */
  quorum: fc.integer({ min: 0, max: 3 }),
  locations: fc.array(locationPlan, { minLength: 1, maxLength: 3 }),
  /** Seconds after the origin of its first check: a monitor may be added late (rule 4). */
  firstS: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * HOUR_S })),
  outages: fc.array(outagePlan, { maxLength: 5 }),
  silences: fc.array(stretch, { maxLength: 1 }),
});

const pushPlan = fc.record({
  expectEveryS: fc.integer({ min: 15, max: 40 }).map((m) => m * 60),
  graceS: fc.integer({ min: 1, max: 10 }).map((m) => m * 60),
  phaseS: fc.integer({ min: 0, max: 900 }),
  skips: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
  recordOverdue: fc.boolean(),
});

const windowPlan = fc.record({
  startS: fc.integer({ min: 0, max: SPAN_S }),
  lengthS: fc.integer({ min: 5, max: 90 }).map((m) => m * 60),
  kind: fc.constantFrom<MaintenanceKind>('downtime', 'no-downtime'),
  announce: fc.constantFrom('never', 'onTime', 'onTime', 'exact', 'late', 'afterStart'),
  extraS: fc.integer({ min: 0, max: DAY_S }),
  latePercent: fc.integer({ min: 0, max: 99 }),
});

const incidentPlan = fc.record({
  source: fc.constantFrom<Incident['source']>('manual', 'import', 'alertmanager'),
  impact: fc.constantFrom<Incident['impact']>('outage', 'partial'),
  startS: fc.integer({ min: 0, max: SPAN_S }),
  lengthS: fc.option(fc.integer({ min: 60, max: 3 * HOUR_S }), { freq: 4 }),
  detectedAfterS: fc.option(fc.integer({ min: 0, max: 900 })),
  /** 'bound': exactly the notification_delay claim's bound after detection (a boundary). */
  notifiedAfterS: fc.option(fc.oneof(fc.integer({ min: 0, max: 2 * HOUR_S }), fc.constant('bound' as const))),
});

const claimsPlan = fc.record({
  noticeDowntimeH: fc.option(fc.integer({ min: 1, max: 168 })),
  noticeOtherH: fc.option(fc.integer({ min: 1, max: 72 })),
  noticeKindlessH: fc.option(fc.integer({ min: 1, max: 168 }), { freq: 3 }),
  notificationDelayMin: fc.option(fc.integer({ min: 5, max: 60 })),
  backup: fc.boolean(),
});

/** Calendar windows placed around the period's local start so that their edges fall inside it. */
const calendarPlan = fc.array(
  fc.record({
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    /** Also open on the weekday the period starts on (local). */
    onStartDay: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    startOffsetHours: fc.integer({ min: -1, max: 1 }),
    /** Shift both edges by 30 min, so edges also fall inside a DST gap or overlap. */
    halfHour: fc.boolean(),
    lengthHours: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 24 }) },
    ),
  }),
  { minLength: 1, maxLength: 2 },
);

export interface ScenarioArbOptions {
  /** A non-24x7 service calendar: never (default), always, or sometimes. */
  calendar?: 'never' | 'always' | 'sometimes';
  /** now inside the period rather than at or after its end. */
  nowInside?: 'never' | 'always' | 'sometimes';
}

const choice = (mode: 'never' | 'always' | 'sometimes'): fc.Arbitrary<boolean> =>
  mode === 'sometimes' ? fc.boolean() : fc.constant(mode === 'always');

export function scenarioPlanArb(options: ScenarioArbOptions = {}) {
  return fc.record({
    base: fc.integer({ min: 0, max: bases.length - 1 }),
    hourOffset: fc.integer({ min: 0, max: 4 }),
    periodHours: fc.integer({ min: 1, max: 3 }),
    nowInside: choice(options.nowInside ?? 'sometimes'),
    nowOffsetS: fc.integer({ min: 0, max: HOUR_S }),
    nowInsideS: fc.integer({ min: 1, max: 3 * HOUR_S }),
    timezone: fc.constantFrom(...timezones),
    downWhen: fc.oneof(
      { weight: 3, arbitrary: fc.constant<DownWhen>('any') },
      { weight: 1, arbitrary: fc.constant<DownWhen>('all') },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) },
    ),
    mergeGap: fc.oneof(
      fc.constant({ seconds: 0 }),
      fc.integer({ min: 1, max: 15 }).map((m) => ({ seconds: m * 60 })),
      // A whole number of the first monitor's intervals, so that a gap can equal it exactly.
      fc.integer({ min: 1, max: 8 }).map((k) => ({ intervals: k })),
    ),
    historyFromS: fc.option(fc.integer({ min: 0, max: 3 * HOUR_S }), { freq: 3 }),
    /** Monitoring began this long after the origin (every monitor's first check is later). */
    monitoringStartS: fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * HOUR_S }) },
    ),
    longAfterS: fc.integer({ min: 10, max: 180 }).map((m) => m * 60),
    monitors: fc.array(monitorPlan, { minLength: 1, maxLength: 3 }),
    /** Outages every monitor sees from every location (so down_when all and quorums trip). */
    serviceOutages: fc.array(
      outagePlan.map((o) => ({ ...o, locationMask: 7 })),
      { maxLength: 3 },
    ),
    push: fc.option(pushPlan, { freq: 3 }),
    windows: fc.array(windowPlan, { maxLength: 3 }),
    incidents: fc.array(incidentPlan, { maxLength: 3 }),
    claims: claimsPlan,
    calendar: choice(options.calendar ?? 'never').chain((use) => (use ? calendarPlan : fc.constant(null))),
  });
}

export type ScenarioPlan = ReturnType<typeof scenarioPlanArb> extends fc.Arbitrary<infer P> ? P : never;

export function scenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  return scenarioPlanArb(options).map(buildScenario);
}

const inside = (tS: number, stretches: { startS: number; lengthS: number }[]): boolean =>
  stretches.some((g) => g.startS <= tS && tS < g.startS + g.lengthS);

export function buildScenario(plan: ScenarioPlan): Scenario {
  const originMs = bases[plan.base]! + plan.hourOffset * HOUR_S * S;
  const fromMs = originMs + HOUR_S * S;
  const toMs = fromMs + plan.periodHours * HOUR_S * S;
  // now: somewhere in (from, to] or up to an hour after to; whole seconds.
  const nowMs = plan.nowInside
    ? fromMs + (1 + (plan.nowInsideS % (plan.periodHours * HOUR_S))) * S
    : toMs + plan.nowOffsetS * S;
  const nowS = (nowMs - originMs) / S;
  const atS = (s: number): number => originMs + s * S;

  const claims = buildClaims(plan);
  const windows = plan.windows.map((w) => buildWindow(w, claims, atS, nowMs));
  // An outage starts before now (where checks are), or, overrunning a window, inside that window
  // and ends `lengthS` after the window's end.
  const placeOutage = <O extends { startS: number; lengthS: number; overrunsWindow: number | null }>(o: O): O => {
    const w = o.overrunsWindow === null ? undefined : windows[o.overrunsWindow];
    if (!w) return { ...o, startS: o.startS % nowS };
    const lengthS = (w.endMs - w.startMs) / S;
    const startS = (w.startMs - originMs) / S + (o.startS % lengthS);
    return { ...o, startS, lengthS: (w.endMs - originMs) / S - startS + o.lengthS };
  };
  const serviceOutages = plan.serviceOutages.map(placeOutage);
  const checks: Check[] = [];
  const monitors: MonitorSpec[] = plan.monitors.map((m, k) => {
    const id = `m${k + 1}`;
    const locations = locationNames.slice(0, m.locations.length);
    const outages = [...m.outages.map(placeOutage), ...serviceOutages];
    m.locations.forEach((l, j) => {
      const blips = l.blips.map((b) => ({ startS: b.startS, lengthS: b.checks * m.intervalS }));
      for (let i = 0; ; i += 1) {
        const tS = plan.monitoringStartS + m.firstS + l.phaseS + i * m.intervalS + (((l.jitterSeed * (i + 1)) % 5) - 2);
        if (tS >= nowS) break;
        if (tS < 0 || inside(tS, l.gaps) || inside(tS, m.silences)) continue;
        const down = inside(tS, blips) || outages.some((o) => (o.locationMask & (1 << j)) !== 0 && inside(tS, [o]));
        checks.push({
          monitorId: id,
          location: locations[j]!,
          timeMs: atS(tS),
          status: down ? 'down' : 'up',
          latencyMs: down ? (l.latencySeed % 2 === 0 ? null : 10_000) : 20 + ((l.latencySeed + i * 7919) % 980),
        });
      }
    });
    const quorum = m.quorum === 0 ? Math.floor(locations.length / 2) + 1 : Math.min(m.quorum, locations.length);
    return { id, type: 'http', intervalMs: m.intervalS * S, confirm: m.confirm, locations: [...locations], quorum };
  });

  if (plan.push) {
    const p = plan.push;
    monitors.push({
      id: 'push',
      type: 'push',
      intervalMs: (p.expectEveryS + p.graceS) * S,
      confirm: 1,
      locations: ['local'],
      quorum: 1,
    });
    let lastPushS: number | null = null;
    for (let k = 0; ; k += 1) {
      const tS = plan.monitoringStartS + p.phaseS + k * p.expectEveryS + ((k * 37) % 60);
      if (tS >= nowS || tS >= SPAN_S) break;
      // The watched job does not push during a skipped round or a service-wide outage.
      if (p.skips.includes(k) || inside(tS, serviceOutages)) {
        // The overdue check a live server records when no push came within expect_every + grace.
        const overdueS = lastPushS === null ? null : lastPushS + p.expectEveryS + p.graceS;
        if (p.recordOverdue && overdueS !== null && overdueS < nowS && overdueS < tS) {
          checks.push({ monitorId: 'push', location: 'local', timeMs: atS(overdueS), status: 'down', latencyMs: null });
        }
        continue;
      }
      checks.push({ monitorId: 'push', location: 'local', timeMs: atS(tS), status: 'up', latencyMs: null });
      lastPushS = tS;
    }
    if (plan.claims.backup) {
      claims.push({
        id: 'backups',
        sheetRow: 28,
        metric: 'backup_freshness',
        direction: 'max',
        bound: DAY_S * S,
        period: { kind: 'year' },
        minCoverage: 0.99,
        monitorId: 'push',
      });
    }
  }

  const service: ServiceSpec = {
    id: 'svc',
    name: 'Generated service',
    timezone: plan.timezone,
    // N is at most the number of monitors, mostly (N above it can never be down: also tested).
    downWhen: typeof plan.downWhen === 'number' && plan.downWhen === 4 ? monitors.length : plan.downWhen,
    longAfterMs: plan.longAfterS * S,
    mergeGapMs:
      'seconds' in plan.mergeGap ? plan.mergeGap.seconds * S : plan.mergeGap.intervals * monitors[0]!.intervalMs,
    historyFromMs: plan.historyFromS === null ? null : atS(plan.historyFromS),
    calendar:
      plan.calendar === null
        ? null
        : plan.calendar.map((w) => buildCalendarWindow(w, wallClock(fromMs, plan.timezone))),
    monitors,
    claims,
  };
  return {
    service,
    checks: dedupe(checks),
    incidents: plan.incidents.map((i) => buildIncident(i, atS, nowS, (plan.claims.notificationDelayMin ?? 30) * 60)),
    maintenance: windows,
    fromMs,
    toMs,
    nowMs,
  };
}

function buildClaims(plan: ScenarioPlan): Claim[] {
  const c = plan.claims;
  const base = { sheetRow: null, period: { kind: 'year' } as const, minCoverage: 0.99 };
  const claims: Claim[] = [{ ...base, id: 'availability', metric: 'availability', direction: 'min', bound: 0.999 }];
  if (c.noticeDowntimeH !== null)
    claims.push({
      ...base,
      id: 'notice-downtime',
      metric: 'maintenance_notice',
      direction: 'min',
      bound: c.noticeDowntimeH * HOUR_S * S,
      kind: 'downtime',
    });
  if (c.noticeOtherH !== null)
    claims.push({
      ...base,
      id: 'notice-other',
      metric: 'maintenance_notice',
      direction: 'min',
      bound: c.noticeOtherH * HOUR_S * S,
      kind: 'no-downtime',
    });
  if (c.noticeKindlessH !== null)
    claims.push({
      ...base,
      id: 'notice',
      metric: 'maintenance_notice',
      direction: 'min',
      bound: c.noticeKindlessH * HOUR_S * S,
    });
  if (c.notificationDelayMin !== null)
    claims.push({
      ...base,
      id: 'notification',
      metric: 'notification_delay',
      direction: 'max',
      bound: c.notificationDelayMin * 60 * S,
    });
  return claims;
}

/** Announcements relative to the kind's notice bound (1 day when no claim names one). */
function buildWindow(
  w: ScenarioPlan['windows'][number],
  claims: Claim[],
  atS: (s: number) => number,
  nowMs: number,
): Maintenance {
  const startMs = atS(w.startS);
  const boundS = (noticeBoundMs(claims, w.kind) ?? DAY_S * S) / S;
  const announcedS = {
    never: null,
    onTime: -boundS - w.extraS,
    exact: -boundS,
    late: -Math.floor((boundS * w.latePercent) / 100),
    afterStart: w.extraS % w.lengthS,
  }[w.announce];
  const announcedAtMs = announcedS === null ? null : startMs + announcedS * S;
  return {
    serviceId: 'svc',
    startMs,
    endMs: startMs + w.lengthS * S,
    kind: w.kind,
    // An announcement not made yet at now is, as of now, no announcement.
    announcedAtMs: announcedAtMs !== null && announcedAtMs < nowMs ? announcedAtMs : null,
    title: `${w.kind} window`,
  };
}

/** A recorded incident entirely in the past of now: times after now become null (not yet). */
function buildIncident(
  i: ScenarioPlan['incidents'][number],
  atS: (s: number) => number,
  nowS: number,
  delayBoundS: number,
): Incident {
  const startS = i.startS % nowS;
  const ifPast = (s: number | null): number | null => (s !== null && s <= nowS ? s : null);
  const resolvedS = ifPast(i.lengthS === null ? null : startS + i.lengthS);
  const detectedS = ifPast(i.detectedAfterS === null ? null : startS + i.detectedAfterS);
  const notifiedAfterS = i.notifiedAfterS === 'bound' ? delayBoundS : i.notifiedAfterS;
  const notifiedS = ifPast(notifiedAfterS === null ? null : (detectedS ?? startS) + notifiedAfterS);
  const ms = (s: number | null): number | null => (s === null ? null : atS(s));
  return {
    serviceId: 'svc',
    startedAtMs: atS(startS),
    detectedAtMs: ms(detectedS),
    notifiedAtMs: ms(notifiedS),
    resolvedAtMs: ms(resolvedS),
    impact: i.impact,
    source: i.source,
    title: `${i.source} ${i.impact}`,
  };
}

/** Whole-hour boundaries, or half-hour ones (edges inside a DST gap or overlap are read on the wall clock). */
function buildCalendarWindow(
  w: ScenarioPlan['calendar'] extends (infer W)[] | null ? W : never,
  periodStart: { weekday: number; minuteOfDay: number },
): CalendarWindow {
  const startHour = Math.min(23, Math.max(0, Math.floor(periodStart.minuteOfDay / 60) + w.startOffsetHours));
  const days = new Set(w.onStartDay ? [...w.days, periodStart.weekday] : w.days);
  return {
    days: [...days].sort((a, b) => a - b),
    startMinute: startHour * 60 + (w.halfHour ? 30 : 0),
    endMinute: Math.min(24 * 60, (startHour + w.lengthHours) * 60 + (w.halfHour ? 30 : 0)),
  };
}

function dedupe(checks: Check[]): Check[] {
  const seen = new Set<string>();
  return checks.filter((c) => {
    const key = `${c.monitorId} ${c.location} ${c.timeMs}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
