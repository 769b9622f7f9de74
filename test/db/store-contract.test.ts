// The one contract every Store passes (STYLE: gatus's store_test.go): the same cases, run over
// SQLite and PostgreSQL, each on a fresh database of its own (test-stores.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDatabaseUrl, openStore, storeDialectOf } from '../../db/open-store.ts';
import type { CheckRollup, Store } from '../../db/store.ts';
import type { Check, Incident, Maintenance } from '../../sla/model.ts';
import type { LocationSegment } from '../../sla/segments.ts';
import { openTestStore, testStores, type TestStore } from './test-stores.ts';

const hour = 3_600_000;
const day = 24 * hour;
/** 2026-01-01T00:00Z: epoch ms far above 2^32, so any 32-bit truncation shows. */
const t0 = Date.UTC(2026, 0, 1);

function check(
  monitorId: string,
  location: string,
  timeMs: number,
  status: 'up' | 'down' = 'up',
  latencyMs: number | null = 100,
): Check {
  return { monitorId, location, timeMs, status, latencyMs, detail: status === 'down' ? 'HTTP 503' : null };
}

function rollup(
  monitorId: string,
  hourMs: number,
  latencies: Array<[number, number]> = [[100, 3]],
  downCount = 0,
): CheckRollup {
  const latencyCounts = new Map(latencies);
  const upCount = latencies.reduce((sum, [, count]) => sum + count, 0);
  return {
    monitorId,
    hourMs,
    upCount,
    downCount,
    latencyCounts,
    firstUpMs: hourMs + 1,
    lastUpMs: hourMs + 2_000,
    maxUpGapMs: 1_999,
  };
}

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    serviceId: 'svc',
    startedAtMs: t0,
    detectedAtMs: t0 + 60_000,
    notifiedAtMs: null,
    resolvedAtMs: t0 + hour,
    impact: 'outage',
    source: 'manual',
    title: 'API down',
    cause: null,
    ...overrides,
  };
}

function maintenanceWindow(overrides: Partial<Maintenance> = {}): Maintenance {
  return {
    serviceId: 'svc',
    startMs: t0,
    endMs: t0 + 2 * hour,
    kind: 'downtime',
    announcedAtMs: t0 - 7 * day,
    title: 'DB upgrade',
    ...overrides,
  };
}

function segment(
  location: string,
  startMs: number,
  endMs: number,
  state: LocationSegment['state'],
  knownAtMs?: number,
): LocationSegment {
  return knownAtMs === undefined
    ? { monitorId: 'api', location, startMs, endMs, state }
    : { monitorId: 'api', location, startMs, endMs, state, knownAtMs };
}

function sumListed(rollups: readonly CheckRollup[]) {
  const latencyCounts = new Map<number, number>();
  let upCount = 0;
  let downCount = 0;
  for (const r of rollups) {
    upCount += r.upCount;
    downCount += r.downCount;
    for (const [ms, count] of r.latencyCounts) latencyCounts.set(ms, (latencyCounts.get(ms) ?? 0) + count);
  }
  return { upCount, downCount, latencyCounts: new Map([...latencyCounts].sort((a, b) => a[0] - b[0])) };
}

/** A deterministic pseudo-random sequence, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('openStore', () => {
  it('names SQLite for file: URLs and PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(storeDialectOf('file:./data/slawatch.db')).toBe('sqlite');
    expect(storeDialectOf('postgres://u@h/db')).toBe('postgres');
    expect(storeDialectOf('postgresql://u@h/db?schema=x')).toBe('postgres');
  });

  it('refuses any other URL, saying which forms it takes', async () => {
    await expect(openStore('mysql://u:secret@h/db')).rejects.toThrow(/file:PATH.*postgres:\/\//);
    await expect(openStore('mysql://u:secret@h/db')).rejects.not.toThrow(/secret/);
  });

  it('defaults to a SQLite file under ./data', () => {
    expect(defaultDatabaseUrl).toBe('file:./data/slawatch.db');
  });
});

describe.each(testStores.map((factory) => [factory.title, factory] as const))('%s store', (_title, factory) => {
  let db: TestStore;
  let store: Store;

  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    store = db.store;
  });

  afterEach(async () => {
    await db?.cleanup();
  });

  it('reports its dialect', () => {
    expect(store.dialect).toBe(factory.dialect);
  });

  it('starts empty', async () => {
    expect(await store.getMeta('anything')).toBeNull();
    expect(await store.listChecks('api', 'tokyo', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await store.listMonitorChecks(['api'], 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await store.latestUpCheckBefore('api', 'tokyo', t0)).toBeNull();
    expect(await store.earliestCheckMs('api', 'tokyo')).toBeNull();
    expect(await store.getLocationState('api', 'tokyo')).toBeNull();
    expect(await store.listSegments(['api'], 0, t0)).toEqual([]);
    expect(await store.firstSegmentStarts(['api'])).toEqual(new Map());
    expect(await store.listRollups(['api'], 0, t0)).toEqual([]);
    expect(await store.sumRollups(['api'], 0, t0)).toEqual({ upCount: 0, downCount: 0, latencyCounts: new Map() });
    expect(await store.latestRollups(['api'])).toEqual(new Map());
    expect(await store.lastUpBefore('api', t0)).toBeNull();
    expect(await store.listIncidents('svc', 0, t0)).toEqual([]);
    expect(await store.listMaintenance('svc', 0, t0)).toEqual([]);
    expect(await store.pruneChecks(t0)).toBe(0);
  });

  describe('meta', () => {
    it('sets, overwrites and reads named values, unicode included', async () => {
      await store.setMeta('cursor', '1');
      await store.setMeta('cursor', '2');
      await store.setMeta('名前', '値 🚀');
      expect(await store.getMeta('cursor')).toBe('2');
      expect(await store.getMeta('名前')).toBe('値 🚀');
    });
  });

  describe('checks', () => {
    it('lists one monitor location over [from, to), oldest first, however they were inserted', async () => {
      await store.insertChecks([
        check('api', 'tokyo', t0 + 2_000),
        check('api', 'tokyo', t0, 'down', 5_000),
        check('api', 'osaka', t0 + 1_000),
        check('web', 'tokyo', t0 + 1_000),
        check('api', 'tokyo', t0 + 1_000),
        check('api', 'tokyo', t0 + 3_000),
      ]);
      const listed = await store.listChecks('api', 'tokyo', t0, t0 + 3_000);
      expect(listed.map((c) => c.timeMs)).toEqual([t0, t0 + 1_000, t0 + 2_000]);
      expect(listed[0]).toEqual({
        monitorId: 'api',
        location: 'tokyo',
        timeMs: t0,
        status: 'down',
        latencyMs: 5_000,
        detail: 'HTTP 503',
      });
    });

    it('returns at most limit checks, the oldest', async () => {
      await store.insertChecks([0, 1, 2, 3, 4].map((i) => check('api', 'tokyo', t0 + i * 1_000)));
      const listed = await store.listChecks('api', 'tokyo', t0 + 1_000, Number.MAX_SAFE_INTEGER, 2);
      expect(listed.map((c) => c.timeMs)).toEqual([t0 + 1_000, t0 + 2_000]);
    });

    it('keeps times beyond 2^32 and before 1970 exact, as numbers', async () => {
      const times = [t0 + 123, 2 ** 40 + 7, -86_400_001, 0];
      await store.insertChecks(times.map((t) => check('api', 'tokyo', t)));
      const listed = await store.listChecks('api', 'tokyo', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      expect(listed.map((c) => c.timeMs)).toEqual([...times].sort((a, b) => a - b));
      for (const c of listed) expect(typeof c.timeMs).toBe('number');
      expect(typeof (await store.earliestCheckMs('api', 'tokyo'))).toBe('number');
    });

    it('stores latency in whole ms and a missing detail as null', async () => {
      await store.insertChecks([
        { monitorId: 'api', location: 'tokyo', timeMs: t0, status: 'up', latencyMs: 12.6 },
        { monitorId: 'api', location: 'tokyo', timeMs: t0 + 1, status: 'down', latencyMs: null, detail: undefined },
      ]);
      const listed = await store.listChecks('api', 'tokyo', t0, t0 + 2);
      expect(listed.map((c) => [c.latencyMs, c.detail])).toEqual([
        [13, null],
        [null, null],
      ]);
    });

    it('keeps unicode and awkward characters in names and details intact', async () => {
      const detail = 'タイムアウト "quoted" \\back\\slash {braces}, commas, NULL 🚨';
      await store.insertChecks([
        { monitorId: '監視-api', location: '東京 (tokyo)', timeMs: t0, status: 'down', latencyMs: null, detail },
      ]);
      await store.insertChecks([
        { monitorId: 'm', location: 'NULL', timeMs: t0, status: 'down', latencyMs: null, detail: 'NULL' },
      ]);
      expect((await store.listMonitorChecks(['監視-api'], t0, t0 + 1))[0]).toMatchObject({
        location: '東京 (tokyo)',
        detail,
      });
      expect((await store.listChecks('m', 'NULL', t0, t0 + 1))[0]!.detail).toBe('NULL');
    });

    it('replaces a check with the same monitor, location and time; the last one wins inside a batch too', async () => {
      await store.insertChecks([check('api', 'tokyo', t0, 'up', 10)]);
      await store.insertChecks([check('api', 'tokyo', t0, 'down', 20), check('api', 'tokyo', t0, 'up', 30)]);
      expect(await store.listChecks('api', 'tokyo', t0, t0 + 1)).toEqual([check('api', 'tokyo', t0, 'up', 30)]);
    });

    it('lists several monitors across all locations by time', async () => {
      await store.insertChecks([
        check('api', 'osaka', t0 + 2_000),
        check('api', 'tokyo', t0 + 1_000),
        check('web', 'singapore', t0 + 1_500),
        check('db', 'tokyo', t0 + 1_200),
        check('api', 'tokyo', t0 + 9_000),
      ]);
      const listed = await store.listMonitorChecks(['api', 'web', 'unknown'], t0, t0 + 9_000);
      expect(listed.map((c) => `${c.monitorId}@${c.location}:${c.timeMs - t0}`)).toEqual([
        'api@tokyo:1000',
        'web@singapore:1500',
        'api@osaka:2000',
      ]);
    });

    it('finds the latest up check strictly before a time, skipping down checks', async () => {
      await store.insertChecks([
        check('api', 'tokyo', t0, 'up'),
        check('api', 'tokyo', t0 + 1_000, 'up'),
        check('api', 'tokyo', t0 + 2_000, 'down'),
        check('api', 'tokyo', t0 + 3_000, 'up'),
        check('api', 'osaka', t0 + 2_500, 'up'),
      ]);
      expect((await store.latestUpCheckBefore('api', 'tokyo', t0 + 3_000))?.timeMs).toBe(t0 + 1_000);
      expect((await store.latestUpCheckBefore('api', 'tokyo', t0 + 3_001))?.timeMs).toBe(t0 + 3_000);
      expect(await store.latestUpCheckBefore('api', 'tokyo', t0)).toBeNull();
      expect(await store.earliestCheckMs('api', 'tokyo')).toBe(t0);
    });

    it('prunes old checks only in hours that have a rollup, and says how many went', async () => {
      await store.insertChecks([
        check('api', 'tokyo', t0 + 10), // hour 0, rolled up: pruned
        check('api', 'osaka', t0 + 20), // hour 0, rolled up (rollups are per monitor): pruned
        check('api', 'tokyo', t0 + hour + 10), // hour 1, not rolled up: kept
        check('web', 'tokyo', t0 + 30), // another monitor's hour 0, not rolled up: kept
        check('api', 'tokyo', t0 + 2 * hour + 10), // hour 2, rolled up, before the cut: pruned
        check('api', 'tokyo', t0 + 2 * hour + 600_000), // hour 2, rolled up, at/after the cut: kept
      ]);
      await store.upsertRollups([rollup('api', t0), rollup('api', t0 + 2 * hour)]);
      expect(await store.pruneChecks(t0 + 2 * hour + 600_000)).toBe(3);
      const left = await store.listMonitorChecks(['api', 'web'], 0, Number.MAX_SAFE_INTEGER);
      expect(left.map((c) => `${c.monitorId}@${c.location}:${c.timeMs - t0}`)).toEqual([
        'web@tokyo:30',
        'api@tokyo:3600010',
        'api@tokyo:7800000',
      ]);
    });

    it('prunes by UTC hour for times before 1970 as well', async () => {
      const hourBefore1970 = -2 * hour;
      await store.insertChecks([
        check('api', 'tokyo', hourBefore1970 + 5),
        check('api', 'tokyo', hourBefore1970 + hour + 5),
      ]);
      await store.upsertRollups([rollup('api', hourBefore1970)]);
      expect(await store.pruneChecks(0)).toBe(1);
      expect((await store.listChecks('api', 'tokyo', Number.MIN_SAFE_INTEGER, 0)).map((c) => c.timeMs)).toEqual([
        hourBefore1970 + hour + 5,
      ]);
    });
  });

  describe('location timelines', () => {
    it('puts and overwrites a location state', async () => {
      await store.putLocationState({ monitorId: 'api', location: 'tokyo', lastCheckMs: t0, stateJson: '{"run":1}' });
      await store.putLocationState({
        monitorId: 'api',
        location: 'tokyo',
        lastCheckMs: t0 + 1,
        stateJson: '{"run":2,"名":"値"}',
      });
      expect(await store.getLocationState('api', 'tokyo')).toEqual({
        monitorId: 'api',
        location: 'tokyo',
        lastCheckMs: t0 + 1,
        stateJson: '{"run":2,"名":"値"}',
      });
      expect(await store.getLocationState('api', 'osaka')).toBeNull();
      await store.putLocationState({ monitorId: 'web', location: 'osaka', lastCheckMs: t0 + 7, stateJson: '{}' });
      const many = await store.getLocationStates([
        { monitorId: 'web', location: 'osaka' },
        { monitorId: 'api', location: 'osaka' },
        { monitorId: 'api', location: 'tokyo' },
        { monitorId: 'nobody', location: 'tokyo' },
      ]);
      expect(many.sort((a, b) => a.monitorId.localeCompare(b.monitorId))).toEqual([
        { monitorId: 'api', location: 'tokyo', lastCheckMs: t0 + 1, stateJson: '{"run":2,"名":"値"}' },
        { monitorId: 'web', location: 'osaka', lastCheckMs: t0 + 7, stateJson: '{}' },
      ]);
      expect(await store.getLocationStates([])).toEqual([]);
    });

    it('replaces segments from fromMs: later ones go, the one spanning fromMs is cut there', async () => {
      await store.replaceSegments('api', 'tokyo', Number.MIN_SAFE_INTEGER, [
        segment('tokyo', t0, t0 + 100, 'up'),
        segment('tokyo', t0 + 100, t0 + 200, 'down', t0 + 150),
        segment('tokyo', t0 + 200, t0 + 300, 'up'),
        segment('tokyo', t0 + 300, t0 + 400, 'unknown'),
      ]);
      await store.replaceSegments('api', 'osaka', Number.MIN_SAFE_INTEGER, [segment('osaka', t0, t0 + 400, 'up')]);
      await store.replaceSegments('api', 'tokyo', t0 + 150, [segment('tokyo', t0 + 150, t0 + 500, 'down', t0 + 160)]);
      expect(await store.listSegments(['api'], 0, Number.MAX_SAFE_INTEGER)).toEqual([
        segment('osaka', t0, t0 + 400, 'up'),
        segment('tokyo', t0, t0 + 100, 'up'),
        segment('tokyo', t0 + 100, t0 + 150, 'down', t0 + 150),
        segment('tokyo', t0 + 150, t0 + 500, 'down', t0 + 160),
      ]);
    });

    it('deletes a segment that starts exactly at fromMs and keeps one that ends there', async () => {
      await store.replaceSegments('api', 'tokyo', 0, [
        segment('tokyo', t0, t0 + 100, 'up'),
        segment('tokyo', t0 + 100, t0 + 200, 'down'),
      ]);
      await store.replaceSegments('api', 'tokyo', t0 + 100, []);
      expect(await store.listSegments(['api'], 0, Number.MAX_SAFE_INTEGER)).toEqual([
        segment('tokyo', t0, t0 + 100, 'up'),
      ]);
    });

    it('lists the segments that overlap [from, to) of the named monitors, by monitor, location and start', async () => {
      await store.replaceSegments('api', 'tokyo', 0, [
        segment('tokyo', t0, t0 + 100, 'up'),
        segment('tokyo', t0 + 100, t0 + 200, 'down'),
      ]);
      await store.replaceSegments('web', 'b', 0, [
        { monitorId: 'web', location: 'b', startMs: t0 + 50, endMs: t0 + 60, state: 'unknown' },
      ]);
      await store.replaceSegments('web', 'a', 0, [
        { monitorId: 'web', location: 'a', startMs: t0 + 50, endMs: t0 + 60, state: 'up' },
      ]);
      await store.replaceSegments('db', 'a', 0, [
        { monitorId: 'db', location: 'a', startMs: t0, endMs: t0 + 60, state: 'up' },
      ]);
      const listed = await store.listSegments(['web', 'api'], t0 + 55, t0 + 100);
      expect(listed.map((s) => `${s.monitorId}@${s.location}:${s.startMs - t0}`)).toEqual([
        'api@tokyo:0',
        'web@a:50',
        'web@b:50',
      ]);
      expect(await store.listSegments(['api'], t0 + 200, t0 + 300)).toEqual([]);
      expect(await store.firstSegmentStarts(['api', 'web', 'nothing'])).toEqual(
        new Map([
          ['api', t0],
          ['web', t0 + 50],
        ]),
      );
    });

    it('lists by overlap however long the history before the range, with gaps between segments', async () => {
      // tokyo: 40 segments of 10 ms each with 5 ms gaps (start 15·i); osaka: one long segment.
      await store.replaceSegments(
        'api',
        'tokyo',
        0,
        Array.from({ length: 40 }, (_, i) =>
          segment('tokyo', t0 + 15 * i, t0 + 15 * i + 10, i % 2 ? 'down' : 'up', i % 2 ? t0 + 15 * i : undefined),
        ),
      );
      await store.replaceSegments('api', 'osaka', 0, [segment('osaka', t0 - 1_000, t0 + 10_000, 'up')]);
      const starts = async (fromMs: number, toMs: number) =>
        (await store.listSegments(['api'], t0 + fromMs, t0 + toMs)).map((x) => `${x.location}:${x.startMs - t0}`);
      // [302, 331): tokyo 300–310 spans 302, 315–325 inside, 330–340 starts before 331.
      expect(await starts(302, 331)).toEqual(['osaka:-1000', 'tokyo:300', 'tokyo:315', 'tokyo:330']);
      // [311, 314) lies in a gap of tokyo (310–315): only osaka.
      expect(await starts(311, 314)).toEqual(['osaka:-1000']);
      // [310, 316): tokyo 300–310 ends at 310 and is out; 315–325 is in.
      expect(await starts(310, 316)).toEqual(['osaka:-1000', 'tokyo:315']);
    });

    it('writes many timelines and fold states at once, as replaceSegments and putLocationState would', async () => {
      const first = [segment('tokyo', t0, t0 + 100, 'up'), segment('tokyo', t0 + 100, t0 + 200, 'down', t0 + 120)];
      const one = await openTestStore(factory);
      try {
        for (const target of [store, one.store]) await target.replaceSegments('api', 'tokyo', 0, first);
        const updates = [
          {
            fromMs: t0 + 150,
            segments: [segment('tokyo', t0 + 150, t0 + 300, 'up')],
            state: { monitorId: 'api', location: 'tokyo', lastCheckMs: t0 + 290, stateJson: '{"a":1}' },
          },
          {
            fromMs: Number.MIN_SAFE_INTEGER,
            segments: [segment('osaka', t0, t0 + 50, 'unknown')],
            state: { monitorId: 'api', location: 'osaka', lastCheckMs: t0 + 40, stateJson: '{"b":2}' },
          },
          {
            fromMs: t0 + 10,
            segments: [],
            state: { monitorId: 'web', location: 'tokyo', lastCheckMs: t0 + 5, stateJson: '{}' },
          },
        ];
        await store.writeTimelines(updates);
        for (const u of updates) {
          await one.store.replaceSegments(u.state.monitorId, u.state.location, u.fromMs, u.segments);
          await one.store.putLocationState(u.state);
        }
        const keys = updates.map((u) => u.state);
        expect(await store.listSegments(['api', 'web'], 0, Number.MAX_SAFE_INTEGER)).toEqual(
          await one.store.listSegments(['api', 'web'], 0, Number.MAX_SAFE_INTEGER),
        );
        expect(await store.listSegments(['api'], 0, Number.MAX_SAFE_INTEGER)).toEqual([
          segment('osaka', t0, t0 + 50, 'unknown'),
          segment('tokyo', t0, t0 + 100, 'up'),
          segment('tokyo', t0 + 100, t0 + 150, 'down', t0 + 120),
          segment('tokyo', t0 + 150, t0 + 300, 'up'),
        ]);
        const byKey = (rows: { monitorId: string; location: string }[]) =>
          rows.sort((a, b) => `${a.monitorId}@${a.location}`.localeCompare(`${b.monitorId}@${b.location}`));
        expect(byKey(await store.getLocationStates(keys))).toEqual(byKey(await one.store.getLocationStates(keys)));
        expect(byKey(await store.getLocationStates(keys))).toHaveLength(3);
        await expect(
          store.writeTimelines([{ ...updates[0]!, segments: [segment('osaka', t0, t0 + 1, 'up')] }]),
        ).rejects.toThrow(/api@tokyo/);
      } finally {
        await one.cleanup();
      }
    });

    it('refuses segments of another monitor location', async () => {
      await expect(store.replaceSegments('api', 'osaka', 0, [segment('tokyo', t0, t0 + 1, 'up')])).rejects.toThrow(
        /api@tokyo/,
      );
    });
  });

  describe('rollups', () => {
    it('upserts and lists hourly rollups with exact latency histograms', async () => {
      const wide: Array<[number, number]> = [
        [0, 1],
        [1, 2],
        [127, 3],
        [128, 4],
        [16_384, 5],
        [5_000_000, 6],
        [2 ** 40, 70_000],
      ];
      await store.upsertRollups([rollup('api', t0 + hour, wide, 2), rollup('api', t0), rollup('web', t0)]);
      const listed = await store.listRollups(['api'], t0, t0 + 2 * hour);
      expect(listed).toEqual([rollup('api', t0), rollup('api', t0 + hour, wide, 2)]);
      expect([...listed[1]!.latencyCounts.keys()]).toEqual(wide.map(([ms]) => ms));
    });

    it('replaces the rollup of an hour that is upserted again', async () => {
      await store.upsertRollups([rollup('api', t0, [[100, 3]])]);
      await store.upsertRollups([
        { ...rollup('api', t0, [[200, 1]], 4), firstUpMs: null, lastUpMs: null, maxUpGapMs: null },
      ]);
      expect(await store.listRollups(['api'], t0, t0 + hour)).toEqual([
        { ...rollup('api', t0, [[200, 1]], 4), firstUpMs: null, lastUpMs: null, maxUpGapMs: null },
      ]);
      expect(await store.sumRollups(['api'], 0, t0 + day)).toEqual({
        upCount: 1,
        downCount: 4,
        latencyCounts: new Map([[200, 1]]),
      });
    });

    it("knows each monitor's latest rollup and the last up check before a time", async () => {
      await store.upsertRollups([
        rollup('api', t0),
        {
          ...rollup('api', t0 + hour),
          upCount: 0,
          latencyCounts: new Map(),
          firstUpMs: null,
          lastUpMs: null,
          maxUpGapMs: null,
        },
        rollup('api', t0 + 5 * hour),
        rollup('web', t0 + 2 * hour),
        rollup('web', t0 + hour),
      ]);
      expect(await store.latestRollups(['api', 'web', 'nobody'])).toEqual(
        new Map([
          ['api', rollup('api', t0 + 5 * hour)],
          ['web', rollup('web', t0 + 2 * hour)],
        ]),
      );
      expect(await store.lastUpBefore('api', t0 + 5 * hour)).toBe(t0 + 2_000);
      expect(await store.lastUpBefore('api', t0 + 6 * hour)).toBe(t0 + 5 * hour + 2_000);
      expect(await store.lastUpBefore('api', t0)).toBeNull();
    });

    it('sums rollups as summing listRollups does, for ragged ranges, whole days and rewritten days', async () => {
      const next = random(42);
      const monitors = ['api', 'web', 'db'];
      const all: CheckRollup[] = [];
      for (const monitorId of monitors) {
        for (let h = -30; h < 24 * 9; h++) {
          if (next() < 0.15) continue; // hours without checks have no rollup
          const latencies: Array<[number, number]> = [];
          for (let i = 0; i < 1 + Math.floor(next() * 6); i++)
            latencies.push([Math.floor(next() * 400) + 20 * i, 1 + Math.floor(next() * 9)]);
          all.push(rollup(monitorId, t0 + h * hour, [...new Map(latencies)], Math.floor(next() * 3)));
        }
      }
      await store.upsertRollups(all);
      // Rewrite some hours so their days' aggregates must be recomputed, not added to.
      await store.upsertRollups(
        all
          .filter((_, i) => i % 7 === 0)
          .map((r) => ({ ...r, downCount: r.downCount + 5, latencyCounts: new Map([[999, 2]]), upCount: 2 })),
      );
      const ranges: Array<[number, number]> = [
        [t0, t0 + 7 * day],
        [t0 - 30 * hour, t0 + 9 * day],
        [t0 + 5 * hour, t0 + 3 * day + 7 * hour],
        [t0 + 5 * hour + 1, t0 + 5 * hour + 2],
        [t0 + 2 * day, t0 + 2 * day],
        [t0 + 30 * 60_000, t0 + 4 * day - 30 * 60_000],
        [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      ];
      for (let i = 0; i < 20; i++) {
        const from = t0 + Math.floor((next() - 0.2) * 10 * day);
        ranges.push([from, from + Math.floor(next() * 8 * day)]);
      }
      for (const [from, to] of ranges) {
        for (const ids of [monitors, ['web'], ['db', 'nothing']]) {
          const expected = sumListed(await store.listRollups(ids, from, to));
          const summed = await store.sumRollups(ids, from, to);
          expect(summed, `${ids} over [${from - t0}, ${to - t0})`).toEqual(expected);
          expect([...summed.latencyCounts.keys()]).toEqual([...expected.latencyCounts.keys()]);
        }
      }
    });

    it('sums a year of ten monitors quickly from the daily aggregate', async () => {
      const yearStart = Date.UTC(2025, 0, 1);
      const monitors = Array.from({ length: 10 }, (_, i) => `monitor-${i}`);
      const rollups: CheckRollup[] = [];
      for (const monitorId of monitors) {
        for (let h = 0; h < 365 * 24; h++) {
          const latencyCounts = new Map<number, number>();
          for (let i = 0; i < 120; i++) {
            const ms = 80 + ((h * 31 + i * 17) % 250);
            latencyCounts.set(ms, (latencyCounts.get(ms) ?? 0) + 1);
          }
          rollups.push({
            monitorId,
            hourMs: yearStart + h * hour,
            upCount: 120,
            downCount: 0,
            latencyCounts,
            firstUpMs: null,
            lastUpMs: null,
            maxUpGapMs: null,
          });
        }
      }
      await store.upsertRollups(rollups);
      const started = performance.now();
      const sum = await store.sumRollups(monitors, yearStart + 9 * hour, yearStart + 365 * day - 3 * hour);
      const elapsedMs = performance.now() - started;
      expect(sum.upCount).toBe(10 * 120 * (365 * 24 - 12));
      expect([...sum.latencyCounts.values()].reduce((a, b) => a + b, 0)).toBe(sum.upCount);
      console.log(`${factory.dialect}: sumRollups over a year of 10 monitors took ${elapsedMs.toFixed(1)} ms`);
      expect(elapsedMs).toBeLessThan(1_000);
    });
  });

  describe('incidents', () => {
    it('assigns integer ids as strings and lists what it stored', async () => {
      const ids = await store.insertIncidents([
        incident(),
        incident({
          startedAtMs: t0 + day,
          resolvedAtMs: null,
          cause: '原因: ディスク満杯',
          source: 'probe',
          impact: 'partial',
        }),
      ]);
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(/^[1-9][0-9]*$/);
      expect(Number(ids[1])).toBeGreaterThan(Number(ids[0]));
      expect(await store.listIncidents('svc', 0, Number.MAX_SAFE_INTEGER)).toEqual([
        { ...incident(), id: ids[0] },
        {
          ...incident({
            startedAtMs: t0 + day,
            resolvedAtMs: null,
            cause: '原因: ディスク満杯',
            source: 'probe',
            impact: 'partial',
          }),
          id: ids[1],
        },
      ]);
    });

    it.each([
      [
        'one resolved before the range starts is left out',
        { startedAtMs: t0 - 2 * hour, resolvedAtMs: t0 - hour },
        false,
      ],
      [
        'one resolved exactly when the range starts is left out',
        { startedAtMs: t0 - 2 * hour, resolvedAtMs: t0 },
        false,
      ],
      ['one running into the range is listed', { startedAtMs: t0 - 2 * hour, resolvedAtMs: t0 + 1 }, true],
      ['an open one started before the range is listed', { startedAtMs: t0 - 30 * day, resolvedAtMs: null }, true],
      ['a zero-length one at the range start is listed (it starts in it)', { startedAtMs: t0, resolvedAtMs: t0 }, true],
      ['one starting at the range end is left out', { startedAtMs: t0 + day, resolvedAtMs: null }, false],
      ['one spanning the whole range is listed', { startedAtMs: t0 - day, resolvedAtMs: t0 + 2 * day }, true],
      ['another service’s is left out', { serviceId: 'other', startedAtMs: t0 + hour }, false],
    ] as const)('for the range [t0, t0 + 1 day): %s', async (_name, overrides, listed) => {
      await store.insertIncidents([incident({ ...overrides, detectedAtMs: null })]);
      expect(await store.listIncidents('svc', t0, t0 + day)).toHaveLength(listed ? 1 : 0);
    });

    it('updates an incident in place and refuses an id it never gave', async () => {
      const [id] = await store.insertIncidents([incident({ resolvedAtMs: null })]);
      const updated = {
        ...incident({ resolvedAtMs: t0 + 2 * hour, notifiedAtMs: t0 + hour, title: 'API down (resolved)' }),
        id: id!,
      };
      await store.updateIncident(updated);
      expect(await store.listIncidents('svc', 0, Number.MAX_SAFE_INTEGER)).toEqual([updated]);
      await expect(store.updateIncident({ ...updated, id: '999999' })).rejects.toThrow(/999999/);
      await expect(store.updateIncident({ ...updated, id: 'abc' })).rejects.toThrow(/abc/);
    });

    it('deletes incidents by id and never hands a deleted id out again', async () => {
      const ids = await store.insertIncidents([incident(), incident({ startedAtMs: t0 + hour })]);
      await store.deleteIncidents([ids[1]!, 'not-an-id']);
      expect((await store.listIncidents('svc', 0, Number.MAX_SAFE_INTEGER)).map((i) => i.id)).toEqual([ids[0]]);
      const [next] = await store.insertIncidents([incident({ startedAtMs: t0 + 2 * hour })]);
      expect(Number(next)).toBeGreaterThan(Number(ids[1]));
    });
  });

  describe('maintenance', () => {
    it.each([
      ['one ending when the range starts is left out', { startMs: t0 - hour, endMs: t0 }, false],
      ['one running into the range is listed', { startMs: t0 - hour, endMs: t0 + 1 }, true],
      ['a zero-length one at the range start is listed', { startMs: t0, endMs: t0 }, true],
      ['one starting at the range end is left out', { startMs: t0 + day, endMs: t0 + day + hour }, false],
      ['another service’s is left out', { serviceId: 'other' }, false],
    ] as const)('for the range [t0, t0 + 1 day): %s', async (_name, overrides, listed) => {
      await store.insertMaintenance([maintenanceWindow(overrides)]);
      expect(await store.listMaintenance('svc', t0, t0 + day)).toHaveLength(listed ? 1 : 0);
    });

    it('assigns ids and keeps every field', async () => {
      const windows = [
        maintenanceWindow(),
        maintenanceWindow({
          startMs: t0 + day,
          endMs: t0 + day + hour,
          kind: 'no-downtime',
          announcedAtMs: null,
          title: 'ネットワーク工事',
        }),
      ];
      const ids = await store.insertMaintenance(windows);
      expect(await store.listMaintenance('svc', 0, Number.MAX_SAFE_INTEGER)).toEqual(
        windows.map((w, i) => ({ ...w, id: ids[i] })),
      );
    });
  });

  describe('transactions', () => {
    it('commits every write of fn together', async () => {
      const result = await store.transaction(async (tx) => {
        await tx.insertChecks([check('api', 'tokyo', t0)]);
        await tx.setMeta('k', 'v');
        expect(await tx.getMeta('k')).toBe('v');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.getMeta('k')).toBe('v');
      expect(await store.listChecks('api', 'tokyo', t0, t0 + 1)).toHaveLength(1);
    });

    it('leaves nothing behind when fn throws', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertChecks([check('ghost-monitor', 'ghost-location', t0)]);
          await tx.insertIncidents([incident()]);
          await tx.upsertRollups([rollup('ghost-monitor', t0)]);
          await tx.replaceSegments('api', 'tokyo', 0, [segment('tokyo', t0, t0 + 1, 'up')]);
          await tx.setMeta('k', 'v');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.getMeta('k')).toBeNull();
      expect(await store.listChecks('ghost-monitor', 'ghost-location', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await store.listIncidents('svc', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await store.sumRollups(['ghost-monitor'], 0, Number.MAX_SAFE_INTEGER)).toEqual({
        upCount: 0,
        downCount: 0,
        latencyCounts: new Map(),
      });
      expect(await store.listSegments(['api'], 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it('does not reuse the names of a rolled-back transaction for other names', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertChecks([check('ghost', 'ghost-place', t0)]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await store.insertChecks([check('real', 'real-place', t0)]);
      await store.insertChecks([check('ghost', 'ghost-place', t0 + 1)]);
      expect(await store.listMonitorChecks(['real'], 0, Number.MAX_SAFE_INTEGER)).toEqual([
        check('real', 'real-place', t0),
      ]);
      expect(await store.listMonitorChecks(['ghost'], 0, Number.MAX_SAFE_INTEGER)).toEqual([
        check('ghost', 'ghost-place', t0 + 1),
      ]);
    });

    it('joins nested calls: a nested failure that the caller catches undoes only its own writes', async () => {
      await store.transaction(async (tx) => {
        await tx.setMeta('outer', '1');
        await expect(
          tx.transaction(async (inner) => {
            await inner.setMeta('inner', '1');
            await inner.insertChecks([check('nested-only', 'x', t0)]);
            throw new Error('inner boom');
          }),
        ).rejects.toThrow('inner boom');
        await tx.transaction(async (inner) => inner.setMeta('inner-ok', '1'));
        await tx.insertChecks([check('after', 'x', t0)]);
      });
      expect(await store.getMeta('outer')).toBe('1');
      expect(await store.getMeta('inner')).toBeNull();
      expect(await store.getMeta('inner-ok')).toBe('1');
      expect(await store.listChecks('nested-only', 'x', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await store.listChecks('after', 'x', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    });

    it('keeps a transaction usable after one of its writes fails', async () => {
      await store.transaction(async (tx) => {
        await expect(tx.replaceSegments('api', 'tokyo', 0, [segment('osaka', t0, t0 + 1, 'up')])).rejects.toThrow();
        await expect(tx.updateIncident({ ...incident(), id: '424242' })).rejects.toThrow();
        await tx.setMeta('still', 'works');
      });
      expect(await store.getMeta('still')).toBe('works');
    });

    it('keeps other callers out of a transaction, and its writes from them until it commits', async () => {
      let release!: () => void;
      const paused = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const tx = store.transaction(async (t) => {
        await t.setMeta('in-tx', 'yes');
        wrote();
        await paused;
        throw new Error('rolled back');
      });
      await written;
      const outside = store.setMeta('outside', 'yes');
      const read = store.getMeta('in-tx');
      release();
      await expect(tx).rejects.toThrow('rolled back');
      await outside;
      expect(await read).toBeNull();
      expect(await store.getMeta('outside')).toBe('yes');
      expect(await store.getMeta('in-tx')).toBeNull();
    });

    it('runs interleaved transactions and writes from many callers without mixing them', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 3 === 0
            ? store
                .transaction(async (tx) => {
                  await tx.setMeta(`k${i}`, 'a');
                  await new Promise((resolve) => setTimeout(resolve, 5));
                  await tx.insertChecks([check(`m${i}`, 'x', t0)]);
                  if (i % 2 === 0) throw new Error('undo');
                })
                .catch(() => undefined)
            : store.insertChecks([check(`m${i}`, 'x', t0)]),
        ),
      );
      for (let i = 0; i < 12; i++) {
        const undone = i % 3 === 0 && i % 2 === 0;
        expect(await store.listChecks(`m${i}`, 'x', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(undone ? 0 : 1);
        expect(await store.getMeta(`k${i}`)).toBe(i % 3 === 0 && !undone ? 'a' : null);
      }
    });

    it('refuses the outer store inside its own transaction instead of hanging', async () => {
      await expect(store.transaction(async () => store.getMeta('x'))).rejects.toThrow(/tx argument/);
      await expect(store.transaction(async () => store.setMeta('x', '1'))).rejects.toThrow(/tx argument/);
      expect(await store.getMeta('x')).toBeNull();
    });

    it('refuses a tx object used after its transaction ended', async () => {
      let kept: Store | undefined;
      await store.transaction(async (tx) => {
        kept = tx;
      });
      await expect(kept!.getMeta('x')).rejects.toThrow(/ended/);
      await expect(kept!.setMeta('x', '1')).rejects.toThrow(/ended/);
    });
  });

  describe('several stores on one database', () => {
    it('each sees the other’s writes, names included', async () => {
      const other = await db.openAnother();
      await store.insertChecks([check('api', 'tokyo', t0)]);
      expect(await other.listChecks('api', 'tokyo', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
      await other.insertChecks([check('api', 'osaka', t0 + 1), check('web', 'tokyo', t0 + 2)]);
      await other.upsertRollups([rollup('web', t0)]);
      expect(
        (await store.listMonitorChecks(['api', 'web'], 0, Number.MAX_SAFE_INTEGER)).map(
          (c) => `${c.monitorId}@${c.location}`,
        ),
      ).toEqual(['api@tokyo', 'api@osaka', 'web@tokyo']);
      expect((await store.sumRollups(['web'], 0, Number.MAX_SAFE_INTEGER)).upCount).toBe(3);
      await store.setMeta('from-first', '1');
      expect(await other.getMeta('from-first')).toBe('1');
    });

    it('interleave transactions without deadlock, both adding the same new names', async () => {
      const other = await db.openAnother();
      const writer = (s: Store, location: string) =>
        s.transaction(async (tx) => {
          await tx.insertChecks([check('new-monitor', location, t0)]);
          await new Promise((resolve) => setTimeout(resolve, 10));
          await tx.insertChecks([check('new-monitor', 'shared-new-location', t0 + (location === 'a' ? 1 : 2))]);
        });
      await Promise.all([writer(store, 'a'), writer(other, 'b'), writer(store, 'a'), other.setMeta('k', 'v')]);
      const listed = await other.listMonitorChecks(['new-monitor'], 0, Number.MAX_SAFE_INTEGER);
      expect(listed.map((c) => `${c.location}:${c.timeMs - t0}`).sort()).toEqual([
        'a:0',
        'b:0',
        'shared-new-location:1',
        'shared-new-location:2',
      ]);
    });

    // Only SQLite shares one queue per file; the case is not defined for PostgreSQL (no skip to count).
    if (factory.dialect === 'sqlite')
      it('refuses (SQLite) another store on the same file inside a transaction instead of hanging', async () => {
        // One process, one file, one queue: the other store's call would wait for this transaction forever.
        const other = await db.openAnother();
        await expect(store.transaction(async () => other.getMeta('k'))).rejects.toThrow(/tx argument/);
      });

    it('opens and migrates one new database from several processes at once', async () => {
      const child = fileURLToPath(new URL('./open-store-process.ts', import.meta.url));
      const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
      const fresh = await factory.createDatabase();
      try {
        const codes = await Promise.all(
          ['a', 'b', 'c', 'd'].map(
            (name) =>
              new Promise<{ code: number | null; stderr: string }>((resolve) => {
                const proc = spawn(process.execPath, [tsx, child, fresh.url, name], {
                  stdio: ['ignore', 'ignore', 'pipe'],
                });
                let stderr = '';
                proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
                proc.on('close', (code) => resolve({ code, stderr }));
              }),
          ),
        );
        expect(codes).toEqual(codes.map(() => ({ code: 0, stderr: '' })));
        const opened = await openStore(fresh.url);
        try {
          for (const name of ['a', 'b', 'c', 'd']) expect(await opened.getMeta(`opened-by-${name}`)).toBe('yes');
          expect(await opened.listMonitorChecks(['shared-monitor'], 0, Number.MAX_SAFE_INTEGER)).toHaveLength(4);
        } finally {
          await opened.close();
        }
      } finally {
        await fresh.drop();
      }
    });
  });
});
