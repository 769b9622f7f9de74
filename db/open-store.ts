// The only dialect switch: a database URL names its dialect, and each dialect's opener creates
// the store and runs its migrations. `file:PATH` is SQLite (the embedded default); `postgres://…`
// or `postgresql://…` is PostgreSQL, with an optional `?schema=NAME` to live in its own schema.
import { fileURLToPath } from 'node:url';
import type { Store, StoreDialect } from './store.ts';

export const defaultDatabaseUrl = 'file:./data/slawatch.db';

interface StoreOpener {
  accepts(databaseUrl: string): boolean;
  open(databaseUrl: string): Promise<Store>;
}

// Drivers load on first use, so a SQLite install never loads postgres.js and vice versa.
const openers: Record<StoreDialect, StoreOpener> = {
  sqlite: {
    accepts: (url) => url.startsWith('file:'),
    open: async (url) => (await import('./sqlite/open-sqlite.ts')).openSqliteStore(sqlitePath(url)),
  },
  postgres: {
    accepts: (url) => /^postgres(ql)?:\/\//.test(url),
    open: async (url) => (await import('./postgres/open-postgres.ts')).openPostgresStore(url),
  },
};

export function storeDialectOf(databaseUrl: string): StoreDialect {
  for (const [dialect, opener] of Object.entries(openers) as Array<[StoreDialect, StoreOpener]>) {
    if (opener.accepts(databaseUrl)) return dialect;
  }
  throw new Error(
    `unsupported database URL "${redact(databaseUrl)}": use file:PATH (SQLite) or postgres://… (PostgreSQL)`,
  );
}

/** Opens the database (creating a SQLite file and its folder if needed) and migrates it. */
export async function openStore(databaseUrl: string): Promise<Store> {
  return openers[storeDialectOf(databaseUrl)].open(databaseUrl);
}

/** `file:./data/x.db`, `file:/abs/x.db`, `file:///abs/x.db` or `file::memory:` → a path for better-sqlite3. */
export function sqlitePath(databaseUrl: string): string {
  if (databaseUrl.startsWith('file://')) return fileURLToPath(databaseUrl);
  return databaseUrl.slice('file:'.length).replace(/\?.*$/, '');
}

function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/[^@/]*@/, '//…@');
}
