// One hand-computed case per measurement rule (README "How each figure is defined" rules 1–11 and
// SPEC §2 rules 1–9). Every expected figure comes from the arithmetic in the case's comment, never
// from running code; both the engine and the brute-force oracle must reproduce it.
// Times are seconds after T0 (2026-03-02T00:00:00Z); unless a case says otherwise the period is
// [0, 600) and now is 600. A pattern like 'uuddduuuuu' is one check every 60 s from 0 (u up,
// d down, . missing).
import { describe, expect, it } from 'vitest';
import type { BackupFreshness, Figures } from '../../sla/figures-types.ts';
import type { Scenario, ScenarioResult } from '../../sla/scenario.ts';
import { oracleScenario } from '../oracle/brute-force.ts';
import { DAY_S, at, claim, incident, monitor, scenario, series, service, sinceT0, window } from '../oracle/build.ts';
import { computeScenario } from '../../sla/compute-scenario.ts';

const ruleRefs = [
  ...Array.from({ length: 11 }, (_, i) => `README ${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `SPEC ${i + 1}`),
] as const;

interface RuleCase {
  name: string;
  rules: string[];
  scenario: Scenario;
  figures?: Partial<Figures>;
  /** Probe incidents in seconds after T0. */
  probeIncidents?: { startedS: number; detectedS: number; resolvedS: number | null }[];
  backupFreshnessSeconds?: BackupFreshness;
}

const oneMonitor = (over: Parameters<typeof monitor>[1] = {}, svc: Parameters<typeof service>[0] = {}) =>
  service({ monitors: [monitor('web', over)], ...svc });

const ratio = (n: number, d: number): number => n / d;

const cases: RuleCase[] = [
  {
    // Check at 60 holds [60, min(240, 60 + 2 × 60)) = [60, 180); [180, 240) is held by nothing.
    // P = 600, D = 0, U = 60; availability = 1 − 0/540 = 1; lower = 1 − 60/600 = 0.9;
    // upper = 1; coverage = 540/600 = 0.9.
    name: 'a check holds its status for at most two intervals and the rest of a gap is unknown',
    rules: ['README 1', 'SPEC 1'],
    scenario: scenario(oneMonitor(), { checks: series('web', 'uu..uuuuuu') }),
    figures: {
      plannedSeconds: 600,
      downtimeSeconds: 0,
      unknownSeconds: 60,
      availability: 1,
      availabilityLower: 0.9,
      availabilityUpper: 1,
      coverage: 0.9,
    },
    probeIncidents: [],
  },
  {
    // Push monitor: interval = expect_every 900 + grace 300 = 1200, held 2 × 1200 = 2400 s.
    // Period [0, 3600). Pushes at 0 and 3000: 0 holds [0, min(3000, 2400)) → [2400, 3000) unknown.
    // P = 3600, U = 600, D = 0; coverage = 3000/3600.
    name: 'a push holds for twice expect_every plus grace',
    rules: ['README 1'],
    scenario: scenario(service({ monitors: [monitor('backup', { type: 'push', intervalMs: 1_200_000 })] }), {
      checks: series('backup', 'u....u', { stepS: 600 }),
      toS: 3600,
    }),
    figures: { plannedSeconds: 3600, unknownSeconds: 600, downtimeSeconds: 0, coverage: ratio(3000, 3600) },
  },
  {
    // confirm 3; failing checks at 120 and 180 are a run of 2 < 3 followed by an up check: a blip.
    // D = 0, U = 0, availability 1, no incident.
    name: 'a blip shorter than confirm counts as up',
    rules: ['README 2', 'SPEC 2'],
    scenario: scenario(oneMonitor({ confirm: 3 }), { checks: series('web', 'uudduuuuuu') }),
    figures: { downtimeSeconds: 0, unknownSeconds: 0, availability: 1, incidentCount: 0 },
    probeIncidents: [],
  },
  {
    // confirm 2; failing checks 120, 180, 240, up at 300: down [120, 300) = 180 s, backdated to the
    // first failing check; known at the 2nd failing check, 180. availability = 1 − 180/600 = 0.7.
    name: 'a confirmed run is down from its first failing check and detected at the confirming one',
    rules: ['README 2', 'README 5', 'SPEC 2', 'SPEC 5'],
    scenario: scenario(oneMonitor({ confirm: 2 }), { checks: series('web', 'uuddduuuuu') }),
    figures: { downtimeSeconds: 180, unknownSeconds: 0, availability: 0.7, incidentCount: 1, mttrSeconds: 180 },
    probeIncidents: [{ startedS: 120, detectedS: 180, resolvedS: 300 }],
  },
  {
    // confirm 2; checks 0 u, 60 u, 120 d, 300 d, 360 u … The run {120, 300} has 2 checks: confirmed,
    // known at 300. 120 holds [120, min(300, 240)) = [120, 240) down; [240, 300) unknown;
    // 300 holds [300, 360) down; up at 360. One incident [120, 360) whose unknown 60 s stay unknown:
    // D = 120 + 60 = 180, U = 60. availability = 1 − 180/540 = 2/3; lower = 1 − 240/600 = 0.6;
    // upper = 1 − 180/600 = 0.7; coverage = 0.9. detected = min over [120, 240) of max(t, 300) = 300.
    name: 'a gap inside a failing run does not break it and stays unknown inside the incident',
    rules: ['README 2', 'README 7', 'SPEC 5'],
    scenario: scenario(oneMonitor({ confirm: 2 }), { checks: series('web', 'uud..duuuu') }),
    figures: {
      downtimeSeconds: 180,
      unknownSeconds: 60,
      availability: ratio(2, 3),
      availabilityLower: 0.6,
      availabilityUpper: 0.7,
      coverage: 0.9,
    },
    probeIncidents: [{ startedS: 120, detectedS: 300, resolvedS: 360 }],
  },
  {
    // confirm 3; the last two checks (480, 540) fail and nothing follows before now = 600: a run of
    // 2 < 3 still in progress counts as up for now. D = 0, no incident.
    name: 'a short run still in progress at now counts as up',
    rules: ['README 2', 'README 10'],
    scenario: scenario(oneMonitor({ confirm: 3 }), { checks: series('web', 'uuuuuuuudd') }),
    figures: { downtimeSeconds: 0, unknownSeconds: 0, availability: 1, openIncidentCount: 0 },
    probeIncidents: [],
  },
  {
    // Three locations, quorum 2, confirm 1. tokyo down [120, 240) and [420, 540); osaka silent
    // after 60 (60 holds [60, 180)) until 240: unknown [180, 240); singapore down [420, 540).
    // [120, 180): 1 down, 0 unknown → 1 < 2 → up. [180, 240): 1 down + 1 unknown = 2 ≥ 2 → unknown.
    // [420, 540): 2 down → down. D = 120, U = 60; availability = 1 − 120/540 = 7/9;
    // lower = 1 − 180/600 = 0.7; upper = 1 − 120/600 = 0.8; coverage = 0.9.
    name: 'one location down and one silent of three is unknown while two down is down',
    rules: ['README 3', 'SPEC 3'],
    scenario: scenario(oneMonitor({ locations: ['tokyo', 'osaka', 'singapore'], quorum: 2 }), {
      checks: [
        ...series('web', 'uudduuuddu', { location: 'tokyo' }),
        ...series('web', 'uu..uuuuuu', { location: 'osaka' }),
        ...series('web', 'uuuuuuuddu', { location: 'singapore' }),
      ],
    }),
    figures: {
      downtimeSeconds: 120,
      unknownSeconds: 60,
      availability: ratio(7, 9),
      availabilityLower: 0.7,
      availabilityUpper: 0.8,
      coverage: 0.9,
    },
    probeIncidents: [{ startedS: 420, detectedS: 420, resolvedS: 540 }],
  },
  {
    // down_when any; web checked from 0, api from 300 only. Before 300 only web takes part, so the
    // service is up there (had api counted from 0, [0, 300) would be 300 s unknown). U = 0.
    name: 'a monitor added later does not turn the past into unknown time',
    rules: ['README 4'],
    scenario: scenario(service({ monitors: [monitor('web'), monitor('api')] }), {
      checks: [...series('web', 'uuuuuuuuuu'), ...series('api', 'uuuuu', { firstS: 300 })],
    }),
    figures: { plannedSeconds: 600, unknownSeconds: 0, downtimeSeconds: 0, availability: 1, coverage: 1 },
  },
  {
    // down_when all. web (confirm 1) down 120, 180, 240 → [120, 300). api (confirm 2) down 180, 240,
    // 300 → [180, 360), confirmed by 240. Both down on [180, 300): D = 120, availability = 0.8.
    // Known-at (rule 5, latest of the monitors'): at 180 web max(180, 120) = 180, api
    // max(180, 240) = 240 → 240; at t ≥ 240 both t. detected = 240.
    name: 'with down_when all the service is down only while every monitor is down',
    rules: ['README 4', 'README 5', 'SPEC 4'],
    scenario: scenario(service({ downWhen: 'all', monitors: [monitor('web'), monitor('api', { confirm: 2 })] }), {
      checks: [...series('web', 'uuddduuuuu'), ...series('api', 'uuuddduuuu')],
    }),
    figures: { downtimeSeconds: 120, unknownSeconds: 0, availability: 0.8 },
    probeIncidents: [{ startedS: 180, detectedS: 240, resolvedS: 300 }],
  },
  {
    // down_when 2 of web, api, db. web down [120, 240); api silent after 60 → unknown [180, 300);
    // db up. [120, 180): 1 down, 0 unknown → up. [180, 240): 1 down + 1 unknown = 2 ≥ 2, 1 < 2 down
    // → unknown. [240, 300): 0 + 1 < 2 → up. D = 0, U = 60; availability = 1; coverage = 0.9.
    name: 'with down_when 2 one monitor down and one unknown is unknown',
    rules: ['README 4', 'SPEC 4'],
    scenario: scenario(service({ downWhen: 2, monitors: [monitor('web'), monitor('api'), monitor('db')] }), {
      checks: [...series('web', 'uudduuuuuu'), ...series('api', 'uu...uuuuu'), ...series('db', 'uuuuuuuuuu')],
    }),
    figures: { downtimeSeconds: 0, unknownSeconds: 60, availability: 1, availabilityLower: 0.9, coverage: 0.9 },
    probeIncidents: [],
  },
  {
    // Three locations, quorum 2, confirm 2. tokyo down 120, 180, 240 → [120, 300), confirmed at 180;
    // osaka down 180, 240, 300 → [180, 360), confirmed at 240; singapore up. Monitor down [180, 300).
    // At t in [180, 240): known-ats t and 240 → 2nd earliest 240; at t ≥ 240: t. detected = 240.
    name: 'a quorum incident is detected when the second location confirms',
    rules: ['README 5', 'README 3'],
    scenario: scenario(oneMonitor({ locations: ['tokyo', 'osaka', 'singapore'], quorum: 2, confirm: 2 }), {
      checks: [
        ...series('web', 'uuddduuuuu', { location: 'tokyo' }),
        ...series('web', 'uuuddduuuu', { location: 'osaka' }),
        ...series('web', 'uuuuuuuuuu', { location: 'singapore' }),
      ],
    }),
    figures: { downtimeSeconds: 120 },
    probeIncidents: [{ startedS: 180, detectedS: 240, resolvedS: 300 }],
  },
  {
    // Notice claim 7 d for downtime; window [120, 300) announced 8 d ahead: excludes. Down checks
    // 180, 240, 300 → raw down [180, 360); [180, 300) is maintenance, so the incident opens at the
    // window's end 300 and resolves at 360; known at max(300, 180) = 300.
    // P = 600 − 180 = 420, maintenance = 180, D = 60; availability = 1 − 60/420 = 6/7.
    name: 'an outage overrunning an announced window opens its incident at the window end',
    rules: ['README 6', 'README 7', 'SPEC 5', 'SPEC 6'],
    scenario: scenario(
      oneMonitor({}, { claims: [claim('maintenance_notice', 7 * DAY_S * 1000, { kind: 'downtime' })] }),
      {
        checks: series('web', 'uuuddduuuu'),
        maintenance: [window(120, 300, 'downtime', 120 - 8 * DAY_S)],
      },
    ),
    figures: {
      plannedSeconds: 420,
      maintenanceSeconds: 180,
      downtimeSeconds: 60,
      availability: ratio(6, 7),
      maintenanceCount: 1,
      maintenanceNoticeViolations: 0,
    },
    probeIncidents: [{ startedS: 300, detectedS: 300, resolvedS: 360 }],
  },
  {
    // As above, announced only 1 d ahead (< 7 d): the window excludes nothing and is a violation.
    // Down [180, 360): P = 600, D = 180, availability = 0.7.
    name: 'a late-announced window excludes nothing',
    rules: ['README 6', 'SPEC 6'],
    scenario: scenario(
      oneMonitor({}, { claims: [claim('maintenance_notice', 7 * DAY_S * 1000, { kind: 'downtime' })] }),
      {
        checks: series('web', 'uuuddduuuu'),
        maintenance: [window(120, 300, 'downtime', 120 - DAY_S)],
      },
    ),
    figures: {
      plannedSeconds: 600,
      maintenanceSeconds: 0,
      downtimeSeconds: 180,
      availability: 0.7,
      maintenanceCount: 1,
      maintenanceNoticeViolations: 1,
    },
    probeIncidents: [{ startedS: 180, detectedS: 180, resolvedS: 360 }],
  },
  {
    // No maintenance_notice claim: the never-announced downtime window [120, 300) still excludes.
    // P = 420, maintenance = 180, D = 60 (down [300, 360)); violations null without a claim.
    name: 'without a notice claim every downtime window excludes even unannounced',
    rules: ['README 6'],
    scenario: scenario(oneMonitor(), {
      checks: series('web', 'uuuddduuuu'),
      maintenance: [window(120, 300, 'downtime', null)],
    }),
    figures: {
      plannedSeconds: 420,
      maintenanceSeconds: 180,
      downtimeSeconds: 60,
      maintenanceCount: 1,
      maintenanceNoticeViolations: null,
    },
  },
  {
    // Claims: downtime 7 d, no-downtime 3 d. no-downtime [120, 300) 4 d ahead (ok, excludes
    // nothing); no-downtime [360, 420) 2 d ahead (< 3 d: violation); downtime [480, 540) exactly
    // 7 d ahead (at least the bound: on time, excludes 60 s); downtime [600, 700) starts at `to`:
    // not in the period. P = 600 − 60 = 540, maintenance = 60, count 3, violations 1.
    name: 'a no-downtime window excludes nothing and an announcement exactly the bound ahead is on time',
    rules: ['README 6', 'README 11'],
    scenario: scenario(
      oneMonitor(
        {},
        {
          claims: [
            claim('maintenance_notice', 7 * DAY_S * 1000, { id: 'notice-downtime', kind: 'downtime' }),
            claim('maintenance_notice', 3 * DAY_S * 1000, { id: 'notice-other', kind: 'no-downtime' }),
          ],
        },
      ),
      {
        checks: series('web', 'uuuuuuuuuu'),
        maintenance: [
          window(120, 300, 'no-downtime', 120 - 4 * DAY_S),
          window(360, 420, 'no-downtime', 360 - 2 * DAY_S),
          window(480, 540, 'downtime', 480 - 7 * DAY_S),
          window(600, 700, 'downtime', null),
        ],
      },
    ),
    figures: {
      plannedSeconds: 540,
      maintenanceSeconds: 60,
      downtimeSeconds: 0,
      maintenanceCount: 3,
      maintenanceNoticeViolations: 1,
    },
  },
  {
    // merge_gap 300 s. Down checks at 120 and 300 → incidents [120, 180) and [300, 360); the second
    // starts 300 − 180 = 120 < 300 after the first: one incident [120, 360) whose span includes the
    // up time between: D = 240, availability = 1 − 240/600 = 0.6.
    name: 'two outages closer than merge_gap are one incident including the up time between',
    rules: ['README 7', 'SPEC 5'],
    scenario: scenario(oneMonitor({}, { mergeGapMs: 300_000 }), { checks: series('web', 'uuduuduuuu') }),
    figures: { downtimeSeconds: 240, availability: 0.6, incidentCount: 1, mttrSeconds: 240 },
    probeIncidents: [{ startedS: 120, detectedS: 120, resolvedS: 360 }],
  },
  {
    // merge_gap 120 s with the same checks: the gap 120 is not < 120, two incidents. D = 120.
    name: 'outages exactly merge_gap apart stay two incidents',
    rules: ['README 7'],
    scenario: scenario(oneMonitor({}, { mergeGapMs: 120_000 }), { checks: series('web', 'uuduuduuuu') }),
    figures: { downtimeSeconds: 120, availability: 0.8, incidentCount: 2, mttrSeconds: 60 },
    probeIncidents: [
      { startedS: 120, detectedS: 120, resolvedS: 180 },
      { startedS: 300, detectedS: 300, resolvedS: 360 },
    ],
  },
  {
    // history_from 0, first check at 300, a manual outage [60, 120). [0, 300) is up except the
    // incident: D = 60, U = 0; availability = 1 − 60/600 = 0.9; one incident, MTTR 60.
    name: 'history_from makes time before the first check up except inside recorded incidents',
    rules: ['README 8', 'SPEC 8'],
    scenario: scenario(oneMonitor({}, { historyFromMs: at(0) }), {
      checks: series('web', 'uuuuu', { firstS: 300 }),
      incidents: [incident(60, 120)],
    }),
    figures: {
      downtimeSeconds: 60,
      unknownSeconds: 0,
      availability: 0.9,
      coverage: 1,
      incidentCount: 1,
      mttrSeconds: 60,
    },
  },
  {
    // The same without history_from: [0, 300) is unknown, but the manual outage [60, 120) counts
    // in D whole. D = 60, U = 300 − 60 = 240; availability = 1 − 60/360 = 5/6;
    // lower = 1 − 300/600 = 0.5; upper = 0.9; coverage = 360/600 = 0.6.
    name: 'without history_from time before the first check is unknown',
    rules: ['README 8', 'SPEC 1'],
    scenario: scenario(oneMonitor(), {
      checks: series('web', 'uuuuu', { firstS: 300 }),
      incidents: [incident(60, 120)],
    }),
    figures: {
      downtimeSeconds: 60,
      unknownSeconds: 240,
      availability: ratio(5, 6),
      availabilityLower: 0.5,
      availabilityUpper: 0.9,
      coverage: 0.6,
    },
  },
  {
    // No monitors, history_from 120, a manual outage [300, 360). [0, 120) unknown: U = 120, D = 60;
    // availability = 1 − 60/480 = 0.875; coverage = 480/600 = 0.8.
    name: 'a service without monitors is up from history_from on',
    rules: ['README 8'],
    scenario: scenario(service({ historyFromMs: at(120) }), { incidents: [incident(300, 360)] }),
    figures: { downtimeSeconds: 60, unknownSeconds: 120, availability: 0.875, coverage: 0.8 },
  },
  {
    // Probe incident [120, 240) (down checks 120, 180); manual outage [60, 180); a partial
    // incident [400, 460). D = union [60, 240) = 180; availability = 0.7. Counted: the manual one
    // and the partial one (the probe incident overlaps the manual outage): 2, MTTR = (120 + 60)/2.
    name: 'a probe incident overlapping a manual outage is counted once and its downtime is the union',
    rules: ['README 9', 'SPEC 7'],
    scenario: scenario(oneMonitor(), {
      checks: series('web', 'uudduuuuuu'),
      incidents: [incident(60, 180), incident(400, 460, { impact: 'partial' })],
    }),
    figures: { downtimeSeconds: 180, availability: 0.7, incidentCount: 2, openIncidentCount: 0, mttrSeconds: 90 },
    probeIncidents: [{ startedS: 120, detectedS: 120, resolvedS: 240 }],
  },
  {
    // Period [300, 900), now 1200, no monitors, history_from 0. Manual outage [0, 420) started
    // before the period: not counted, but [300, 420) = 120 s is downtime. Manual outage [840, 960)
    // is counted with its full 120 s duration; [840, 900) = 60 s in the period. D = 180, P = 600,
    // availability = 0.7, incidents 1, MTTR 120.
    name: 'an incident started before the period is not counted but its downtime inside it is',
    rules: ['README 9', 'README 11', 'SPEC 7'],
    scenario: scenario(service({ historyFromMs: at(0) }), {
      incidents: [incident(0, 420), incident(840, 960)],
      fromS: 300,
      toS: 900,
      nowS: 1200,
    }),
    figures: { plannedSeconds: 600, downtimeSeconds: 180, availability: 0.7, incidentCount: 1, mttrSeconds: 120 },
  },
  {
    // Period [0, 600), now 420: E = 420. Down checks at 300, 360; 360 holds to 480, past now.
    // P = 420, D = [300, 420) = 120; availability = 1 − 120/420 = 5/7. The incident is open:
    // 1 counted, 1 open, no MTTR; long_after 100 s and it has lasted 420 − 300 = 120: long.
    // notification_delay 60 s, not notified, now − detected = 120 > 60: late.
    name: 'a period still running is measured up to now with its open incident',
    rules: ['README 10', 'README 11'],
    scenario: scenario(oneMonitor({}, { longAfterMs: 100_000, claims: [claim('notification_delay', 60_000)] }), {
      checks: series('web', 'uuuuudd'),
      nowS: 420,
    }),
    figures: {
      plannedSeconds: 420,
      downtimeSeconds: 120,
      availability: ratio(5, 7),
      incidentCount: 1,
      openIncidentCount: 1,
      longIncidentCount: 1,
      mttrSeconds: null,
      incidentsNotifiedLate: 1,
      notificationDelayMaxSeconds: null,
    },
    probeIncidents: [{ startedS: 300, detectedS: 300, resolvedS: null }],
  },
  {
    // Claim 120 s. Partial incidents (no downtime), service without monitors, history_from 0:
    // A 0 → detected 60, notified 120, resolved 180: delay 60.
    // B 200 → no detected_at, notified 500, resolved 560: delay 500 − 200 = 300 > 120, late.
    // C 300 → detected 310, not notified, open: now − 310 = 290 > 120, late.
    // D 550 → detected 550, not notified, open: 600 − 550 = 50 ≤ 120, not yet late.
    // late 2; max 300; p50 of {60, 300} = 180; MTTR (180 + 360)/2 = 270; 4 incidents, 2 open.
    name: 'notification delay is measured from detection and late ones count against the claim',
    rules: ['README 11', 'SPEC 7'],
    scenario: scenario(service({ historyFromMs: at(0), claims: [claim('notification_delay', 120_000)] }), {
      incidents: [
        incident(0, 180, { impact: 'partial', detectedS: 60, notifiedS: 120 }),
        incident(200, 560, { impact: 'partial', notifiedS: 500 }),
        incident(300, null, { impact: 'partial', detectedS: 310 }),
        incident(550, null, { impact: 'partial', detectedS: 550 }),
      ],
    }),
    figures: {
      downtimeSeconds: 0,
      availability: 1,
      incidentCount: 4,
      openIncidentCount: 2,
      mttrSeconds: 270,
      notificationDelayMaxSeconds: 300,
      notificationDelayP50Seconds: 180,
      incidentsNotifiedLate: 2,
    },
  },
  {
    // Period [0, 7200) (two UTC hours), now 7260. Twenty up checks at 60 s, 120 s … with latency
    // 1 … 20 ms count. Not counted: an up check at −60 (its UTC hour starts at −3600 < from), a
    // down check (1000 ms), an up check without latency, an up check at 7200 (hour starts at to).
    // p50 = (10 + 11)/2 = 10.5; p95 = ⌈0.95 × 20⌉ = 19th = 19; p99 = ⌈0.99 × 20⌉ = 20th = 20.
    name: 'the median of an even count is the mean of the middle two and p95 of twenty checks is the 19th',
    rules: ['README 11', 'SPEC 7'],
    scenario: scenario(oneMonitor(), {
      checks: [
        { monitorId: 'web', location: 'local', timeMs: at(-60), status: 'up', latencyMs: 5 },
        ...Array.from({ length: 20 }, (_, k) => ({
          monitorId: 'web',
          location: 'local',
          timeMs: at(60 * (k + 1)),
          status: 'up' as const,
          latencyMs: k + 1,
        })),
        { monitorId: 'web', location: 'local', timeMs: at(1500), status: 'down', latencyMs: 1000 },
        { monitorId: 'web', location: 'local', timeMs: at(1560), status: 'up', latencyMs: null },
        { monitorId: 'web', location: 'local', timeMs: at(7200), status: 'up', latencyMs: 999 },
      ],
      toS: 7200,
      nowS: 7260,
    }),
    figures: { latencyP50Ms: 10.5, latencyP95Ms: 19, latencyP99Ms: 20 },
  },
  {
    // Push monitor backup (expect_every 3600 + grace 600). Period [0, 21600), now 21600. Pushes (up
    // checks) at −1800, 3000, 7200, 16200; a down check at 11400 is no push. Gaps ending in a UTC
    // hour that starts in the period: 3000 − (−1800) = 4800, 7200 − 3000 = 4200,
    // 16200 − 7200 = 9000; to the end: 21600 − 16200 = 5400. Longest 9000 s.
    // A second push monitor not named by a claim has no entry.
    name: 'backup freshness is the longest gap between pushes including the gap to the end',
    rules: ['README 11', 'SPEC 7'],
    scenario: scenario(
      service({
        monitors: [
          monitor('backup', { type: 'push', intervalMs: 4_200_000 }),
          monitor('cron', { type: 'push', intervalMs: 4_200_000 }),
        ],
        claims: [claim('backup_freshness', DAY_S * 1000, { monitorId: 'backup' })],
      }),
      {
        checks: [
          ...[-1800, 3000, 7200, 16200].map((s) => ({
            monitorId: 'backup',
            location: 'local',
            timeMs: at(s),
            status: 'up' as const,
            latencyMs: null,
          })),
          { monitorId: 'backup', location: 'local', timeMs: at(11400), status: 'down', latencyMs: null },
          { monitorId: 'cron', location: 'local', timeMs: at(0), status: 'up', latencyMs: null },
        ],
        toS: 21600,
      },
    ),
    backupFreshnessSeconds: { backup: 9000 },
  },
  {
    // Asia/Tokyo, calendar Mon–Fri 09:00–18:00. Period Fri 2026-01-09 00:00 JST
    // (2026-01-08T15:00Z) to Sun 2026-01-11 00:00 JST: only Friday 09:00–18:00 counts,
    // P = 9 h = 32400 s. No monitors, history_from at the start. A manual outage Friday 17:30–19:00
    // JST lies 30 min inside the calendar: D = 1800; availability = 1 − 1800/32400 = 17/18.
    name: 'planned time counts only the service calendar in the service timezone',
    rules: ['README 11', 'SPEC 6'],
    scenario: {
      service: service({
        timezone: 'Asia/Tokyo',
        historyFromMs: Date.parse('2026-01-08T15:00:00Z'),
        calendar: [{ days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 }],
      }),
      checks: [],
      incidents: [
        {
          ...incident(0, 0),
          startedAtMs: Date.parse('2026-01-09T17:30:00+09:00'),
          resolvedAtMs: Date.parse('2026-01-09T19:00:00+09:00'),
        },
      ],
      maintenance: [],
      fromMs: Date.parse('2026-01-08T15:00:00Z'),
      toMs: Date.parse('2026-01-10T15:00:00Z'),
      nowMs: Date.parse('2026-01-10T15:00:00Z'),
    },
    figures: { plannedSeconds: 32_400, downtimeSeconds: 1800, unknownSeconds: 0, availability: ratio(17, 18) },
  },
  ...(['spring', 'fall'] as const).map((night): RuleCase => {
    // America/New_York, a Sunday-only calendar, no monitors, history_from at the start: P is the
    // calendar time alone. Spring forward (Sun 2026-03-08, 02:00 EST → 03:00 EDT): a 02:30–04:00
    // window reads 03:00–04:00 on the clock, 1 h = 3600 s. Fall back (Sun 2026-11-01, 02:00 EDT →
    // 01:00 EST): a 01:30–02:00 window is passed through twice, 2 × 30 min = 3600 s.
    const spring = night === 'spring';
    const fromMs = Date.parse(spring ? '2026-03-07T00:00:00Z' : '2026-10-31T00:00:00Z');
    const toMs = fromMs + 3 * DAY_S * 1000;
    return {
      name: spring
        ? 'a 02:30–04:00 calendar window on the spring-forward night lasts one hour'
        : 'a 01:30–02:00 calendar window on the fall-back night is passed through twice',
      rules: ['README 11', 'SPEC 6'],
      scenario: {
        service: service({
          timezone: 'America/New_York',
          historyFromMs: fromMs,
          calendar: [{ days: [7], startMinute: spring ? 150 : 90, endMinute: spring ? 240 : 120 }],
        }),
        checks: [],
        incidents: [],
        maintenance: [],
        fromMs,
        toMs,
        nowMs: toMs,
      },
      figures: { plannedSeconds: 3600, downtimeSeconds: 0, unknownSeconds: 0, availability: 1 },
    };
  }),
  {
    // The outage truly lasts [150, 350); checks every 60 s see down at 180, 240, 300 and up at 360:
    // the incident is [180, 360), its start 30 s and its end 10 s off, each within one interval.
    name: 'an outage is measured to within one interval at each end',
    rules: ['SPEC 9'],
    scenario: scenario(oneMonitor(), { checks: series('web', 'uuuddduuuu') }),
    figures: { downtimeSeconds: 180 },
    probeIncidents: [{ startedS: 180, detectedS: 180, resolvedS: 360 }],
  },
  {
    // A monitor with no checks, no history_from: all 600 s unknown. P − U = 0 → availability null;
    // lower = 1 − 600/600 = 0; upper = 1; coverage 0; no measured time and no incident → counts
    // null; nothing to average → MTTR, delays, latency null; no claims → late and violations null.
    name: 'figures with nothing to measure are null',
    rules: ['README 11', 'SPEC 7'],
    scenario: scenario(oneMonitor()),
    figures: {
      plannedSeconds: 600,
      unknownSeconds: 600,
      downtimeSeconds: 0,
      availability: null,
      availabilityLower: 0,
      availabilityUpper: 1,
      coverage: 0,
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
    },
  },
  {
    // long_after 3600; period [0, 7200). Manual outage [0, 3600) lasts exactly 3600: long.
    // Partial [100, 3699) lasts 3599: not long. 2 incidents, 1 long, MTTR (3600 + 3599)/2 = 3599.5.
    name: 'an incident lasting exactly long_after is long',
    rules: ['README 11', 'SPEC 7'],
    scenario: scenario(service({ historyFromMs: at(0), longAfterMs: 3_600_000 }), {
      incidents: [incident(0, 3600), incident(100, 3699, { impact: 'partial' })],
      toS: 7200,
    }),
    figures: { incidentCount: 2, longIncidentCount: 1, mttrSeconds: 3599.5, downtimeSeconds: 3600 },
  },
];

function expectMatchesHandArithmetic(result: ScenarioResult, c: RuleCase): void {
  for (const [key, expected] of Object.entries(c.figures ?? {})) {
    const actual = result.figures[key as keyof Figures];
    if (typeof expected === 'number' && typeof actual === 'number') {
      expect(Math.abs(actual - expected), `${key}: ${actual} ≠ ${expected}`).toBeLessThanOrEqual(1e-9);
    } else {
      expect(actual, key).toEqual(expected);
    }
  }
  if (c.probeIncidents) {
    expect(
      result.probeIncidents.map((i) => ({
        startedS: sinceT0(i.startedAtMs),
        detectedS: i.detectedAtMs === null ? null : sinceT0(i.detectedAtMs),
        resolvedS: i.resolvedAtMs === null ? null : sinceT0(i.resolvedAtMs),
      })),
      'probe incidents',
    ).toEqual(c.probeIncidents);
  }
  if (c.backupFreshnessSeconds) {
    expect(result.backupFreshnessSeconds).toEqual(c.backupFreshnessSeconds);
  }
}

describe('the rule table itself', () => {
  it('covers every README rule and every SPEC §2 rule', () => {
    const covered = new Set(cases.flatMap((c) => c.rules));
    expect(ruleRefs.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe('the brute-force oracle follows the hand arithmetic', () => {
  for (const c of cases) {
    it(c.name, () => expectMatchesHandArithmetic(oracleScenario(c.scenario), c));
  }
});

describe('the engine follows the hand arithmetic', () => {
  for (const c of cases) {
    it(c.name, () => expectMatchesHandArithmetic(computeScenario(c.scenario), c));
  }
});
