// Benchmark 3, storage: bytes per raw check and bytes per monitor-year of what stays after the
// raw checks are pruned, for 1,000 monitors at 60 s over one day (1.44 M checks), in SQLite and
// PostgreSQL, against Uptime Kuma's "1.3 GB per 3 months for 250 monitors".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/open-store.ts';
import type { BenchArgs } from '../lib/args.ts';
import { writeBenchConfig } from '../lib/bench-config.ts';
import { compactSqlite, sqliteTableBytes } from '../lib/sqlite-file.ts';
import { compactedTableBytes, dropBenchSchema, newBenchSchema, postgresProblem } from '../lib/postgres.ts';
import { log } from '../lib/log.ts';
import type { Section } from '../lib/results-file.ts';
import { fmtMs, timed } from '../lib/stats.ts';
import { ingestStorageDay } from './ingest-day.ts';
import { storageConfigYaml, storageNowMs } from './storage-scenario.ts';
import { renderStorage, type StorageMeasure } from './render-storage.ts';

export async function runStorageBench(_args: BenchArgs): Promise<Section> {
  const started = Date.now();
  const { config } = await writeBenchConfig('storage-v2.yaml', storageConfigYaml());
  const services = config.services.map((s) => s.spec);
  const sqlite = await measureSqlite(services);
  const problem = await postgresProblem();
  if (problem) log(`storage: skipping PostgreSQL: ${problem}`);
  const pg = problem ? null : await measurePostgres(services);
  return { name: 'storage', markdown: renderStorage(sqlite, pg, problem, Date.now() - started) };
}

type Services = Parameters<typeof ingestStorageDay>[1];

async function measureSqlite(services: Services): Promise<StorageMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-storage-'));
  const path = join(dir, 'storage.db');
  const url = `file:${path}`;
  try {
    await (await openStore(url)).close();
    compactSqlite(path, true);
    const empty = sqliteTableBytes(path);
    log('storage: SQLite, ingesting 1,000 monitors × 1 day at 60 s, one hour per ingestChecks call');
    let store = await openStore(url);
    const ingest = await ingestStorageDay(store, services);
    await store.close();
    log(`storage: SQLite ingest took ${fmtMs(ingest.ingestMs)}`);
    const fileWithChecks = compactSqlite(path, true);
    const withChecks = sqliteTableBytes(path);
    store = await openStore(url);
    const prune = await timed(() => store.pruneChecks(storageNowMs));
    await store.close();
    const filePruned = compactSqlite(path, true);
    const afterPrune = sqliteTableBytes(path);
    return {
      ...ingest,
      pruned: prune.value,
      pruneMs: prune.ms,
      empty,
      withChecks,
      afterPrune,
      fileWithChecks,
      filePruned,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePostgres(services: Services): Promise<StorageMeasure> {
  const schema = newBenchSchema();
  try {
    await (await openStore(schema.url)).close();
    const empty = await compactedTableBytes(schema, false); // fresh tables are minimal already
    log('storage: PostgreSQL, ingesting 1,000 monitors × 1 day at 60 s, one hour per ingestChecks call');
    let store = await openStore(schema.url);
    const ingest = await ingestStorageDay(store, services);
    await store.close();
    log(`storage: PostgreSQL ingest took ${fmtMs(ingest.ingestMs)}`);
    const withChecks = await compactedTableBytes(schema);
    store = await openStore(schema.url);
    const prune = await timed(() => store.pruneChecks(storageNowMs));
    await store.close();
    const afterPrune = await compactedTableBytes(schema);
    return {
      ...ingest,
      pruned: prune.value,
      pruneMs: prune.ms,
      empty,
      withChecks,
      afterPrune,
      fileWithChecks: null,
      filePruned: null,
    };
  } finally {
    await dropBenchSchema(schema);
  }
}
