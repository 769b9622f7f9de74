// Direct looks at a SQLite file (outside the store): checkpoint, VACUUM, sizes per table.
import { statSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Folds the WAL back into the file and truncates it; optionally VACUUMs. Returns the file size. */
export function compactSqlite(path: string, vacuum: boolean): number {
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (vacuum) {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    db.close();
  }
  return fileBytes(path);
}

export function fileBytes(path: string): number {
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

/** Bytes of each table with its indexes (dbstat), e.g. { checks: 52_000_000, segments: 8192, … }. */
export function sqliteTableBytes(path: string): Map<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT coalesce(m.tbl_name, s.name) AS tbl, sum(s.pgsize) AS bytes
         FROM dbstat s LEFT JOIN sqlite_schema m ON m.name = s.name GROUP BY tbl`,
      )
      .all() as Array<{ tbl: string; bytes: number }>;
    return new Map(rows.map((r) => [r.tbl, r.bytes]));
  } finally {
    db.close();
  }
}
