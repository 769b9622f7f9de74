// Benchmark "startup": how long `slawatch serve` takes from spawn to a healthy /healthz and how
// much memory it holds, idle and at 10,000 http monitors at 60 s, for the built program against
// the TypeScript sources through tsx, measured in the same run (bench/startup/startup-scenario.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from '../lib/args.ts';
import { assertChildOk, runNode } from '../lib/child.ts';
import { log } from '../lib/log.ts';
import type { Section } from '../lib/results-file.ts';
import { fmtBytes, fmtMs } from '../lib/stats.ts';
import { probingConfigYaml } from '../probing/probing-scenario.ts';
import { startTarget } from '../probing/target-process.ts';
import { renderStartup, type LevelResult, type StartupRun } from './render-startup.ts';
import { startServeChild } from './serve-child.ts';
import { launchers, startupIntervalMs, startupLevels, type Launcher, type StartupLevel } from './startup-scenario.ts';

export async function runStartupBench(_args: BenchArgs): Promise<Section> {
  const started = Date.now();
  log('startup: building dist/ when a source is newer than it');
  assertChildOk('bin/build.ts --if-stale', await runNode(['--import', 'tsx', 'bin/build.ts', '--if-stale']));
  const target = await startTarget();
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-startup-'));
  try {
    const results: LevelResult[] = [];
    for (const level of startupLevels) results.push(await measureLevel(level, target.origin, dir));
    return { name: 'startup', markdown: renderStartup(results, Date.now() - started) };
  } finally {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureLevel(level: StartupLevel, origin: string, dir: string): Promise<LevelResult> {
  const configPath = join(dir, `startup-${level.monitors}.yaml`);
  writeFileSync(configPath, probingConfigYaml(level.monitors, startupIntervalMs, origin));
  const runs: Record<Launcher, StartupRun[]> = { built: [], tsx: [] };
  for (let i = 0; i < level.runs; i++) {
    // Which launcher goes first alternates, evening out a shared machine growing busier or quieter.
    const order: Launcher[] = i % 2 === 0 ? ['built', 'tsx'] : ['tsx', 'built'];
    for (const launcher of order) {
      const databaseUrl = `file:${join(dir, `${launcher}-${level.monitors}-${i}.db`)}`;
      const child = await startServeChild(launchers[launcher], configPath, databaseUrl);
      await new Promise((resolve) => setTimeout(resolve, level.settleMs));
      const memory = child.memory();
      await child.stop();
      runs[launcher].push({ startupMs: child.startupMs, memory });
      log(
        `startup: ${level.label}, ${launcher} run ${i + 1}: healthy after ${fmtMs(child.startupMs)}, ` +
          `RSS ${fmtBytes(memory.rssBytes)} (with children ${fmtBytes(memory.treeRssBytes)})`,
      );
    }
  }
  return { level, runs };
}
