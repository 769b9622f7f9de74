// Builds the year's SQLite database the way live probing would have: checks generated in time
// order and fed to ingestChecks one day (all monitors) at a time, into a file in a temp folder,
// then published to bench/.cache/ under the scenario's key. Later runs reuse it unless --rebuild.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { openConfiguredStore } from '../../server/cli/context.ts';
import { fleetChecks } from '../lib/synthetic-fleet.ts';
import { cachePath, publish, readJson, writeJson } from '../lib/cache.ts';
import { writeBenchConfig } from '../lib/bench-config.ts';
import { compactSqlite } from '../lib/sqlite-file.ts';
import { median } from '../lib/stats.ts';
import { log } from '../lib/log.ts';
import { dayMs, yearNowMs, yearScenario } from './year-scenario.ts';

export interface YearBuildStats {
  key: string;
  checks: number;
  days: number;
  /** Wall time of the whole build (generation + ingest + checkpoint). */
  buildMs: number;
  /** Time inside ingestChecks only. */
  ingestMs: number;
  generateMs: number;
  /** Median ingestChecks time of a day's batch over the first and the last 30 days. */
  firstMonthDayMs: number;
  lastMonthDayMs: number;
  dbBytes: number;
  builtAt: string;
}

export interface YearDatabase {
  dbPath: string;
  configPath: string;
  stats: YearBuildStats;
  cached: boolean;
}

export async function yearDatabase(rebuild: boolean): Promise<YearDatabase> {
  const scenario = yearScenario();
  const { path: configPath, config } = await writeBenchConfig(`year-${scenario.key}.yaml`, scenario.configYaml);
  const dbPath = cachePath(`year-${scenario.key}.db`);
  const statsPath = cachePath(`year-${scenario.key}.json`);
  const saved = readJson<YearBuildStats>(statsPath);
  if (!rebuild && saved && existsSync(dbPath)) {
    log(`year: using cached database ${dbPath} (built ${saved.builtAt}; --rebuild to build again)`);
    return { dbPath, configPath, stats: saved, cached: true };
  }
  log(`year: building ${dbPath} (about 10.5 M checks through ingestChecks)`);
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-year-'));
  const tempPath = join(dir, 'year.db');
  const silent = new Writable({ write: (_c, _e, done) => done() });
  const store = await openConfiguredStore(
    config,
    { stdout: silent, stderr: silent, env: { DATABASE_URL: `file:${tempPath}` } },
    yearNowMs,
  );
  const services = config.services.map((s) => s.spec);
  const dayTimes: number[] = [];
  let checks = 0;
  let generateMs = 0;
  try {
    const batches = fleetChecks(scenario.fleet, dayMs);
    for (;;) {
      const g = performance.now();
      const next = batches.next();
      generateMs += performance.now() - g;
      if (next.done) break;
      const t = performance.now();
      await ingestChecks(store, services, next.value, yearNowMs);
      dayTimes.push(performance.now() - t);
      checks += next.value.length;
      if (dayTimes.length % 30 === 0) {
        const recent = dayTimes.slice(-30);
        log(
          `year: day ${dayTimes.length}, ${checks.toLocaleString('en-US')} checks; ` +
            `median day ${median(recent).toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await store.close();
  }
  const dbBytes = compactSqlite(tempPath, false);
  for (const stale of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(stale, { force: true });
  publish(tempPath, dbPath);
  rmSync(dir, { recursive: true, force: true });
  const ingestMs = dayTimes.reduce((a, b) => a + b, 0);
  const stats: YearBuildStats = {
    key: scenario.key,
    checks,
    days: dayTimes.length,
    buildMs: performance.now() - started,
    ingestMs,
    generateMs,
    firstMonthDayMs: median(dayTimes.slice(0, 30)),
    lastMonthDayMs: median(dayTimes.slice(-30)),
    dbBytes,
    builtAt: new Date().toISOString(),
  };
  writeJson(statsPath, stats);
  log(
    `year: built in ${(stats.buildMs / 1000).toFixed(1)} s ` +
      `(${Math.round(checks / (ingestMs / 1000)).toLocaleString('en-US')} checks/s in ingestChecks)`,
  );
  return { dbPath, configPath, stats, cached: false };
}
