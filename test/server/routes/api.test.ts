// The read-only JSON API under /api/v1 over the seeded dashboard data (test/server/pages/
// dashboard-fixture.ts), on every store. Expected figures are hand arithmetic from the fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { dashboardConfig, seedDashboard } from '../pages/dashboard-fixture.ts';
import { pageApp, pageNowMs } from '../pages/page-app.ts';

const yearSeconds = 365 * 86_400;

describe.each(testStores.map((f) => [f.title, f] as const))('the API on %s', (_title, factory) => {
  let db: TestStore;
  let app: Hono;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    if (factory.skipReason) return;
    db = await openTestStore(factory);
    const config = dashboardConfig();
    await seedDashboard(db.store, config, pageNowMs);
    ({ app } = await pageApp(db.store, config));
  }, 120_000);
  afterAll(() => db?.cleanup());

  it.skipIf(factory.skipReason)('reports a year of figures as SPEC §5 shapes them', async () => {
    const { status, body } = await get('/api/v1/services/shop/figures?year=2025');
    expect(status).toBe(200);
    expect(body.period).toEqual({
      from: '2025-01-01T00:00:00+09:00',
      to: '2026-01-01T00:00:00+09:00',
      timezone: 'Asia/Tokyo',
    });
    // D = 90 min imported + 40 min web + 120 min api = 250 min = 15,000 s.
    expect(body.figures.downtimeSeconds).toBe(15_000);
    // U = 2025-09-15 00:10–06:00 (held 2 × 10 min after the 23:50 checks) = 5 h 50 min = 21,000 s.
    expect(body.figures.unknownSeconds).toBe(21_000);
    // P = 365 days minus the 2 h downtime window announced 15 d ahead (≥ 7 d, so it excludes).
    expect(body.figures.plannedSeconds).toBe(yearSeconds - 7_200);
    // 4 incidents; MTTR = (90 + 40 + 120 + 360 min) ÷ 4 = 152.5 min = 9,150 s.
    expect(body.figures.incidentCount).toBe(4);
    expect(body.figures.mttrSeconds).toBe(9_150);
    expect(body.figures.maintenanceNoticeViolations).toBe(1);
    expect(body.claims.map((c: { id: string }) => c.id)).toEqual([
      'availability',
      'mttr',
      'incidents',
      'notification',
      'notice-downtime',
      'notice-other',
      'latency',
    ]);
    expect(body.claims[0]).toMatchObject({ metric: 'availability', bound: 0.9995, sheetRow: 5 });
  });

  it.skipIf(factory.skipReason)('takes ?period= and ?from=&to= as well as ?year=', async () => {
    expect((await get('/api/v1/services/shop/figures?period=2025-05')).body.figures.downtimeSeconds).toBe(2_400);
    const day = await get('/api/v1/services/shop/figures?from=2025-08-20&to=2025-08-21');
    expect(day.body.period.from).toBe('2025-08-20T00:00:00+09:00');
    expect(day.body.figures.downtimeSeconds).toBe(7_200);
    expect(day.body.figures.mttrSeconds).toBe(7_200);
  });

  it.skipIf(factory.skipReason)('refuses bad periods and unknown ids with a message', async () => {
    expect(await get('/api/v1/services/shop/figures?year=25')).toEqual({
      status: 400,
      body: { ok: false, error: 'year: "25" is not a four-digit year' },
    });
    expect(await get('/api/v1/services/shop/figures?year=2025&period=2025-Q1')).toEqual({
      status: 400,
      body: { ok: false, error: 'give either year= or period=, not both' },
    });
    expect((await get('/api/v1/services/shop/figures?from=2025-02-01&to=2025-01-01')).status).toBe(400);
    expect(await get('/api/v1/services/nope/figures?year=2025')).toEqual({
      status: 404,
      body: { ok: false, error: 'no service "nope"' },
    });
    expect(await get('/api/v1/monitors/nope/checks')).toEqual({
      status: 404,
      body: { ok: false, error: 'no monitor "nope"' },
    });
  });

  it.skipIf(factory.skipReason)(
    'gives each claim with its error budget; without a period, over its own current period',
    async () => {
      const year = await get('/api/v1/services/shop/claims?year=2025');
      const availability = year.body.claims.find((c: { id: string }) => c.id === 'availability');
      // Budget = (1 − 0.9995) × 31,528,800 s = 15,764.4 s; used = D = 15,000 s.
      expect(availability.budget.totalSeconds).toBeCloseTo(15_764.4, 6);
      expect(availability.budget.usedSeconds).toBe(15_000);
      expect(availability.budget.remainingRatio).toBeCloseTo(764.4 / 15_764.4, 9);
      const current = await get('/api/v1/services/batch/claims');
      // batch's availability claim is monthly: now is 2026-01-10 (UTC), so January 2026.
      expect(current.body.claims[0].period).toEqual({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
      });
    },
  );

  it.skipIf(factory.skipReason)(
    'serves the series the charts draw: months whose downtime adds up to the year’s',
    async () => {
      const { body } = await get('/api/v1/services/shop/series?period=2025');
      expect(body.unit).toBe('month');
      expect(body.buckets).toHaveLength(12);
      const downtime = body.buckets.map((b: { figures: { downtimeSeconds: number } }) => b.figures.downtimeSeconds);
      // Feb: 90 min imported; May: 40 min; Aug: 120 min; the rest none.
      expect(downtime).toEqual([0, 5_400, 0, 0, 2_400, 0, 0, 7_200, 0, 0, 0, 0]);
      expect(body.budget.points).toHaveLength(13);
      expect(body.budget.points.at(-1).remainingSeconds).toBeCloseTo(764.4, 6);
      expect(body.budget.points.at(-1).evenSpendSeconds).toBe(0);
      expect(body.incidentPace.points.at(-1)).toEqual({ at: '2025-12-31T15:00:00.000Z', cumulative: 4, pace: 8 });
    },
  );

  it.skipIf(factory.skipReason)('lists incidents and maintenance windows with their notice', async () => {
    const incidents = (await get('/api/v1/services/shop/incidents?year=2025')).body.incidents;
    expect(
      incidents.map((i: { title: string; source: string; durationSeconds: number }) => [i.source, i.durationSeconds]),
    ).toEqual([
      ['import', 5_400],
      ['probe', 2_400],
      ['probe', 7_200],
      ['manual', 21_600],
    ]);
    // web confirms on its second failing check: detected 10:10, started (backdated) 10:00.
    expect(incidents[1]).toMatchObject({
      startedAt: '2025-05-10T01:00:00.000Z',
      detectedAt: '2025-05-10T01:10:00.000Z',
      counted: true,
    });
    // Notified 19:00 after detection at 14:10 = 4 h 50 min = 17,400 s.
    expect(incidents[3].notificationDelaySeconds).toBe(17_400);
    const windows = (await get('/api/v1/services/shop/maintenance?year=2025')).body.maintenance;
    // 2025-06-20 10:00 → 2025-07-05 01:00 = 14 d 15 h = 1,263,600 s; 1 d < 3 d for the other.
    expect(
      windows.map((w: { noticeSeconds: number; requiredNoticeSeconds: number; noticeViolated: boolean }) => [
        w.noticeSeconds,
        w.requiredNoticeSeconds,
        w.noticeViolated,
      ]),
    ).toEqual([
      [1_263_600, 604_800, false],
      [86_400, 259_200, true],
    ]);
  });

  it.skipIf(factory.skipReason)('lists raw checks of a window, newest first or oldest first', async () => {
    const path = '/api/v1/monitors/web/checks?from=2025-05-10T10:00:00%2B09:00&to=2025-05-10T11:00:00%2B09:00';
    const desc = (await get(path)).body.checks;
    // 10:50 and 10:40 up, then 10:30 … 10:00 down.
    expect(desc.map((c: { status: string }) => c.status)).toEqual(['up', 'up', 'down', 'down', 'down', 'down']);
    const asc = (await get(`${path}&order=asc&limit=2`)).body.checks;
    // The newest two (10:40 up, 10:50 up), listed oldest first.
    expect(asc.map((c: { time: string }) => c.time)).toEqual(['2025-05-10T01:40:00.000Z', '2025-05-10T01:50:00.000Z']);
    expect((await get(`${path}&limit=0`)).status).toBe(400);
    expect((await get('/api/v1/monitors/web/checks?from=yesterday')).body.error).toBe(
      'from: "yesterday" is not an ISO instant with an offset',
    );
  });

  it.skipIf(factory.skipReason)('shows monitors without their secrets', async () => {
    const { body } = await get('/api/v1/services');
    expect(body.services.map((s: { id: string }) => s.id)).toEqual(['shop', 'batch']);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1:9');
    expect((await get('/api/v1/monitors/web')).body).toMatchObject({
      id: 'web',
      service: 'shop',
      confirm: 2,
      locations: [{ location: 'local' }],
    });
  });

  it.skipIf(factory.skipReason)('documents every route of the API in /api/v1/openapi.json, every method', async () => {
    const { body } = await get('/api/v1/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const routed = [
      ...new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && !r.path.startsWith('/api/v1/push'))
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`),
      ),
    ].sort();
    expect(documented).toEqual(routed);
    // Every $ref resolves.
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(body.components.schemas, ref).toHaveProperty(ref);
  });
});
