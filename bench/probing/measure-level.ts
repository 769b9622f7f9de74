// One row of the probing tables: the runtime with N monitors at one interval, then the bare
// request loops at the same rate to the same target, and the verdict.
import { log } from '../lib/log.ts';
import { fmtInt } from '../lib/stats.ts';
import type { BaselineRun, RuntimeRun } from './probing-results.ts';
import type { IntervalPlan, StoreState } from './probing-scenario.ts';
import { runBaseline, runRuntimeLevel } from './run-level.ts';

export interface LevelResult {
  monitors: number;
  store: StoreState;
  runtime: RuntimeRun & { childWallMs: number };
  http: BaselineRun;
  fetch: BaselineRun;
  /** Probes the window should hold: N × window ÷ interval. */
  expectedProbes: number;
  checks: { latenessOk: boolean; coresOk: boolean; completeOk: boolean; allUpOk: boolean };
  pass: boolean;
}

/** A run keeps up when p99 lateness < 1 s, it uses < 1 core, and ≥ 98 % of due probes ran, all up. */
export const passRule = { latenessP99Ms: 1_000, cores: 1, completeShare: 0.98 };

export async function measureLevel(
  plan: IntervalPlan,
  monitors: number,
  store: StoreState,
  origin: string,
): Promise<LevelResult> {
  const ratePerSecond = monitors / (plan.intervalMs / 1000);
  log(
    `probing: ${fmtInt(monitors)} monitors at ${plan.label} (${ratePerSecond.toFixed(1)} probes/s), ${store} store: ` +
      (store === 'restarted' ? `${(plan.intervalMs / 1000).toFixed(0)} s priming run, then ` : '') +
      `${(plan.warmupMs / 1000).toFixed(0)} s warm-up + ${(plan.windowMs / 1000).toFixed(0)} s measured`,
  );
  const runtime = await runRuntimeLevel({
    origin,
    monitors,
    intervalMs: plan.intervalMs,
    warmupMs: plan.warmupMs,
    windowMs: plan.windowMs,
    store,
  });
  // Long enough for ~1,000 requests, within 10–15 s. The two loops run side by side (each in its
  // own process, a small share of a core at these rates); CPU time is counted per process.
  const baselineWindowMs = Math.min(15_000, Math.max(10_000, (1000 / ratePerSecond) * 1000));
  const baseline = (client: 'http' | 'fetch') =>
    runBaseline({ origin, client, monitors, ratePerSecond, warmupMs: 5_000, windowMs: baselineWindowMs });
  const [http, fetch] = await Promise.all([baseline('http'), baseline('fetch')]);
  const expectedProbes = (monitors * plan.windowMs) / plan.intervalMs;
  const checks = {
    latenessOk: runtime.lateness.p99Ms !== null && runtime.lateness.p99Ms < passRule.latenessP99Ms,
    coresOk: runtime.cpu.cores < passRule.cores,
    completeOk: runtime.probes >= passRule.completeShare * expectedProbes,
    allUpOk: runtime.downProbes === 0,
  };
  const pass = Object.values(checks).every(Boolean);
  log(
    `probing: ${fmtInt(monitors)} at ${plan.label}: lateness p99 ${runtime.lateness.p99Ms} ms, ` +
      `${runtime.cpu.cores.toFixed(2)} cores, ${fmtInt(cpuUsPerProbe(runtime))} µs/probe vs ` +
      `${fmtInt(http.cpuUsPerRequest)} (node:http) / ${fmtInt(fetch.cpuUsPerRequest)} (fetch), ` +
      `RSS ${(runtime.rssPeakBytes / 1e6).toFixed(0)} MB, ` +
      `${fmtInt(runtime.probes)}/${fmtInt(expectedProbes)} probes: ${pass ? 'pass' : 'FAIL'}`,
  );
  return { monitors, store, runtime, http, fetch, expectedProbes, checks, pass };
}

export function cpuUsPerProbe(run: RuntimeRun): number {
  return (run.cpu.cpuUserUs + run.cpu.cpuSystemUs) / run.probes;
}

/**
 * Fresh store: raises N while runs pass (every repeat of a level); when the first level already
 * fails, lowers it until one passes. Then the plan's restarted-store runs.
 */
export async function searchInterval(plan: IntervalPlan, origin: string): Promise<LevelResult[]> {
  const fresh: LevelResult[] = [];
  for (const monitors of plan.levels) {
    const runs: LevelResult[] = [];
    for (let i = 0; i < (plan.repeats[monitors] ?? 1); i++)
      runs.push(await measureLevel(plan, monitors, 'fresh', origin));
    fresh.push(...runs);
    if (runs.some((r) => !r.pass)) break;
  }
  if (fresh.length === 1 && !fresh[0]!.pass) {
    for (const monitors of plan.fallback) {
      const r = await measureLevel(plan, monitors, 'fresh', origin);
      fresh.push(r);
      if (r.pass) break;
    }
  }
  const restarted: LevelResult[] = [];
  for (const monitors of plan.restarted) restarted.push(await measureLevel(plan, monitors, 'restarted', origin));
  return [...fresh.sort((a, b) => a.monitors - b.monitors), ...restarted];
}
