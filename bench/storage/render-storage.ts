// The storage section of RESULTS.md: bytes per raw check, bytes per monitor-year after pruning,
// per table, and the comparison with Uptime Kuma.
import { fmtBytes, fmtInt, fmtMs, passFail } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import { storageMonitorCount } from './storage-scenario.ts';

export interface StorageMeasure {
  checks: number;
  ingestMs: number;
  pruned: number;
  pruneMs: number;
  /** Bytes per table (with its indexes): empty database, after the day's ingest, after pruning. */
  empty: Map<string, number>;
  withChecks: Map<string, number>;
  afterPrune: Map<string, number>;
  /** SQLite only: file size after checkpoint + VACUUM. */
  fileWithChecks: number | null;
  filePruned: number | null;
}

/** "1.3 GB per 3 months for 250 monitors", per monitor-year. */
const uptimeKumaPerMonitorYear = (1.3e9 * 4) / 250;
const checksPerMonitorYear = 365 * 1440;
/** slawatch's default `retention.checks` (server/config/schema.ts). */
const defaultRetentionDays = 35;
const notDerived = new Set(['checks', '__drizzle_migrations', 'sqlite_schema', 'sqlite_sequence', 'meta']);

export function derivedBytes(m: StorageMeasure): number {
  let sum = 0;
  for (const [table, bytes] of m.afterPrune) if (!notDerived.has(table)) sum += bytes - (m.empty.get(table) ?? 0);
  return sum;
}

export function rawCheckBytes(m: StorageMeasure): number {
  return ((m.withChecks.get('checks') ?? 0) - (m.afterPrune.get('checks') ?? 0)) / m.checks;
}

export function renderStorage(
  sqlite: StorageMeasure,
  pg: StorageMeasure | null,
  pgProblem: string | null,
  tookMs: number,
): string {
  const both = pg ? [sqlite, pg] : [sqlite];
  const perYear = (m: StorageMeasure) => (derivedBytes(m) / storageMonitorCount) * 365;
  const col = (f: (m: StorageMeasure) => string) => [f(sqlite), pg ? f(pg) : `skipped`];
  const rows = [
    ['bytes per raw check (checks table with its key, compacted)', ...col((m) => rawCheckBytes(m).toFixed(1))],
    [
      'raw checks of one monitor-year at 60 s (525,600 checks)',
      ...col((m) => fmtBytes(rawCheckBytes(m) * checksPerMonitorYear)),
    ],
    [
      'derived rows per monitor-day after pruning (rollups, daily rollups, segments, states, names, incidents)',
      ...col((m) => fmtBytes(derivedBytes(m) / storageMonitorCount)),
    ],
    ['**per monitor-year after pruning** (× 365)', ...col((m) => `**${fmtBytes(perYear(m))}**`)],
    [
      `steady state per monitor: ${defaultRetentionDays} d of raw checks (default retention) + a year of derived rows`,
      ...col((m) => fmtBytes(rawCheckBytes(m) * 1440 * defaultRetentionDays + perYear(m))),
    ],
    [
      'Uptime Kuma per monitor-year (1.3 GB × 4 ÷ 250)',
      fmtBytes(uptimeKumaPerMonitorYear),
      fmtBytes(uptimeKumaPerMonitorYear),
    ],
    [
      'Uptime Kuma ÷ slawatch raw checks',
      ...col((m) => `${(uptimeKumaPerMonitorYear / (rawCheckBytes(m) * checksPerMonitorYear)).toFixed(1)}×`),
    ],
    ['Uptime Kuma ÷ slawatch after pruning', ...col((m) => `${(uptimeKumaPerMonitorYear / perYear(m)).toFixed(0)}×`)],
    [
      'ingest of the day (ingestChecks, one hour of 1,000 monitors per call)',
      ...col((m) => `${fmtMs(m.ingestMs)} = ${fmtInt(m.checks / (m.ingestMs / 1000))} checks/s`),
    ],
    [
      'raw checks pruned / ingested (pruneChecks time)',
      ...col(
        (m) => `${fmtInt(m.pruned)} / ${fmtInt(m.checks)} ${passFail(m.pruned === m.checks)} (${fmtMs(m.pruneMs)})`,
      ),
    ],
  ];
  const grew = (m: StorageMeasure, t: string) =>
    (m.withChecks.get(t) ?? 0) !== (m.empty.get(t) ?? 0) || (m.afterPrune.get(t) ?? 0) !== (m.empty.get(t) ?? 0);
  const tables = [...new Set(both.flatMap((m) => [...m.withChecks.keys()]))]
    .filter((t) => both.some((m) => grew(m, t)))
    .sort();
  const tableRows = tables.map((t) => [
    t,
    ...both.flatMap((m) => [
      fmtBytes((m.withChecks.get(t) ?? 0) - (m.empty.get(t) ?? 0)),
      fmtBytes((m.afterPrune.get(t) ?? 0) - (m.empty.get(t) ?? 0)),
    ]),
  ]);
  const tableHeader = [
    'table (growth over the empty database)',
    'SQLite with checks',
    'SQLite pruned',
    ...(pg ? ['PostgreSQL with checks', 'PostgreSQL pruned'] : []),
  ];
  const file =
    sqlite.fileWithChecks !== null && sqlite.filePruned !== null
      ? 'SQLite file after `PRAGMA wal_checkpoint(TRUNCATE)` + `VACUUM`: ' +
        `${fmtBytes(sqlite.fileWithChecks)} with the day's checks, ${fmtBytes(sqlite.filePruned)} after pruning them ` +
        `(${((sqlite.fileWithChecks - sqlite.filePruned) / sqlite.checks).toFixed(1)} bytes per check by file size).`
      : '';
  return [
    '## 3. Storage',
    '',
    `Measured ${new Date().toISOString()}; this section took ${fmtMs(tookMs)}.`,
    `1,000 http monitors (100 services of 10) at 60 s for one UTC day = ${fmtInt(sqlite.checks)} checks,`,
    'fed to `ingestChecks` one hour per call, then every raw check pruned (`pruneChecks`). Sizes are per',
    'table with its indexes: SQLite `dbstat` after checkpoint + VACUUM; PostgreSQL `pg_total_relation_size`',
    'after `VACUUM FULL` of each table of the schema (not of the empty baseline: VACUUM of empty tables',
    "makes the store's cached PostgreSQL plans sequential and its ingest ~4× slower). " +
      'Derived = growth of every table but `checks`',
    '(and `meta`, migrations) over the empty database; per monitor-year = per monitor-day × 365 (which',
    'over-counts the per-monitor constants: names, location states). Tables that did not grow are left out.',
    ...(pgProblem ? ['', `PostgreSQL skipped: ${pgProblem}`] : []),
    '',
    markdownTable(['measure', 'SQLite', 'PostgreSQL'], rows),
    '',
    file,
    '',
    markdownTable(tableHeader, tableRows),
  ].join('\n');
}
