// The engine against the brute-force oracle on generated scenarios: one property per concern,
// so that a failure names the README rule it breaks. ORACLE_RUNS sets the runs per property
// (default 300); each property logs how many it ran.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../sla/figures-types.ts';
import type { ScenarioResult } from '../../sla/scenario.ts';
import { scenarioArb, type ScenarioArbOptions } from '../oracle/arbitraries.ts';
import { oracleScenario } from '../oracle/brute-force.ts';
import { computeScenario } from '../../sla/compute-scenario.ts';

const numRuns = Number(process.env.ORACLE_RUNS ?? 300);
const runsLog: string[] = [];

/** The rule each figure is defined by, to point a failure at it. */
const figureRules: Record<keyof Figures, string> = {
  plannedSeconds: 'README 6, 11 (P)',
  downtimeSeconds: 'README 7, 8, 11 (D)',
  unknownSeconds: 'README 1–4, 8, 11 (U)',
  maintenanceSeconds: 'README 6, 11',
  availability: 'README 11',
  availabilityLower: 'README 11',
  availabilityUpper: 'README 11',
  coverage: 'README 11',
  incidentCount: 'README 9, 11',
  longIncidentCount: 'README 9, 10, 11',
  openIncidentCount: 'README 9, 10, 11',
  mttrSeconds: 'README 9, 11',
  notificationDelayMaxSeconds: 'README 9, 11',
  notificationDelayP50Seconds: 'README 9, 11',
  incidentsNotifiedLate: 'README 5, 9, 11',
  maintenanceCount: 'README 11',
  maintenanceNoticeViolations: 'README 6, 11',
  latencyP50Ms: 'README 11 (latency)',
  latencyP95Ms: 'README 11 (latency)',
  latencyP99Ms: 'README 11 (latency)',
};
const allFigures = Object.keys(figureRules) as (keyof Figures)[];

const sameNumber = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function figureMismatches(engine: ScenarioResult, oracle: ScenarioResult, keys: (keyof Figures)[]): string[] {
  return keys
    .filter((k) => !sameNumber(engine.figures[k], oracle.figures[k]))
    .map((k) => `${k} (${figureRules[k]}): engine ${engine.figures[k]}, oracle ${oracle.figures[k]}`);
}

function incidentMismatches(engine: ScenarioResult, oracle: ScenarioResult): string[] {
  const iso = (ms: number | null): string => (ms === null ? 'open' : new Date(ms).toISOString());
  const show = (r: ScenarioResult): string[] =>
    r.probeIncidents.map(
      (i) => `${iso(i.startedAtMs)} detected ${iso(i.detectedAtMs)} resolved ${iso(i.resolvedAtMs)}`,
    );
  const e = show(engine);
  const o = show(oracle);
  return JSON.stringify(e) === JSON.stringify(o)
    ? []
    : [`probe incidents (README 2, 5, 7):\n engine ${JSON.stringify(e)}\n oracle ${JSON.stringify(o)}`];
}

function freshnessMismatches(engine: ScenarioResult, oracle: ScenarioResult): string[] {
  const keys = new Set([...Object.keys(engine.backupFreshnessSeconds), ...Object.keys(oracle.backupFreshnessSeconds)]);
  return [...keys]
    .filter(
      (k) =>
        !sameNumber(engine.backupFreshnessSeconds[k] ?? null, oracle.backupFreshnessSeconds[k] ?? null) ||
        !(k in engine.backupFreshnessSeconds) ||
        !(k in oracle.backupFreshnessSeconds),
    )
    .map(
      (k) =>
        `backupFreshnessSeconds.${k} (README 11): engine ` +
        `${engine.backupFreshnessSeconds[k]}, oracle ${oracle.backupFreshnessSeconds[k]}`,
    );
}

interface Concern {
  name: string;
  options: ScenarioArbOptions;
  compare(engine: ScenarioResult, oracle: ScenarioResult): string[];
}

const concerns: Concern[] = [
  {
    name: 'timelines and availability agree (README 1–4, 6, 8, 11: P, D, U, bounds, coverage)',
    options: {},
    compare: (e, o) =>
      figureMismatches(e, o, [
        'plannedSeconds',
        'downtimeSeconds',
        'unknownSeconds',
        'maintenanceSeconds',
        'availability',
        'availabilityLower',
        'availabilityUpper',
        'coverage',
      ]),
  },
  {
    name: 'probe incidents agree: start, detection and resolution (README 2, 5, 7)',
    options: {},
    compare: incidentMismatches,
  },
  {
    name: 'counted incident figures agree (README 9–11: counts, MTTR, notification delay)',
    options: {},
    compare: (e, o) =>
      figureMismatches(e, o, [
        'incidentCount',
        'longIncidentCount',
        'openIncidentCount',
        'mttrSeconds',
        'notificationDelayMaxSeconds',
        'notificationDelayP50Seconds',
        'incidentsNotifiedLate',
      ]),
  },
  {
    name: 'maintenance figures agree (README 6, 11: exclusion, count, notice violations)',
    options: {},
    compare: (e, o) =>
      figureMismatches(e, o, [
        'maintenanceCount',
        'maintenanceNoticeViolations',
        'maintenanceSeconds',
        'plannedSeconds',
      ]),
  },
  {
    name: 'latency percentiles and backup freshness agree (README 11, UTC hours)',
    options: {},
    compare: (e, o) => [
      ...figureMismatches(e, o, ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms']),
      ...freshnessMismatches(e, o),
    ],
  },
  {
    name: 'every figure agrees under a non-24x7 service calendar (README 11 P, in the service timezone)',
    options: { calendar: 'always' },
    compare: (e, o) => figureMismatches(e, o, allFigures),
  },
  {
    name: 'every figure and incident agrees with now inside the period (README 10)',
    options: { nowInside: 'always' },
    compare: (e, o) => [
      ...figureMismatches(e, o, allFigures),
      ...incidentMismatches(e, o),
      ...freshnessMismatches(e, o),
    ],
  },
  {
    name: 'the whole result agrees on any scenario',
    options: { calendar: 'sometimes', nowInside: 'sometimes' },
    compare: (e, o) => [
      ...figureMismatches(e, o, allFigures),
      ...incidentMismatches(e, o),
      ...freshnessMismatches(e, o),
    ],
  },
];

afterAll(() => {
  if (runsLog.length > 0) console.log(runsLog.join('\n'));
});

describe('the engine agrees with the brute-force oracle', () => {
  for (const concern of concerns) {
    it(concern.name, () => {
      let runs = 0;
      fc.assert(
        fc.property(scenarioArb(concern.options), (s) => {
          runs += 1;
          expect(concern.compare(computeScenario(s), oracleScenario(s))).toEqual([]);
        }),
        { numRuns },
      );
      runsLog.push(`[oracle] ${runs} runs: ${concern.name}`);
    });
  }
});

// The oracle on its own: invariants that hold whatever the rules' details, and its speed.
describe('the brute-force oracle on generated scenarios', () => {
  it('keeps D + U within P, availability between its bounds and incidents in order', () => {
    let runs = 0;
    let totalMs = 0;
    let slowestMs = 0;
    fc.assert(
      fc.property(scenarioArb({ calendar: 'sometimes', nowInside: 'sometimes' }), (s) => {
        runs += 1;
        const started = performance.now();
        const { figures: f, probeIncidents } = oracleScenario(s);
        const tookMs = performance.now() - started;
        totalMs += tookMs;
        slowestMs = Math.max(slowestMs, tookMs);
        expect(f.downtimeSeconds + f.unknownSeconds).toBeLessThanOrEqual(f.plannedSeconds);
        if (f.availability !== null) {
          expect(f.availabilityLower!).toBeLessThanOrEqual(f.availability + 1e-12);
          expect(f.availability).toBeLessThanOrEqual(f.availabilityUpper! + 1e-12);
        }
        probeIncidents.forEach((incident, k) => {
          expect(incident.detectedAtMs!).toBeGreaterThanOrEqual(incident.startedAtMs);
          if (incident.resolvedAtMs !== null) expect(incident.resolvedAtMs).toBeGreaterThan(incident.startedAtMs);
          const next = probeIncidents[k + 1];
          if (next) expect(next.startedAtMs).toBeGreaterThan(incident.resolvedAtMs ?? Infinity);
        });
        expect(probeIncidents.filter((i) => i.resolvedAtMs === null).length).toBeLessThanOrEqual(1);
      }),
      { numRuns },
    );
    runsLog.push(
      `[oracle] ${runs} runs: oracle invariants; oracle mean ` +
        `${(totalMs / runs).toFixed(1)} ms, slowest ${slowestMs.toFixed(1)} ms per scenario`,
    );
  });
});
