// The stored pipeline (incremental folds, rollups, reconciled probe incidents) must give the same
// figures as evaluating the raw records in memory, however the checks arrive: live in order, as
// an import that lands before existing data, and after every raw check has been pruned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArb } from '../oracle/arbitraries.ts';
import type { Scenario } from '../../sla/scenario.ts';
import type { Check } from '../../sla/model.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { createCheckIngestor } from '../../pipeline/check-ingestor.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import { expectSameAsMemory } from './same-as-memory.ts';
import type { Store } from '../../db/store.ts';
import { openTestStore, testStores, type TestStore, type TestStoreFactory } from '../db/test-stores.ts';

const runs = Number(process.env.PIPELINE_RUNS ?? 30);
// A failure prints its seed; PIPELINE_SEED=that replays it.
const seed = process.env.PIPELINE_SEED === undefined ? undefined : Number(process.env.PIPELINE_SEED);

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
    const parts = [
      ...batches(sorted.slice(0, q), 50),
      ...batches(sorted.slice(2 * q), 50),
      ...batches(sorted.slice(q, 2 * q), 50),
    ];
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
  const parts =
    order === 'live'
      ? batches(sorted, 40)
      : [...batches(sorted.slice(half), 50), ...batches(sorted.slice(0, half), 50)];
  for (const part of parts) await ingestChecks(store, [s.service], part, s.nowMs);
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
  throw new Error(
    `property failed after ${details.numRuns} runs (seed ${details.seed}, ` +
      `path "${details.counterexamplePath}"): ${cause.slice(0, 2000)}`,
  );
}

// Dozens of scenarios against a real database: minutes under a loaded CI machine, not seconds.
const propertyTimeoutMs = 300_000;

/**
 * Found by the live property (seed -128425776): a monitor goes down inside a maintenance window
 * and stays down past its end. The incident opens at the window's end (SPEC §2.5), where no
 * timeline changes state, so checks that only extend the down stretch must still reconcile.
 */
function downThroughMaintenanceEnd(): Scenario {
  const t0 = Date.parse('2026-03-08T00:00:00Z');
  const minute = 60_000;
  const service: Scenario['service'] = {
    id: 'svc',
    name: 'svc',
    timezone: 'UTC',
    downWhen: 'any',
    longAfterMs: 24 * 60 * minute,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    monitors: [{ id: 'm1', type: 'http', intervalMs: 10_000, confirm: 1, locations: ['tokyo'], quorum: 1 }],
    claims: [],
  };
  const checks: Check[] = [];
  for (let t = t0; t < t0 + 120 * minute; t += 10_000) {
    checks.push({
      monitorId: 'm1',
      location: 'tokyo',
      timeMs: t,
      status: t < t0 + 60 * minute ? 'up' : 'down',
      latencyMs: 5,
      detail: null,
    });
  }
  const maintenance = [
    {
      serviceId: 'svc',
      startMs: t0 + 55 * minute,
      endMs: t0 + 70 * minute,
      kind: 'downtime' as const,
      announcedAtMs: null,
      title: 'window',
    },
  ];
  return { service, checks, incidents: [], maintenance, fromMs: t0, toMs: t0 + 120 * minute, nowMs: t0 + 120 * minute };
}

/**
 * Found by the live property (seed -253141759): with down_when all, a monitor's first check fails
 * but is not yet confirmed, so its timeline is up from that check and the service's incident ends
 * there. The next check confirms the failure, which rewrites the timeline from that same instant
 * (SPEC §2.2): the incident that ended exactly at the change must be derived again.
 */
function confirmationAtAnIncidentsEnd(): Scenario {
  const t0 = Date.parse('2026-03-08T00:00:00Z');
  const minute = 60_000;
  const service: Scenario['service'] = {
    id: 'svc',
    name: 'svc',
    timezone: 'UTC',
    downWhen: 'all',
    longAfterMs: 24 * 60 * minute,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    monitors: [
      { id: 'a', type: 'http', intervalMs: 10_000, confirm: 1, locations: ['tokyo'], quorum: 1 },
      { id: 'b', type: 'http', intervalMs: 10_000, confirm: 2, locations: ['tokyo'], quorum: 1 },
    ],
    claims: [],
  };
  const checks: Check[] = [];
  for (let t = t0; t < t0 + 60 * minute; t += 10_000) {
    checks.push({ monitorId: 'a', location: 'tokyo', timeMs: t, status: 'down', latencyMs: null, detail: null });
    // b is added 30 min in (its first check 5 s after a's) and fails from its first check on.
    if (t >= t0 + 30 * minute)
      checks.push({
        monitorId: 'b',
        location: 'tokyo',
        timeMs: t + 5_000,
        status: 'down',
        latencyMs: null,
        detail: null,
      });
  }
  return {
    service,
    checks,
    incidents: [],
    maintenance: [],
    fromMs: t0,
    toMs: t0 + 60 * minute,
    nowMs: t0 + 60 * minute,
  };
}

describe.each(testStores.map((f) => [f.title, f] as const))('%s store pipeline', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it('an outage running past a maintenance window opens its incident at the window end, checks live', async () => {
    const s = downThroughMaintenanceEnd();
    await load(db.store, s, 'live');
    await expectSameAsMemory(db.store, s);
    // By hand: down from 60 min, inside the window until 70 min, then down until now at 120 min.
    const { report } = await computeServiceReport(db.store, {
      service: s.service,
      fromMs: s.fromMs,
      toMs: s.toMs,
      nowMs: s.nowMs,
    });
    expect(report.figures.downtimeSeconds).toBe(50 * 60);
    expect(report.figures.incidentCount).toBe(1);
  });

  it('a confirmation that rewrites the timeline from the instant an incident ended reopens it', async () => {
    const s = confirmationAtAnIncidentsEnd();
    const sorted = s.checks.filter((c) => c.timeMs < s.nowMs).sort((a, b) => a.timeMs - b.timeMs);
    // Two batches: the first ends with b's first (unconfirmed) check, the second confirms it.
    const bFirstMs = sorted.find((c) => c.monitorId === 'b')!.timeMs;
    await ingestChecks(
      db.store,
      [s.service],
      sorted.filter((c) => c.timeMs <= bFirstMs),
      s.nowMs,
    );
    await ingestChecks(
      db.store,
      [s.service],
      sorted.filter((c) => c.timeMs > bFirstMs),
      s.nowMs,
    );
    await expectSameAsMemory(db.store, s);
    // By hand: a is down from t0 to now and b, once there, is down too: one incident, still open,
    // and the whole hour down.
    const incidents = (await db.store.listIncidents('svc', -8.64e15, 8.64e15)).filter((i) => i.source === 'probe');
    expect(incidents.map((i) => [i.startedAtMs, i.resolvedAtMs])).toEqual([[s.fromMs, null]]);
    const { report } = await computeServiceReport(db.store, {
      service: s.service,
      fromMs: s.fromMs,
      toMs: s.toMs,
      nowMs: s.nowMs,
    });
    expect(report.figures.downtimeSeconds).toBe(60 * 60);
  });

  it(
    `checks arriving live give the in-memory figures and probe incidents (${runs} scenarios)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), (s) =>
          withFreshStore(factory, async (store) => {
            await load(store, s, 'live');
            await expectSameAsMemory(store, s);
          }),
        ),
        { numRuns: runs, seed, reporter: shortReport },
      );
    },
    propertyTimeoutMs,
  );

  it(
    `an import landing before existing checks refolds to the same result (${runs} scenarios)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), (s) =>
          withFreshStore(factory, async (store) => {
            await load(store, s, 'late-half-first');
            await expectSameAsMemory(store, s);
          }),
        ),
        { numRuns: runs, seed, reporter: shortReport },
      );
    },
    propertyTimeoutMs,
  );

  it(
    `one streamed import with a batch arriving late gives the same result (${runs} scenarios)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), (s) =>
          withFreshStore(factory, async (store) => {
            await load(store, s, 'one-import');
            await expectSameAsMemory(store, s);
          }),
        ),
        { numRuns: runs, seed, reporter: shortReport },
      );
    },
    propertyTimeoutMs,
  );

  it(
    'pruning every raw check changes no figure',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), (s) =>
          withFreshStore(factory, async (store) => {
            await load(store, s, 'live');
            const request = { service: s.service, fromMs: s.fromMs, toMs: s.toMs, nowMs: s.nowMs };
            const before = await computeServiceReport(store, request);
            const pruned = await store.pruneChecks(s.nowMs + 1);
            expect(pruned).toBe(s.checks.filter((c) => c.timeMs < s.nowMs).length);
            expect((await computeServiceReport(store, request)).report).toEqual(before.report);
          }),
        ),
        { numRuns: Math.max(3, Math.floor(runs / 2)), seed, reporter: shortReport },
      );
    },
    propertyTimeoutMs,
  );
});
