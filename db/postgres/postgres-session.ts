// The plumbing of the PostgreSQL store. A transaction is sql.begin, and its tx object runs every
// statement on that transaction's connection; a nested transaction, and every write made inside
// one, is a savepoint, so a failed write leaves the caller's transaction usable (as on SQLite).
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { type NameCache, NameLookup } from '../name-cache.ts';
import type { RunSql, SqlRow } from '../portable-sql.ts';
import { PortableStore } from '../portable-store.ts';
import { assertOutsideTransaction, runInTransaction, TransactionScope } from '../transaction-scope.ts';
import { intArray, textArray } from './pg-arrays.ts';

export type Sql = postgres.Sql | postgres.TransactionSql;

/** What a store and all its tx objects share: the pool and the committed names. */
export interface PostgresShared {
  readonly pool: postgres.Sql;
  readonly names: NameCache;
}

/** Renders portable statements with numbered (`$n`) placeholders. */
const dialect = new PgDialect();

/** Runs a portable statement on sql, prepared once per connection like a tagged one. */
function runOn(sql: Sql, query: SQL): Promise<SqlRow[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return sql.unsafe<SqlRow[]>(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
}

/**
 * The plumbing under PostgresStore: transactions and savepoints, the connection a call runs on,
 * and the names dictionary. A session without a scope is the store itself (on the pool); with
 * one, it is a transaction's tx object (on that transaction's connection).
 */
export abstract class PostgresSession extends PortableStore {
  protected readonly names: NameLookup;

  protected constructor(
    protected readonly shared: PostgresShared,
    protected readonly sql: Sql,
    protected readonly scope: TransactionScope | null,
  ) {
    super();
    this.names = new NameLookup(shared.names, scope?.names ?? null);
  }

  /** The same store, as the tx object of a transaction running on sql. */
  protected abstract inScope(sql: postgres.TransactionSql, scope: TransactionScope): this;

  protected async unit<T>(fn: (tx: this) => Promise<T>): Promise<T> {
    const scope = this.scope;
    if (scope) {
      scope.assertOpen();
      try {
        return (await (this.sql as postgres.TransactionSql).savepoint((sql) => fn(this.inScope(sql, scope)))) as T;
      } catch (error) {
        scope.savepointRolledBack();
        throw error;
      }
    }
    assertOutsideTransaction(this.shared);
    const txScope = new TransactionScope();
    try {
      const result = (await this.shared.pool.begin((sql) =>
        runInTransaction(this.shared, () => fn(this.inScope(sql, txScope))),
      )) as T;
      this.shared.names.addAll(txScope.names);
      return result;
    } finally {
      txScope.finish();
    }
  }

  /** The connection for a read: the transaction's, or the pool. */
  protected reader(): Sql {
    if (this.scope) this.scope.assertOpen();
    else assertOutsideTransaction(this.shared);
    return this.sql;
  }

  protected readSql(query: SQL): Promise<SqlRow[]> {
    return runOn(this.reader(), query);
  }

  protected writeSql<T>(fn: (run: RunSql) => Promise<T>): Promise<T> {
    return this.unit((tx) => fn((query) => runOn(tx.sql, query)));
  }

  // Names.

  /** Keys of these names, adding the new ones to the dictionary (writes only). */
  protected async keysFor(names: Iterable<string>): Promise<Map<string, number>> {
    const { keys, missing } = this.cachedKeys(names);
    if (missing.length > 0) {
      // Sorted, so that two transactions adding the same names lock them in the same order.
      missing.sort();
      await this.sql`INSERT INTO names (name) SELECT n FROM unnest(${textArray(missing)}::text[]) AS t(n) ORDER BY n
                     ON CONFLICT (name) DO NOTHING`;
      await this.fetchKeys(missing, keys);
    }
    return keys;
  }

  /** Keys of the names that exist. */
  protected async existingKeys(names: readonly string[]): Promise<Map<string, number>> {
    const { keys, missing } = this.cachedKeys(names);
    if (missing.length > 0) await this.fetchKeys(missing, keys);
    return keys;
  }

  /** The keys the caches hold for these names, and the names they do not hold. */
  private cachedKeys(names: Iterable<string>): { keys: Map<string, number>; missing: string[] } {
    const keys = new Map<string, number>();
    const missing: string[] = [];
    for (const name of new Set(names)) {
      const key = this.names.key(name);
      if (key === undefined) missing.push(name);
      else keys.set(name, key);
    }
    return { keys, missing };
  }

  protected async fetchKeys(names: readonly string[], into: Map<string, number>): Promise<void> {
    const rows = await this.sql<Array<{ id: number; name: string }>>`
      SELECT id, name FROM names WHERE name = ANY(${textArray(names)}::text[])`;
    for (const row of rows) {
      this.names.add(row.name, row.id);
      into.set(row.name, row.id);
    }
  }

  /** A key → name function covering these keys. */
  protected async nameResolver(keys: Iterable<number>): Promise<(key: number) => string> {
    const missing = [...new Set(keys)].filter((key) => this.names.name(key) === undefined);
    if (missing.length > 0) {
      const rows = await this.sql<Array<{ id: number; name: string }>>`
        SELECT id, name FROM names WHERE id = ANY(${intArray(missing)}::int4[])`;
      for (const row of rows) this.names.add(row.name, row.id);
    }
    return (key) => {
      const name = this.names.name(key);
      if (name === undefined) throw new Error(`names has no key ${key}`);
      return name;
    };
  }

  protected async monitorKeys(
    monitorIds: readonly string[],
  ): Promise<{ keys: string; byKey: Map<number, string> } | null> {
    const found = await this.existingKeys(monitorIds);
    if (found.size === 0) return null;
    const byKey = new Map([...found].map(([name, key]) => [key, name]));
    return { keys: intArray([...byKey.keys()]), byKey };
  }
}
