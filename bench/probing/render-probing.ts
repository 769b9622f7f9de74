// The live-probing section of RESULTS.md: per interval, one row per run, the largest N that keeps
// up, the issue's goal (10,000 monitors at 60 s), and what the write path, event loop and memory did.
import { fmtBytes, fmtInt, fmtMs, median, passFail } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import { cpuUsPerProbe, passRule, type LevelResult } from './measure-level.ts';
import {
  goal,
  intervalPlans,
  monitorsPerService,
  probeTimeout,
  type IntervalPlan,
  type StoreState,
} from './probing-scenario.ts';

export interface IntervalSeries {
  plan: IntervalPlan;
  results: LevelResult[];
}

const ms = (v: number | null) => (v === null ? 'n/a' : fmtMs(v));
const ratio = (run: LevelResult, bare: number) => `${(cpuUsPerProbe(run.runtime) / bare).toFixed(1)}×`;
const storeLabel: Record<StoreState, string> = { fresh: 'fresh (first start)', restarted: 'restarted' };

export function renderProbing(series: readonly IntervalSeries[], tookMs: number): string {
  const parts = [
    '## 4. Live probing',
    '',
    `Measured ${new Date().toISOString()}; this section took ${(tookMs / 1000).toFixed(1)} s.`,
    'The real runtime (`createRuntime` with `runProbe`, node-cron ticks, the batched recorder writing',
    'through `ingestChecks` into SQLite) in a new process per run, with N http monitors (services of',
    `${monitorsPerService}, each with an availability and a latency claim; confirm 1, timeout ${probeTimeout}) ` +
      'all probing one local',
    'keep-alive target (a separate node process answering 200 "ok") at distinct URLs `/m/<i>`. Each run',
    'warms up one interval and on until every monitor was probed once and its check written (a',
    "monitor's first check is its costly one; the warm-up's own lateness and worst write are in the",
    'last table), then measures',
    `${intervalPlans.map((p) => `${(p.windowMs / 1000).toFixed(0)} s at ${p.label}`).join(' and ')}. ` +
      'Store: _fresh_ is a new SQLite file (a first start, as',
    'shipped); _restarted_ is the file a first process left after probing every monitor for one',
    'interval and stopping (closing the store runs `PRAGMA optimize`, so SQLite then has planner',
    'statistics). Lateness: every probe started in the window (start − due time on its grid, as the',
    'scheduler measures it; the scheduler itself keeps only its last 4096). Cores = CPU time',
    '(`process.cpuUsage`, user + system, every thread) ÷ wall time of the window; CPU µs per probe =',
    'window CPU ÷ probes finished in it (so it carries all the process did: scheduling, probing,',
    'recording, claim evaluation). RSS peak: sampled every 250 ms over the whole run. Bare loops, timed',
    'right after each run, side by side in their own processes: the same number of GETs at the same',
    'rate to the same target, evenly spaced, body read, nothing else — node:http with a keep-alive',
    'agent (the transport the probe uses) and `fetch` (undici).',
    `A run passes when p99 lateness < ${fmtMs(passRule.latenessP99Ms)}, cores < ${passRule.cores}, ` +
      `at least ${passRule.completeShare * 100} % of the probes due`,
    'in the window finished, and none was down. On the fresh store N is raised while runs pass.',
    '',
  ];
  for (const s of series) {
    parts.push(`### Every ${s.plan.label}`, '', renderTable(s), '', largestLine(s, 'fresh'), '');
  }
  parts.push('### Goal: 10,000 monitors at 60 s on this machine', '', renderGoal(series), '');
  parts.push('### What each run spent', '', renderDiagnostics(series), '');
  const notes = series.flatMap((s) =>
    s.results.flatMap((r) => [...r.runtime.warnings, ...r.runtime.downSamples].map((w) => `${runLabel(s, r)}: ${w}`)),
  );
  if (notes.length > 0)
    parts.push('Runtime warnings and down probes (first few):', '', ...notes.slice(0, 12).map((w) => `- ${w}`), '');
  return parts.join('\n').trimEnd();
}

const runLabel = (s: IntervalSeries, r: LevelResult) => `${fmtInt(r.monitors)} at ${s.plan.label}, ${r.store}`;

function renderTable(s: IntervalSeries): string {
  const rows = s.results.map((r) => {
    const rt = r.runtime;
    return [
      fmtInt(r.monitors),
      storeLabel[r.store],
      (rt.probes / (rt.cpu.wallMs / 1000)).toFixed(1),
      `${ms(rt.lateness.p50Ms)} / ${ms(rt.lateness.p99Ms)} / ${ms(rt.lateness.maxMs)}`,
      rt.cpu.cores.toFixed(2),
      fmtInt(cpuUsPerProbe(rt)),
      `${fmtInt(r.http.cpuUsPerRequest)} (${ratio(r, r.http.cpuUsPerRequest)})`,
      `${fmtInt(r.fetch.cpuUsPerRequest)} (${ratio(r, r.fetch.cpuUsPerRequest)})`,
      fmtBytes(rt.rssPeakBytes),
      `${fmtInt(rt.probes)} / ${fmtInt(r.expectedProbes)}, ${fmtInt(rt.downProbes)} down`,
      passFail(r.pass),
    ];
  });
  return markdownTable(
    [
      'N',
      'store',
      'probes/s',
      'lateness p50 / p99 / max',
      'cores',
      'CPU µs/probe',
      'bare node:http µs/req (probe ÷ bare)',
      'bare fetch µs/req (probe ÷ bare)',
      'RSS peak',
      'probes done / due, down',
      'result',
    ],
    rows,
  );
}

function largestLine(s: IntervalSeries, store: StoreState): string {
  const runs = s.results.filter((r) => r.store === store);
  const passing = runs.filter((r) => r.pass).map((r) => r.monitors);
  const largest = passing.length > 0 ? Math.max(...passing) : null;
  const above = runs.filter((r) => !r.pass && (largest === null || r.monitors > largest)).map((r) => r.monitors);
  if (largest === null)
    return (
      `**Largest passing N at ${s.plan.label} (${storeLabel[store]}): ` +
      `none of ${runs.map((r) => fmtInt(r.monitors)).join(', ')}.**`
    );
  const bound = above.length > 0 ? `; ${fmtInt(Math.min(...above))} failed` : '; no larger N was tried';
  return `**Largest passing N at ${s.plan.label} (${storeLabel[store]}): ${fmtInt(largest)}**${bound}.`;
}

function renderGoal(series: readonly IntervalSeries[]): string {
  const runs =
    series.find((s) => s.plan.intervalMs === goal.intervalMs)?.results.filter((r) => r.monitors === goal.monitors) ??
    [];
  if (runs.length === 0)
    return `Not measured: no run had ${fmtInt(goal.monitors)} monitors at ${goal.intervalMs / 1000} s.`;
  const cell = (_r: LevelResult, value: string, ok: boolean) => `${value} ${passFail(ok)}`;
  const measures: [string, string, (r: LevelResult) => string][] = [
    [
      'p99 scheduling lateness',
      `< ${fmtMs(goal.latenessP99Ms)}`,
      (r) => cell(r, ms(r.runtime.lateness.p99Ms), r.checks.latenessOk),
    ],
    ['cores used', `< ${goal.cores}`, (r) => cell(r, r.runtime.cpu.cores.toFixed(2), r.checks.coresOk)],
    [
      'probes done / due in the window, down',
      `≥ ${passRule.completeShare * 100} %, 0 down`,
      (r) =>
        cell(
          r,
          `${fmtInt(r.runtime.probes)} / ${fmtInt(r.expectedProbes)}, ${fmtInt(r.runtime.downProbes)} down`,
          r.checks.completeOk && r.checks.allUpOk,
        ),
    ],
    [
      'RSS peak',
      `≤ ${fmtBytes(goal.rssBytes)}`,
      (r) => cell(r, fmtBytes(r.runtime.rssPeakBytes), r.runtime.rssPeakBytes <= goal.rssBytes),
    ],
    [
      'CPU µs per probe ÷ bare node:http loop',
      `≤ ${goal.cpuRatio}×`,
      (r) =>
        cell(
          r,
          `${fmtInt(cpuUsPerProbe(r.runtime))} ÷ ${fmtInt(r.http.cpuUsPerRequest)} = ` +
            ratio(r, r.http.cpuUsPerRequest),
          cpuUsPerProbe(r.runtime) <= goal.cpuRatio * r.http.cpuUsPerRequest,
        ),
    ],
    [
      'CPU µs per probe ÷ bare fetch loop',
      `≤ ${goal.cpuRatio}×`,
      (r) =>
        cell(
          r,
          `${fmtInt(cpuUsPerProbe(r.runtime))} ÷ ${fmtInt(r.fetch.cpuUsPerRequest)} = ` +
            ratio(r, r.fetch.cpuUsPerRequest),
          cpuUsPerProbe(r.runtime) <= goal.cpuRatio * r.fetch.cpuUsPerRequest,
        ),
    ],
  ];
  const runNumber = (r: LevelResult) => runs.filter((x) => x.store === r.store).indexOf(r) + 1;
  const table = markdownTable(
    ['measure', 'target', ...runs.map((r) => `${storeLabel[r.store]} store, run ${runNumber(r)}`)],
    measures.map(([name, target, f]) => [name, target, ...runs.map(f)]),
  );
  const medians = goalMedians(runs.filter((r) => r.store === 'fresh'));
  return `${table}\n\n${medians}\n\nUptime Kuma 2.x users report 15–45 s UI actions at 700–900 monitors.`;
}

function goalMedians(runs: readonly LevelResult[]): string {
  if (runs.length < 2) return '';
  const cpu = runs.map((r) => cpuUsPerProbe(r.runtime));
  return (
    `Medians of the ${runs.length} fresh-store runs: ` +
    `lateness p99 ${ms(median(runs.map((r) => r.runtime.lateness.p99Ms ?? Number.NaN)))}, ` +
    `${median(runs.map((r) => r.runtime.cpu.cores)).toFixed(2)} cores, ` +
    `RSS peak ${fmtBytes(median(runs.map((r) => r.runtime.rssPeakBytes)))}, ` +
    `${fmtInt(median(cpu))} CPU µs per probe; probe ÷ bare node:http loop (each ratio taken within its run) ` +
    `${median(runs.map((r) => cpuUsPerProbe(r.runtime) / r.http.cpuUsPerRequest)).toFixed(1)}×, ÷ bare fetch ` +
    `${median(runs.map((r) => cpuUsPerProbe(r.runtime) / r.fetch.cpuUsPerRequest)).toFixed(1)}×.`
  );
}

function renderDiagnostics(series: readonly IntervalSeries[]): string {
  const rows = series.flatMap((s) =>
    s.results.map((r) => {
      const rt = r.runtime;
      const tx = rt.transactions;
      const phase = (name: string) => fmtBytes(rt.rssPeakByPhase[name] ?? Number.NaN);
      return [
        runLabel(s, r),
        `${ms(rt.warmup.lateness.p99Ms)} / ${ms(rt.warmup.lateness.maxMs)}, ` +
          `worst ${fmtMs(rt.warmup.worstTransactionMs)}; ${fmtInt(rt.warmup.bufferedBeforeDrain)} checks buffered, ` +
          `warm-up ran ${fmtMs(rt.warmup.drainMs)} past the interval${rt.warmup.drained ? '' : ' (gave up)'}`,
        `${fmtInt(tx.count)}: ${fmtMs(tx.totalMs)} ` +
          `(${((100 * tx.totalMs) / rt.cpu.wallMs).toFixed(0)} % of the window), worst ${fmtMs(tx.maxMs)}`,
        `${fmtMs(rt.eventLoopDelay.p99Ms)} / ${fmtMs(rt.eventLoopDelay.maxMs)}`,
        `${(rt.cpu.eventLoopUtilization * 100).toFixed(0)} %`,
        `${ms(rt.schedulerLateness.p99Ms)} (${fmtInt(rt.schedulerLateness.count)})`,
        `${fmtInt(rt.skippedOverlaps)} / ${fmtInt(rt.bufferedAtEnd)}`,
        `${fmtInt(rt.checksStored)} / ${fmtInt(rt.probesWholeRun)}`,
        `:${String(rt.windowStartMinute).padStart(2, '0')}`,
        `${phase('start-up')} / ${phase('warm-up')} / ${phase('window')} / ${phase('stop')}`,
        fmtBytes(rt.heapUsedAtEndBytes),
      ];
    }),
  );
  return markdownTable(
    [
      'run',
      'warm-up: lateness p99 / max, worst store transaction; until every monitor was probed and written',
      'store transactions in the window (recorder batches, liveness): count, time, worst',
      'event-loop delay p99 / max',
      'event loop busy',
      "scheduler's own p99 lateness (its last N probes)",
      'skipped overlaps / checks buffered at the end',
      'checks stored / probes (whole run)',
      'window began at minute',
      'RSS peak: start-up / warm-up / window / stop',
      'heap used at the end',
    ],
    rows,
  );
}
