// The seam through which SQL written once runs on both dialects. Statements are drizzle's `sql`
// template: a value in `${…}` is always a bound parameter, and each dialect numbers the
// placeholders while rendering (`?` on SQLite, `$n` on PostgreSQL), so a `?` or `$1` in the
// statement's text or in a value is never mistaken for one. Also readers for loosely typed cells
// (PostgreSQL's int8 may arrive as a string; Number() makes both dialects alike).
import { type SQL, sql } from 'drizzle-orm';

export type SqlRow = Record<string, unknown>;

/** Runs one statement; reads and RETURNING statements give their rows. */
export type RunSql = (query: SQL) => Promise<SqlRow[]>;

/** What each dialect's store hands the portable statements. */
export interface PortableDb {
  /** A read: on the transaction's connection inside one, else on its own. */
  read: RunSql;
  /** Runs fn's statements as one transaction, or a savepoint inside the caller's: all land or none. */
  write<T>(fn: (run: RunSql) => Promise<T>): Promise<T>;
}

/** One statement written as a unit of its own. */
export const writeOne = (db: PortableDb, query: SQL): Promise<SqlRow[]> => db.write((run) => run(query));

/** Values as a comma-separated list of parameters, for `VALUES (…)` and `SET (…) = (…)`. */
export const paramList = (values: readonly unknown[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
