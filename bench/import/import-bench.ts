// Benchmark 2, import throughput: `slawatch import checks FILE --config F` in a child process,
// end to end (process start to exit), into a fresh SQLite file and a fresh PostgreSQL schema; and
// a 5 M-row SQLite import for the child's peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from '../lib/args.ts';
import { writeBenchConfig } from '../lib/bench-config.ts';
import { assertChildOk, runNode, type ChildResult } from '../lib/child.ts';
import { dropBenchSchema, newBenchSchema, postgresProblem } from '../lib/postgres.ts';
import { log } from '../lib/log.ts';
import type { Section } from '../lib/results-file.ts';
import { fmtBytes, fmtInt, fmtMs, median, passFail } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import { importCsv } from './import-csv.ts';
import { importConfigYaml, importGeneratorVersion } from './import-scenario.ts';

const smallRows = 1_000_000;
const largeRows = 5_000_000;
const sqliteRuns = 3;
const postgresRuns = 3;

interface ImportRun {
  wallMs: number;
  peakRssBytes: number | null;
}

export async function runImportBench(args: BenchArgs): Promise<Section> {
  const started = Date.now();
  const { path: configPath } = await writeBenchConfig(`${importGeneratorVersion}.yaml`, importConfigYaml());
  const small = await importCsv(smallRows, args.rebuild);
  const large = await importCsv(largeRows, args.rebuild);

  const sqlite: ImportRun[] = [];
  for (let i = 0; i < sqliteRuns; i++) sqlite.push(await importIntoSqlite(small, configPath, smallRows));
  const problem = await postgresProblem();
  const pg: ImportRun[] = [];
  if (problem) log(`import: skipping PostgreSQL: ${problem}`);
  else for (let i = 0; i < postgresRuns; i++) pg.push(await importIntoPostgres(small, configPath, smallRows));
  const big = await importIntoSqlite(large, configPath, largeRows);
  return { name: 'import', markdown: renderImport(sqlite, pg, problem, big, Date.now() - started) };
}

async function importIntoSqlite(csv: string, configPath: string, rows: number): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-import-'));
  try {
    return await importOnce(csv, configPath, rows, `file:${join(dir, 'import.db')}`, 'SQLite');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importIntoPostgres(csv: string, configPath: string, rows: number): Promise<ImportRun> {
  const schema = newBenchSchema();
  try {
    return await importOnce(csv, configPath, rows, schema.url, 'PostgreSQL');
  } finally {
    await dropBenchSchema(schema);
  }
}

async function importOnce(
  csv: string,
  configPath: string,
  rows: number,
  databaseUrl: string,
  what: string,
): Promise<ImportRun> {
  log(`import: ${rows.toLocaleString('en-US')} rows into ${what}`);
  const r: ChildResult = await runNode(['bin/slawatch-dev.js', 'import', 'checks', csv, '--config', configPath], {
    env: { DATABASE_URL: databaseUrl },
    measureRss: true,
  });
  assertChildOk(`slawatch import (${what})`, r);
  if (!r.stdout.includes(`imported ${rows} checks`)) throw new Error(`unexpected import output: ${r.stdout}`);
  log(
    `import: ${what} took ${fmtMs(r.wallMs)} = ${fmtInt(rows / (r.wallMs / 1000))} rows/s, ` +
      `peak RSS ${r.peakRssBytes === null ? 'n/a' : fmtBytes(r.peakRssBytes)}`,
  );
  return { wallMs: r.wallMs, peakRssBytes: r.peakRssBytes };
}

function renderImport(
  sqlite: ImportRun[],
  pg: ImportRun[],
  pgProblem: string | null,
  big: ImportRun,
  tookMs: number,
): string {
  const rate = (rows: number, ms: number) => rows / (ms / 1000);
  const rateRuns = (rows: number, runs: ImportRun[]) => runs.map((r) => fmtInt(rate(rows, r.wallMs))).join(', ');
  const sqliteRate = rate(smallRows, median(sqlite.map((r) => r.wallMs)));
  const pgRate = pg.length > 0 ? rate(smallRows, median(pg.map((r) => r.wallMs))) : null;
  const bigRate = rate(largeRows, big.wallMs);
  const rss = big.peakRssBytes;
  const rows = [
    [
      '1 M rows → fresh SQLite file',
      `${fmtInt(sqliteRate)} rows/s (${fmtMs(median(sqlite.map((r) => r.wallMs)))})`,
      rateRuns(smallRows, sqlite),
      '≥ 100,000 rows/s',
      passFail(sqliteRate >= 100_000),
    ],
    pgRate === null
      ? ['1 M rows → fresh PostgreSQL schema', `skipped: ${pgProblem}`, '', '≥ 30,000 rows/s', 'skipped']
      : [
          '1 M rows → fresh PostgreSQL schema',
          `${fmtInt(pgRate)} rows/s (${fmtMs(median(pg.map((r) => r.wallMs)))})`,
          rateRuns(smallRows, pg),
          '≥ 30,000 rows/s',
          passFail(pgRate >= 30_000),
        ],
    ['5 M rows → fresh SQLite file: rate', `${fmtInt(bigRate)} rows/s (${fmtMs(big.wallMs)})`, '1 run', '(info)', ''],
    [
      '5 M rows → fresh SQLite file: child peak RSS',
      rss === null ? 'not measured' : fmtBytes(rss),
      '1 run',
      '≤ 300 MB',
      rss === null ? 'n/a' : passFail(rss <= 300e6),
    ],
    [
      '1 M rows → SQLite: child peak RSS',
      fmtBytes(median(sqlite.map((r) => r.peakRssBytes ?? Number.NaN))),
      '',
      '(info)',
      '',
    ],
  ];
  return [
    '## 2. Import throughput',
    '',
    `Measured ${new Date().toISOString()}; this section took ${fmtMs(tookMs)}.`,
    '`slawatch import checks FILE --config F` (bin/slawatch-dev.js: the sources through tsx) in a child process with',
    '`DATABASE_URL` set, timed from spawn to exit: node start-up, config, migrations, parsing, one',
    'transaction, refold, rollups and incidents all included. CSV: SPEC §5 columns, ISO times at',
    '+09:00, 10 monitors at 30 s (1 M rows ≈ 35 days), a few outages and lone failures. Peak RSS from',
    '`/usr/bin/time -v` (maximum resident set size of the child).',
    '',
    markdownTable(['measure', 'median', 'runs (rows/s)', 'target', 'result'], rows),
  ].join('\n');
}
