// Several processes write one store (README "Scale path"): a worker per location records its own
// checks of the same monitor, and the derived records they share (the monitor's hourly rollups,
// the service's probe incidents) must come out as if one process had written every check.
// Two stores on one database stand for two processes: each has its own connections. One worker
// may also run far ahead of the other (a restart, a location imported later).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Check } from '../../sla/model.ts';
import type { Scenario } from '../../sla/scenario.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import type { Store } from '../../db/store.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';
import { expectSameAsMemory } from './same-as-memory.ts';

const t0 = Date.parse('2026-03-02T00:00:00Z');
const intervalMs = 10_000;
const minute = 60_000;
const locations = ['osaka', 'tokyo'] as const;

/**
 * One monitor probed from two locations for 3 h, quorum 1: each location has outages of its own
 * (minutes [from, to)), so the service is down while either is, and some overlap across locations.
 */
function twoLocationScenario(): Scenario {
  const outages: Record<(typeof locations)[number], [number, number][]> = {
    osaka: [
      [20, 31],
      [95, 97],
      [150, 170],
    ],
    tokyo: [
      [25, 40],
      [96, 96.5],
      [120, 122],
      [165, 178],
    ],
  };
  const checks: Check[] = [];
  locations.forEach((location, l) => {
    for (let t = t0 + l * 3_000; t < t0 + 180 * minute; t += intervalMs) {
      const m = (t - t0) / minute;
      const down = outages[location].some(([from, to]) => m >= from && m < to);
      checks.push({
        monitorId: 'api',
        location,
        timeMs: t,
        status: down ? 'down' : 'up',
        latencyMs: down ? null : 20 + ((t / 1000) % 37),
        detail: null,
      });
    }
  });
  return {
    service: {
      id: 'svc',
      name: 'svc',
      timezone: 'UTC',
      downWhen: 'any',
      longAfterMs: 24 * 60 * minute,
      mergeGapMs: 0,
      historyFromMs: null,
      calendar: null,
      monitors: [{ id: 'api', type: 'http', intervalMs, confirm: 2, locations: [...locations], quorum: 1 }],
      claims: [],
    },
    checks,
    incidents: [],
    maintenance: [],
    fromMs: t0,
    toMs: t0 + 180 * minute,
    nowMs: t0 + 180 * minute,
  };
}

/** One worker: its location's checks, in time order, in live-sized batches. */
async function worker(store: Store, s: Scenario, location: string): Promise<void> {
  const mine = s.checks.filter((c) => c.location === location);
  for (let i = 0; i < mine.length; i += 4) await ingestChecks(store, [s.service], mine.slice(i, i + 4), s.nowMs);
}

describe.each(testStores.map((f) => [f.title, f] as const))('workers sharing a %s store', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it.each(['osaka', 'tokyo'])(
    'a worker whose location %s is three hours ahead of the other gives the same figures and incidents',
    async (first) => {
      const s = twoLocationScenario();
      const other = await db.openAnother();
      await worker(db.store, s, first);
      await worker(other, s, first === 'osaka' ? 'tokyo' : 'osaka');
      await expectSameAsMemory(db.store, s);
    },
    120_000,
  );

  it("with a quorum of 2, a location catching up into the other's outage opens the incident there", async () => {
    // Tokyo's 3 h first, then Osaka's checks only until minute 29, still down: both are down from
    // minute 25, so the monitor is down from there. Osaka's unknown after 29 does not end it; Tokyo
    // up again at 40 does (fewer than 2 locations down or unknown, SPEC §2.3).
    const full = twoLocationScenario();
    const s: Scenario = {
      ...full,
      service: { ...full.service, monitors: full.service.monitors.map((m) => ({ ...m, quorum: 2 })) },
      checks: full.checks.filter((c) => c.location === 'tokyo' || c.timeMs < t0 + 29 * minute),
    };
    await worker(db.store, s, 'tokyo');
    await worker(db.store, s, 'osaka');
    await expectSameAsMemory(db.store, s);
    const stored = (await db.store.listIncidents('svc', -8.64e15, 8.64e15)).filter((i) => i.source === 'probe');
    expect(stored.map((i) => [i.startedAtMs - t0, i.resolvedAtMs! - t0])).toEqual([
      [25 * minute + 3_000, 40 * minute + 3_000],
    ]);
  }, 120_000);

  it('two processes recording one monitor from two locations give the one-process figures and records', async () => {
    const s = twoLocationScenario();
    const other = await db.openAnother();
    await Promise.all([worker(db.store, s, 'osaka'), worker(other, s, 'tokyo')]);

    await expectSameAsMemory(db.store, s);
    const stored = (await db.store.listIncidents('svc', -8.64e15, 8.64e15)).filter((i) => i.source === 'probe');
    // By hand: the union of the outages with confirm 2 is down over minutes [20, 40), [95, 97),
    // [120, 122) and [150, 178) (tokyo's 30 s blip at 96 lies inside osaka's outage): 4 incidents.
    expect(stored).toHaveLength(4);

    // Every up check is in its hour's rollup exactly once: counted here from the checks themselves.
    const rollups = await db.store.listRollups(['api'], t0, t0 + 180 * minute);
    for (let h = 0; h < 3; h++) {
      const hourMs = t0 + h * 60 * minute;
      const inHour = s.checks.filter((c) => c.timeMs >= hourMs && c.timeMs < hourMs + 60 * minute);
      const rollup = rollups.find((r) => r.hourMs === hourMs);
      expect({ hour: h, up: rollup?.upCount, down: rollup?.downCount }).toEqual({
        hour: h,
        up: inHour.filter((c) => c.status === 'up').length,
        down: inHour.filter((c) => c.status !== 'up').length,
      });
    }
  }, 120_000);
});
