// The plumbing of the SQLite store. better-sqlite3 is synchronous and has one connection, so
// every call waits its turn in an AsyncMutex (async-mutex.ts), and a transaction holds it from
// BEGIN IMMEDIATE to COMMIT while its tx object runs statements directly: no other caller's
// statement can land inside it. Every write is a transaction of its own, or a savepoint inside
// the caller's, so it lands whole or not at all.
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { NameCache, NameLookup } from '../name-cache.ts';
import type { RunSql, SqlRow } from '../portable-sql.ts';
import { PortableStore } from '../portable-store.ts';
import { assertOutsideTransaction, runInTransaction, TransactionScope } from '../transaction-scope.ts';
import type { AsyncMutex } from './async-mutex.ts';

/**
 * What a store and all its tx objects share: the connection, the queue, the caches. Stores that
 * one process opens on the same file share one queue: with two, a transaction of one would
 * otherwise wait (blocking the thread, as better-sqlite3 waits synchronously) for a lock that the
 * other holds across an await, and neither could go on.
 */
export class SqliteShared {
  readonly names = new NameCache();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    readonly mutex: AsyncMutex,
  ) {}

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Texts with inlined key lists vary; keep the cache bounded.
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * A key map's keys bound as one JSON array (`json_each(?)`) rather than written into the SQL: one
 * prepared statement whatever the keys, instead of a new one per key list (each held native memory
 * until collected: at 10,000 monitors the malloc heap reached 157 MB, 12 MB with bound keys).
 */
export function keyJson(keys: ReadonlyMap<number, string>): string {
  return JSON.stringify([...keys.keys()]);
}

/** Renders portable statements with `?` placeholders. */
const dialect = new SQLiteSyncDialect();

/**
 * The plumbing under SqliteStore: the queue, transactions and savepoints, prepared statements
 * and the names dictionary. A session without a scope is the store itself; with one, it is a
 * transaction's tx object.
 */
export abstract class SqliteSession extends PortableStore {
  protected readonly names: NameLookup;

  protected constructor(
    protected readonly shared: SqliteShared,
    protected readonly scope: TransactionScope | null,
  ) {
    super();
    this.names = new NameLookup(shared.names, scope?.names ?? null);
  }

  /** The same store, as the tx object of a transaction. */
  protected abstract inScope(scope: TransactionScope): this;

  protected unit<T>(fn: (tx: this) => Promise<T>): Promise<T> {
    if (this.scope) return this.savepoint(this.scope, fn);
    assertOutsideTransaction(this.shared.mutex);
    return this.shared.mutex.run(() => this.outermost(fn));
  }

  private async outermost<T>(fn: (tx: this) => Promise<T>): Promise<T> {
    const { db } = this.shared;
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout for another process), so the
    // transaction never fails half-way when its first write meets another writer.
    db.exec('BEGIN IMMEDIATE');
    const scope = new TransactionScope();
    try {
      const result = await runInTransaction(this.shared.mutex, () => fn(this.inScope(scope)));
      db.exec('COMMIT');
      this.shared.names.addAll(scope.names);
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      scope.finish();
    }
  }

  private async savepoint<T>(scope: TransactionScope, fn: (tx: this) => Promise<T>): Promise<T> {
    scope.assertOpen();
    const { db } = this.shared;
    const name = scope.nextSavepointName();
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      scope.savepointRolledBack();
      throw error;
    }
  }

  /** Runs a read now inside a transaction, else in turn with every other call. */
  protected read<T>(fn: () => T): Promise<T> {
    const scope = this.scope;
    if (scope) {
      return new Promise<T>((resolve) => {
        scope.assertOpen();
        resolve(fn());
      });
    }
    assertOutsideTransaction(this.shared.mutex);
    return this.shared.mutex.run(fn);
  }

  /** Runs a write as one transaction (or savepoint); fn gets the tx object. */
  protected write<T>(fn: (tx: this) => T): Promise<T> {
    return this.unit(async (tx) => fn(tx));
  }

  protected readSql(query: SQL): Promise<SqlRow[]> {
    return this.read(() => this.rowsNow(query));
  }

  protected writeSql<T>(fn: (run: RunSql) => Promise<T>): Promise<T> {
    return this.unit((tx) => fn(async (query) => tx.rowsNow(query)));
  }

  /** A portable statement's rows (none for a write without RETURNING), inside the caller's turn. */
  private rowsNow(query: SQL): SqlRow[] {
    const { sql, params } = dialect.sqlToQuery(query);
    const statement = this.shared.statement(sql);
    if (statement.reader) return statement.all(...params) as SqlRow[];
    statement.run(...params);
    return [];
  }

  protected run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.shared.statement(sql).run(...params);
  }

  protected get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.shared.statement(sql).get(...params) as R | undefined;
  }

  protected all<R>(sql: string, ...params: unknown[]): R[] {
    return this.shared.statement(sql).all(...params) as R[];
  }

  // Names.

  /** The key of a name, adding it to the dictionary if new (writes only). */
  protected keyFor(name: string): number {
    const cached = this.names.key(name);
    if (cached !== undefined) return cached;
    this.run('INSERT INTO names (name) VALUES (?) ON CONFLICT (name) DO NOTHING', name);
    const key = this.get<{ id: number }>('SELECT id FROM names WHERE name = ?', name)!.id;
    this.names.add(name, key);
    return key;
  }

  /** The key of a name, or undefined when nothing was ever stored under it. */
  protected existingKey(name: string): number | undefined {
    const cached = this.names.key(name);
    if (cached !== undefined) return cached;
    const row = this.get<{ id: number }>('SELECT id FROM names WHERE name = ?', name);
    if (row) this.names.add(name, row.id);
    return row?.id;
  }

  /** Keys of the names that exist, with the name each stands for. */
  protected existingKeys(names: readonly string[]): Map<number, string> {
    const keys = new Map<number, string>();
    for (const name of names) {
      const key = this.existingKey(name);
      if (key !== undefined) keys.set(key, name);
    }
    return keys;
  }

  protected nameOf(key: number): string {
    const cached = this.names.name(key);
    if (cached !== undefined) return cached;
    const row = this.get<{ name: string }>('SELECT name FROM names WHERE id = ?', key);
    if (!row) throw new Error(`names has no key ${key}`);
    this.names.add(row.name, key);
    return row.name;
  }
}
