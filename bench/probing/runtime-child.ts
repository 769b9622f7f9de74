// One run of the real runtime in a fresh process: createRuntime with the real http probe, the
// SQLite store at DB_PATH (created if missing), node-cron ticks and the batched recorder, over the
// monitors of CONFIG_PATH. After WARMUP_MS and until every monitor was probed once and its check
// written, it measures WINDOW_MS, stops the runtime, closes the store (which writes SQLite's planner
// statistics) and prints one JSON line (RuntimeRun).
//   node --import tsx bench/probing/runtime-child.ts CONFIG_PATH DB_PATH WARMUP_MS WINDOW_MS
import Database from 'better-sqlite3';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../db/open-store.ts';
import { createRuntime } from '../../jobs/runtime.ts';
import { runProbe } from '../../jobs/probes/index.ts';
import { defaultLocation } from '../../sla/model.ts';
import { loadBenchConfig } from '../lib/bench-config.ts';
import { startCpuWindow } from './cpu-window.ts';
import { createLatenessLog } from './probe-lateness.ts';
import type { RuntimeRun } from './probing-results.ts';
import { startRssSampler } from './rss-sampler.ts';
import { timeTransactions } from './timed-store.ts';

const [configPath, dbPath, warmupArg, windowArg] = process.argv.slice(2) as [string, string, string, string];
const warmupMs = Number(warmupArg);
const windowMs = Number(windowArg);
const settleMs = 2_000;

const rss = startRssSampler();
const config = await loadBenchConfig(configPath);
const monitors = config.services.flatMap((s) => s.monitors);
const lateness = createLatenessLog(monitors, defaultLocation);
const timed = timeTransactions(await openStore(`file:${dbPath}`));
const warnings: string[] = [];
let probes = 0;
/** Monitors with a probe result so far (until every one has one). */
const probedOnce = new Set<string>();
let downProbes = 0;
const downSamples: string[] = [];

const runtime = createRuntime({
  store: timed.store,
  config,
  location: defaultLocation,
  runProbe: (settings, ctx) => {
    lateness.observe(settings, Date.now());
    return runProbe(settings, ctx);
  },
  clock: { nowMs: Date.now, monotonicMs: () => performance.now() },
  onProbeResult: (scheduled, result) => {
    probes++;
    if (probedOnce.size < monitors.length) probedOnce.add(scheduled.monitor.id);
    if (result.ok) return;
    downProbes++;
    if (downSamples.length < 5) downSamples.push(`${result.errorClass}: ${result.message}`);
  },
  log: (level, message) => {
    if (level !== 'info' && warnings.length < 20) warnings.push(`${level}: ${message}`);
  },
});
await runtime.start();
rss.endPhase('start-up');
await sleep(warmupMs);
// The warm-up ends once every monitor has been probed and its check written: on a fresh store a
// monitor's first check is its costly one, and stalls late in the first interval delay the last
// first probes past it. Waited for at most one more interval; the warm-up's cost is reported apart.
const drainStarted = performance.now();
const intervalMs = monitors[0]!.intervalMs;
while (probedOnce.size < monitors.length && performance.now() - drainStarted < intervalMs) await sleep(100);
const bufferedBeforeDrain = runtime.recorder.buffered;
const flushed = await Promise.race([runtime.flush().then(() => true), sleep(intervalMs).then(() => false)]);
const drained = flushed && probedOnce.size === monitors.length;
// Timers that fell due during the last write fire now, not as the window's first probes.
await sleep(settleMs);
const warmup: RuntimeRun['warmup'] = {
  lateness: lateness.summary(),
  worstTransactionMs: timed.times.maxMs,
  bufferedBeforeDrain,
  drainMs: performance.now() - drainStarted - settleMs,
  drained,
};
rss.endPhase('warm-up');

lateness.reset();
timed.times.reset();
const before = { probes, downProbes, skipped: runtime.scheduler.skippedOverlaps };
const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();
const windowStartMinute = new Date().getUTCMinutes();
const window = startCpuWindow();
await sleep(windowMs);
const cpu = window.end();
loopDelay.disable();
rss.endPhase('window');
const probesInWindow = probes - before.probes;
const result: Omit<RuntimeRun, 'checksStored' | 'rssPeakBytes' | 'rssPeakByPhase'> = {
  monitors: monitors.length,
  intervalMs: monitors[0]!.intervalMs,
  warmupMs,
  warmup,
  cpu,
  probes: probesInWindow,
  downProbes: downProbes - before.downProbes,
  downSamples,
  lateness: lateness.summary(),
  schedulerLateness: {
    count: runtime.scheduler.lateness.count,
    p50Ms: runtime.scheduler.lateness.percentile(50),
    p99Ms: runtime.scheduler.lateness.percentile(99),
  },
  skippedOverlaps: runtime.scheduler.skippedOverlaps - before.skipped,
  eventLoopDelay: { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6 },
  transactions: { count: timed.times.count, totalMs: timed.times.totalMs, maxMs: timed.times.maxMs },
  bufferedAtEnd: runtime.recorder.buffered,
  probesWholeRun: 0,
  rssAtEndBytes: process.memoryUsage().rss,
  heapUsedAtEndBytes: process.memoryUsage().heapUsed,
  windowStartMinute,
  warnings,
};
await runtime.stop(5_000);
await timed.store.close();
rss.endPhase('stop');
const rssPeakBytes = rss.peakBytes;
rss.stop();
const db = new Database(dbPath, { readonly: true });
const checksStored = (db.prepare('SELECT count(*) AS n FROM checks').get() as { n: number }).n;
db.close();
const run: RuntimeRun = { ...result, probesWholeRun: probes, checksStored, rssPeakBytes, rssPeakByPhase: rss.phases };
process.stdout.write(`${JSON.stringify(run)}\n`);
