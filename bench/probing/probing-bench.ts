// Benchmark 4, live probing: the largest number of http monitors the real runtime keeps on
// schedule (p99 lateness < 1 s) within one core, at 60 s and at 10 s, its CPU per probe against a
// bare request loop, and its RSS; the goal is 10,000 monitors at 60 s on this 2-core machine in
// ≤ 400 MB. The target is a separate process, so its CPU is not counted.
import type { BenchArgs } from '../lib/args.ts';
import type { Section } from '../lib/results-file.ts';
import { searchInterval } from './measure-level.ts';
import { intervalPlans } from './probing-scenario.ts';
import { renderProbing, type IntervalSeries } from './render-probing.ts';
import { startTarget } from './target-process.ts';

export async function runProbingBench(_args: BenchArgs): Promise<Section> {
  const started = Date.now();
  const target = await startTarget();
  try {
    const series: IntervalSeries[] = [];
    for (const plan of intervalPlans) series.push({ plan, results: await searchInterval(plan, target.origin) });
    return { name: 'probing', markdown: renderProbing(series, Date.now() - started) };
  } finally {
    await target.stop();
  }
}
