// The dashboard pages through app.request(): languages, periods, errors, live refreshes, assets,
// and pages whose numbers come from the seeded fixture (hand arithmetic in the fixture's header).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { dashboardConfig, seedDashboard } from './dashboard-fixture.ts';
import { pageApp, pageNowMs } from './page-app.ts';

function chartSpecs(
  html: string,
): Map<string, { source: string; datasets: { label: string; data: (number | null)[] }[] }> {
  const specs = new Map();
  for (const m of html.matchAll(/<script type="application\/json" data-chart-spec="true">(.*?)<\/script>/g)) {
    const spec = JSON.parse(m[1]!);
    specs.set(spec.id, spec);
  }
  return specs;
}

describe.each(testStores.map((f) => [f.title, f] as const))('pages on %s', (_title, factory) => {
  let db: TestStore;
  let app: Hono;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };

  beforeAll(async () => {
    if (factory.skipReason) return;
    db = await openTestStore(factory);
    const config = dashboardConfig();
    await seedDashboard(db.store, config, pageNowMs);
    ({ app } = await pageApp(db.store, config));
  }, 120_000);
  afterAll(() => db?.cleanup());

  it.skipIf(factory.skipReason)(
    'overview: every service with each claim, its bound and status, in the language asked for',
    async () => {
      const en = await page('/?period=2025&lang=en', { 'accept-language': 'ja' });
      expect(en.status).toBe(200);
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toMatch(/data-service="shop"/);
      expect(en.html).toMatch(/data-service="batch"/);
      // MTTR 9,150 s = 2 h 32 min against 42 min: breached.
      expect(en.html).toMatch(
        new RegExp(
          'MTTR: <strong>2 h 32 min</strong> <span class="muted">\\(≤ 42 min\\)</span> ' +
            '<span class="status status-breached">breached</span>',
        ),
      );
      const ja = await page('/?period=2025', { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' });
      expect(ja.html).toContain('<html lang="ja">');
      expect(ja.html).toContain('平均復旧時間: <strong>2時間32分</strong>');
      // Availability 1 − 15,000 ÷ (31,528,800 − 21,000) = 0.999523927…: 99.952 %
      // (claim 99.95 %, 2 + 1 decimals, truncated).
      expect(ja.html).toContain('稼働率: <strong>99.952%</strong>');
    },
  );

  it.skipIf(factory.skipReason)('overview: search, status filter and pages of 25', async () => {
    expect((await page('/?period=2025&q=bat')).html).not.toMatch(/data-service="shop"/);
    const breached = await page('/?period=2025&status=breached');
    expect(breached.html).toMatch(/data-service="shop"/);
    expect(breached.html).not.toMatch(/data-service="batch"/);
    const serviceLine = (i: number) =>
      `  - { id: s${String(i).padStart(2, '0')}, monitors: [{ id: m${i}, type: tcp, host: 127.0.0.1, port: 9 }] }`;
    const many = parseConfigText(
      `services:\n${Array.from({ length: 30 }, (_, i) => serviceLine(i)).join('\n')}\n`,
      {},
      'many.yaml',
    );
    if (!many.ok) throw new Error(JSON.stringify(many.errors));
    // An incident of s00 open since last year: open now, whatever the period shown.
    await db.store.insertIncidents([
      {
        serviceId: 's00',
        startedAtMs: Date.parse('2025-12-31T00:00:00Z'),
        detectedAtMs: null,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'manual',
        title: 'Open',
      },
    ]);
    const { app: manyApp } = await pageApp(db.store, many.config);
    const first = await (await manyApp.request('/?lang=en')).text();
    expect(first).toMatch(/data-service="s00"[^]*?<td class="num">1<\/td><\/tr>/);
    expect(first).toMatch(/data-service="s01"[^]*?<td class="num">0<\/td><\/tr>/);
    const second = await (await manyApp.request('/?page=2&lang=en')).text();
    expect([...second.matchAll(/data-service="(s\d+)"/g)].map((m) => m[1])).toEqual([
      's25',
      's26',
      's27',
      's28',
      's29',
    ]);
    expect(second).toContain('Services 26–30 of 30');
    expect(second).toContain('rel="prev"');
  });

  it.skipIf(factory.skipReason)(
    'service page: claim reasons with their arithmetic, contradictions, records',
    async () => {
      const { status, html } = await page('/services/shop?period=2025&lang=en');
      expect(status).toBe(200);
      // Budget (1 − 0.9995) × 31,528,800 s = 15,764.4 s = 4 h 22 min; D = 15,000 s = 4 h 10 min;
      // 764.4 ÷ 15,764.4 = 4.8 % left (truncated: 4 %).
      expect(html).toContain('D = 4 h 10 min of 4 h 22 min budget, 4% left');
      // 8 incidents × 42 min = 336 min > 0.05 % of 365 days = 262.8 min.
      expect(html).toContain('8 incidents × 42 min MTTR = 336 min of downtime, but 99.95% of a year allows 262.8 min');
      expect(html).toContain('role="alert"');
      expect(html).toContain('Database failover');
      expect(html).toContain('Unknown stretches: 1, 5 h 50 min in all');
      expect(html).toContain('2025-09-15 00:10');
      expect(html).toMatch(/Certificate rotation.*?too late/s);
    },
  );

  it.skipIf(factory.skipReason)('service page: every chart carries the series API’s figures', async () => {
    const { html } = await page('/services/shop?period=2025-05&lang=en');
    const specs = chartSpecs(html);
    expect([...specs.keys()]).toEqual([
      'chart-budget',
      'chart-availability',
      'chart-mttr',
      'chart-incidents',
      'chart-latency',
      'chart-coverage',
    ]);
    const series = (await (await app.request(specs.get('chart-availability')!.source)).json()) as any;
    expect(series.unit).toBe('day');
    // May 10 (the 10th bucket): 40 min down of 1,440 → 1 − 40/1440 = 97.2222…%, truncated to 3 decimals: 97.222.
    expect(specs.get('chart-availability')!.datasets[0]!.data[9]).toBe(97.222);
    expect(series.buckets[9].figures.downtimeSeconds).toBe(2_400);
    // The claim line at 99.95 % on every day.
    expect(new Set(specs.get('chart-availability')!.datasets[1]!.data)).toEqual(new Set([99.95]));
    // Burn-down: budget of May = 0.0005 × 31 days = 1,339.2 s = 22.32 min; after May 10: 22.32 − 40 = −17.68 min.
    const budget = specs.get('chart-budget')!.datasets[0]!.data;
    expect(budget[0]).toBeCloseTo(22.32, 9);
    expect(budget[10]).toBeCloseTo(-17.68, 9);
  });

  it.skipIf(factory.skipReason)('monitor page: location state, blips and recent checks of the window', async () => {
    const { status, html } = await page('/monitors/web?from=2025-06-01&to=2025-06-02&lang=en');
    expect(status).toBe(200);
    // The lone failure at 12:00 JST recovered at 12:10: a blip of one check (confirm 2).
    expect(html).toMatch(
      /<th scope="row">local<\/th><td>2025-06-01 12:00:00<\/td><td>2025-06-01 12:10:00<\/td><td class="num">1<\/td>/,
    );
    expect(html).toContain('Recent checks (newest 50)');
    // The last check was 2025-12-31 23:50 JST, long before now: unknown.
    expect(html).toContain('data-state="unknown"');
  });

  it.skipIf(factory.skipReason)(
    'with no period, each claim is shown over its own current period (as /metrics sees it)',
    async () => {
      const { html } = await page('/services/batch?lang=en');
      expect(html).toContain('<option value="" selected="">Now: each claim over its own period</option>');
      expect(html).toContain('Claims: each over its own current period. Figures, charts and records: 2026');
      // batch's availability claim is monthly (UTC) and now is 2026-01-10: January 2026.
      expect(html).toMatch(/<tr data-claim="availability"[^]*?<td>2026-01-01 00:00 – 2026-02-01 00:00<\/td>/);
      const overview = await page('/?lang=en');
      expect(overview.html).toMatch(/data-service="batch"/);
    },
  );

  it.skipIf(factory.skipReason)('bad periods and unknown ids answer an error page', async () => {
    const bad = await page('/services/shop?period=2025-13&lang=en');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('period: invalid period &quot;2025-13&quot;');
    expect((await page('/services/nope')).status).toBe(404);
    expect((await page('/monitors/nope?lang=ja')).html).toContain('見つかりません');
  });

  it.skipIf(factory.skipReason)('live refresh: only the main content, and 304 while nothing changed', async () => {
    const first = await page('/services/batch?period=2025-12&lang=en', { 'x-slawatch-live': '1' });
    expect(first.status).toBe(200);
    expect(first.html).not.toContain('<html');
    expect(first.html).toContain('<h1>Batch</h1>');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/services/batch?period=2025-12&lang=en', {
      headers: { 'x-slawatch-live': '1', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it.skipIf(factory.skipReason)('serves the bundled script and style with long caching', async () => {
    const { html } = await page('/?lang=en');
    const script = /<script type="module" src="(\/assets\/app-[0-9a-f]{12}\.js)"/.exec(html)![1]!;
    const style = /<link rel="stylesheet" href="(\/assets\/app-[0-9a-f]{12}\.css)"/.exec(html)![1]!;
    const js = await app.request(script);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toContain('data-chart');
    expect((await app.request(style)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await app.request('/assets/app-000000000000.js')).status).toBe(404);
  });
});
