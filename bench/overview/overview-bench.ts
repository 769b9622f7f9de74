// Benchmark "overview": the dashboard's overview page (`/`, 25 services a page, each with its
// year's claims) for 200 services and 1,000 monitors, over HTTP from the real app (createApp with
// the pages, as `serve` mounts them) on a SQLite store. Target: p95 < 100 ms. Cold renders (an
// empty report cache) are measured too; the warm run lasts longer than the cache's freshness, so
// background recomputations happen while it is measured.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve as listen, type ServerType } from '@hono/node-server';
import { openStore } from '../../db/open-store.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { createApp } from '../../server/app/create-app.ts';
import { createMetricsRegistry } from '../../server/metrics/metrics-registry.ts';
import { createReportCache } from '../../server/pages/report-cache.ts';
import { loadWebAssets } from '../../server/pages/web-assets.ts';
import { parseConfigText } from '../../server/config/load-config.ts';
import type { BenchArgs } from '../lib/args.ts';
import { benchDir } from '../lib/cache.ts';
import { log } from '../lib/log.ts';
import type { Section } from '../lib/results-file.ts';
import { fmtInt, fmtMs, median, passFail } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import { fleetChecks, historyDays, monitorsPerService, overviewYaml, serviceCount } from './overview-scenario.ts';

const warmRequests = 700;
const pauseMs = 40;
const targetP95Ms = 100;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runOverviewBench(_args: BenchArgs): Promise<Section> {
  const started = Date.now();
  const nowMs = Date.now();
  const dir = join(benchDir, '.scratch', 'overview');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parsed = parseConfigText(overviewYaml(nowMs), {}, 'overview.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const config = parsed.config;
  const store = await openStore(`file:${join(dir, 'overview.db')}`);
  const specs = config.services.map((s) => s.spec);

  log(`overview: ingesting ${historyDays} days of checks for ${serviceCount * monitorsPerService} monitors`);
  const fromMs = nowMs - historyDays * 86_400_000;
  let checks = 0;
  const ingestStarted = performance.now();
  for (const chunk of fleetChecks(fromMs, nowMs, 6 * 3_600_000)) {
    await ingestChecks(store, specs, chunk, nowMs);
    checks += chunk.length;
  }
  const ingestMs = performance.now() - ingestStarted;
  log(`overview: ${fmtInt(checks)} checks in ${fmtMs(ingestMs)}`);

  const assets = await loadWebAssets();
  const makeServer = async () => {
    const app = createApp({
      registry: createMetricsRegistry({ processMetrics: false }),
      pushMonitors: () => [],
      recordPush: () => false,
      health: () => ({ ok: true, detail: 'bench' }),
      // The bench measures rendering; sign-in is not what it times.
      security: null,
      pages: {
        store,
        config: () => config,
        nowMs: Date.now,
        assets,
        reports: createReportCache({ store, nowMs: Date.now }),
      },
    });
    const server = await new Promise<ServerType>((resolve) => {
      const s = listen({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const time = async (url: string) => {
    const t = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return { ms: performance.now() - t, bytes: body.length, rows: (body.match(/data-service=/g) ?? []).length };
  };
  const close = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

  // Cold: a fresh cache each time.
  const cold: { name: string; ms: number; rows: number }[] = [];
  for (const [name, path] of [
    ['page 1 (25 services)', '/'],
    ['status filter (all 200 services)', '/?status=breached'],
  ] as const) {
    const { server, url } = await makeServer();
    const r = await time(`${url}${path}`);
    cold.push({ name, ms: r.ms, rows: r.rows });
    log(`overview: cold ${name}: ${fmtMs(r.ms)}`);
    await close(server);
  }

  // Warm: one server, its cache filled by a first pass, then many requests over > 30 s (the cache's freshness).
  const { server, url } = await makeServer();
  const paths = [
    '/',
    '/?page=2',
    '/?page=3',
    '/?page=4',
    '/?page=5',
    '/?page=6',
    '/?page=7',
    '/?page=8',
    '/?lang=ja',
    '/?status=breached',
    '/?status=met',
    '/?q=svc-1',
  ];
  for (const p of paths) await time(`${url}${p}`);
  const samples: number[] = [];
  let bytes = 0;
  const warmStarted = performance.now();
  for (let i = 0; i < warmRequests; i++) {
    const r = await time(`${url}${paths[i % paths.length]}`);
    samples.push(r.ms);
    bytes = Math.max(bytes, r.bytes);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  const warmSpanMs = performance.now() - warmStarted;
  await close(server);
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const p95 = percentile(samples, 95);
  log(`overview: warm p50 ${fmtMs(median(samples))}, p95 ${fmtMs(p95)}, max ${fmtMs(Math.max(...samples))}`);
  const markdown = [
    '## 5. Dashboard overview',
    '',
    `Measured ${new Date(started).toISOString()}; this section took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    `${serviceCount} services × ${monitorsPerService} http monitors = ` +
      `${fmtInt(serviceCount * monitorsPerService)} monitors (Asia/Tokyo), 4 claims each`,
    '(availability, MTTR, incident count, latency p95), `history_from` at the start of the year, ' +
      'checks every 5 min for the',
    `${historyDays} days before the run (${fmtInt(checks)} checks ingested in ${fmtMs(ingestMs)}), ` +
      '0–3 outages per service.',
    'Each request is `GET /` (or a page, a filter, the Japanese page) over HTTP to the app that `serve` mounts, ' +
      'on SQLite;',
    'no period is given, so each claim is shown over its own current period: here the year so far.',
    '',
    markdownTable(
      ['measure', 'value', 'target', 'result'],
      [
        [
          `warm: p95 of ${warmRequests} requests over ${(warmSpanMs / 1000).toFixed(1)} s ` +
            '(cache fresh 30 s, recomputed in the background)',
          fmtMs(p95),
          `< ${targetP95Ms} ms`,
          passFail(p95 < targetP95Ms),
        ],
        ['warm: p50', fmtMs(median(samples)), '', ''],
        ['warm: p99 / max', `${fmtMs(percentile(samples, 99))} / ${fmtMs(Math.max(...samples))}`, '', ''],
        ...cold.map((c) => [`cold (empty report cache): ${c.name}`, fmtMs(c.ms), '(info)', '']),
        ['largest page', `${fmtInt(bytes)} bytes`, '', ''],
      ],
    ),
    '',
    `Requests rotate over: ${paths.map((p) => `\`${p}\``).join(', ')}.`,
  ].join('\n');
  return { name: 'overview', markdown };
}
