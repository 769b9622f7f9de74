// The parent side of one measurement: a runtime run of N monitors (runtime-child.ts, its own
// config and SQLite file in a temp dir; for a restarted store a priming process probes every
// monitor one interval first) or a bare request loop (baseline-child.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChildOk, runNode } from '../lib/child.ts';
import type { BaselineRun, RuntimeRun } from './probing-results.ts';
import { probingConfigYaml, type StoreState } from './probing-scenario.ts';

export interface RuntimeLevel {
  origin: string;
  monitors: number;
  intervalMs: number;
  warmupMs: number;
  windowMs: number;
  store: StoreState;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=DIR'] to profile the run. */
  nodeFlags?: readonly string[];
}

export async function runRuntimeLevel(level: RuntimeLevel): Promise<RuntimeRun & { childWallMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-probing-'));
  try {
    const configPath = join(dir, 'slawatch.yaml');
    writeFileSync(configPath, probingConfigYaml(level.monitors, level.intervalMs, level.origin));
    const child = (nodeFlags: readonly string[], warmupMs: number, windowMs: number) =>
      runNode([
        ...nodeFlags,
        '--import',
        'tsx',
        'bench/probing/runtime-child.ts',
        configPath,
        join(dir, 'probing.db'),
        String(warmupMs),
        String(windowMs),
      ]);
    if (level.store === 'restarted') {
      assertChildOk(`priming runtime child (${level.monitors} monitors)`, await child([], level.intervalMs, 1_000));
    }
    const r = await child(level.nodeFlags ?? [], level.warmupMs, level.windowMs);
    assertChildOk(`runtime child (${level.monitors} monitors)`, r);
    return { ...lastJsonLine<RuntimeRun>(r.stdout), childWallMs: r.wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BaselineLevel {
  origin: string;
  client: 'http' | 'fetch';
  monitors: number;
  ratePerSecond: number;
  warmupMs: number;
  windowMs: number;
}

export async function runBaseline(level: BaselineLevel): Promise<BaselineRun> {
  const r = await runNode([
    '--import',
    'tsx',
    'bench/probing/baseline-child.ts',
    level.client,
    level.origin,
    String(level.monitors),
    String(level.ratePerSecond),
    String(level.warmupMs),
    String(level.windowMs),
  ]);
  assertChildOk(`baseline child (${level.client})`, r);
  return lastJsonLine<BaselineRun>(r.stdout);
}

function lastJsonLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}
