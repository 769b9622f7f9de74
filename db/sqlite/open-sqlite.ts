// Opens (creating it and its folder if needed) and migrates a SQLite database file.
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SqliteStore } from './sqlite-store.ts';
import { AsyncMutex } from './async-mutex.ts';
import { assertOutsideTransaction } from '../transaction-scope.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations/sqlite', import.meta.url));

/** How long a statement waits for another process's write lock before failing. */
const busyTimeoutMs = 15_000;

export async function openSqliteStore(path: string): Promise<SqliteStore> {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(inMemory ? ':memory:' : path);
  const queue = inMemory ? new AsyncMutex() : queueOf(realpathSync(path));
  try {
    // In the file's queue: a transaction of another store on it in this process may hold the lock.
    assertOutsideTransaction(queue);
    await queue.run(() => {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`); // first, so that every later step waits its turn
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // 16 MiB of page cache (default 2 MiB): bulk imports touch every monitor's B-tree leaf at once.
      db.pragma('cache_size = -16384');
      migrateSqlite(db);
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return SqliteStore.over(db, queue);
}

/** One queue per database file in this process (see SqliteShared). */
const queues = new Map<string, AsyncMutex>();

function queueOf(realPath: string): AsyncMutex {
  let queue = queues.get(realPath);
  if (!queue) {
    queue = new AsyncMutex();
    queues.set(realPath, queue);
  }
  return queue;
}

/**
 * Applies pending migrations with drizzle's migrator. drizzle reads which migrations are applied
 * before it takes the write lock (its own BEGIN), so two processes opening a new database at once
 * can both set out to apply them: busy_timeout makes the second wait for the first's COMMIT, then
 * its DDL fails ("table … already exists") and rolls back whole. That failure is recognised by
 * finding every migration applied afterwards; anything else is retried a few times, then thrown.
 */
function migrateSqlite(db: Database.Database): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  const latestMs = Math.max(...migrations.map((m) => m.folderMillis));
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(drizzle(db), { migrationsFolder });
      return;
    } catch (error) {
      if (appliedUpTo(db) >= latestMs) return;
      if (attempt >= 5) throw error;
    }
  }
}

function appliedUpTo(db: Database.Database): number {
  try {
    const row = db.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
    return Number(row.at ?? -Infinity);
  } catch {
    return -Infinity;
  }
}
