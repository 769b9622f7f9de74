// The stored pipeline (incremental folds, rollups, reconciled probe incidents) must give the same
// figures as evaluating the raw records in memory, however the checks arrive: live in order, as
// an import that lands before existing data, and after every raw check has been pruned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArb } from '../oracle/arbitraries.ts';
import { computeScenario } from '../../sla/compute-scenario.ts';
import type { Scenario } from '../../sla/scenario.ts';
import type { Check, Incident } from '../../sla/model.ts';
import { ingestChecks } from '../../db/ingest-checks.ts';
import { createCheckIngestor } from '../../db/check-ingestor.ts';
import { computeServiceReport } from '../../db/service-report.ts';
import type { Store } from '../../db/store.ts';
import { openTestStore, testStores, type TestStore, type TestStoreFactory } from './test-stores.ts';

const runs = Number(process.env.PIPELINE_RUNS ?? 30);

/** Splits sorted checks into batches of at most `size` consecutive checks. */
function batches(checks: readonly Check[], size: number): Check[][] {
  const out: Check[][] = [];
  for (let i = 0; i < checks.length; i += size) out.push(checks.slice(i, i + size));
  return out;
}

async function load(store: Store, s: Scenario, order: 'live' | 'late-half-first' | 'one-import'): Promise<void> {
  if (s.incidents.length > 0) await store.insertIncidents(s.incidents);
  if (s.maintenance.length > 0) await store.insertMaintenance(s.maintenance);
  // Checks are stored in whole ms; the scenario arrives at `now` only.
  const sorted = s.checks.filter((c) => c.timeMs < s.nowMs).sort((a, b) => a.timeMs - b.timeMs);
  const half = Math.floor(sorted.length / 2);
  if (order === 'one-import') {
    // One import of batches mostly in order, with the second quarter arriving last: the ingestor
    // folds inline until the late batch forces its locations and hours back to the raw checks.
    const q = Math.floor(sorted.length / 4);
    const parts = [...batches(sorted.slice(0, q), 50), ...batches(sorted.slice(2 * q), 50), ...batches(sorted.slice(q, 2 * q), 50)];
    await store.transaction(async (tx) => {
      const ingestor = createCheckIngestor(tx, [s.service], s.nowMs);
      for (const part of parts) {
        await tx.insertChecks(part);
        await ingestor.add(part);
      }
      await ingestor.finish();
    });
    return;
  }
  const parts = order === 'live' ? batches(sorted, 40) : [...batches(sorted.slice(half), 50), ...batches(sorted.slice(0, half), 50)];
  for (const part of parts) await ingestChecks(store, [s.service], part, s.nowMs);
}

const probeIncidentShape = (i: Incident) => ({ startedAtMs: i.startedAtMs, detectedAtMs: i.detectedAtMs, resolvedAtMs: i.resolvedAtMs });

async function expectSameAsMemory(store: Store, s: Scenario): Promise<void> {
  const expected = computeScenario(s);
  const { report } = await computeServiceReport(store, { service: s.service, fromMs: s.fromMs, toMs: s.toMs, nowMs: s.nowMs });
  for (const [name, value] of Object.entries(expected.figures)) {
    const actual = report.figures[name as keyof typeof report.figures];
    if (typeof value === 'number' && typeof actual === 'number') expect(actual, name).toBeCloseTo(value, 9);
    else expect(actual, name).toEqual(value);
  }
  const stored = (await store.listIncidents(s.service.id, -8.64e15, 8.64e15)).filter((i) => i.source === 'probe');
  const actualIncidents = stored.map(probeIncidentShape);
  const expectedIncidents = expected.probeIncidents.map(probeIncidentShape);
  expect(actualIncidents, `stored ${JSON.stringify(actualIncidents)} vs ${JSON.stringify(expectedIncidents)}`).toEqual(expectedIncidents);
}

async function withFreshStore(factory: TestStoreFactory, fn: (store: Store) => Promise<void>): Promise<void> {
  const fresh = await openTestStore(factory);
  try {
    await fn(fresh.store);
  } finally {
    await fresh.cleanup();
  }
}

/** Scenarios are large: on failure report the seed and the first error, not the whole input. */
function shortReport<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"): ${cause.slice(0, 2000)}`);
}

// Dozens of scenarios against a real database: minutes under a loaded CI machine, not seconds.
const propertyTimeoutMs = 300_000;

describe.each(testStores.map((f) => [f.title, f] as const))('%s store pipeline', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it(`checks arriving live give the in-memory figures and probe incidents (${runs} scenarios)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), (s) => withFreshStore(factory, async (store) => {
        await load(store, s, 'live');
        await expectSameAsMemory(store, s);
      })),
      { numRuns: runs, reporter: shortReport },
    );
  }, propertyTimeoutMs);

  it(`an import landing before existing checks refolds to the same result (${runs} scenarios)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), (s) => withFreshStore(factory, async (store) => {
        await load(store, s, 'late-half-first');
        await expectSameAsMemory(store, s);
      })),
      { numRuns: runs, reporter: shortReport },
    );
  }, propertyTimeoutMs);

  it(`one streamed import with a batch arriving late gives the same result (${runs} scenarios)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), (s) => withFreshStore(factory, async (store) => {
        await load(store, s, 'one-import');
        await expectSameAsMemory(store, s);
      })),
      { numRuns: runs, reporter: shortReport },
    );
  }, propertyTimeoutMs);

  it('pruning every raw check changes no figure', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), (s) => withFreshStore(factory, async (store) => {
        await load(store, s, 'live');
        const request = { service: s.service, fromMs: s.fromMs, toMs: s.toMs, nowMs: s.nowMs };
        const before = await computeServiceReport(store, request);
        const pruned = await store.pruneChecks(s.nowMs + 1);
        expect(pruned).toBe(s.checks.filter((c) => c.timeMs < s.nowMs).length);
        expect((await computeServiceReport(store, request)).report).toEqual(before.report);
      })),
      { numRuns: Math.max(3, Math.floor(runs / 2)), reporter: shortReport },
    );
  }, propertyTimeoutMs);
});
