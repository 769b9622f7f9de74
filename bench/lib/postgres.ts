// PostgreSQL for the benchmarks: a fresh schema per run in the test database (dropped afterwards),
// and table sizes. Set BENCH_DATABASE_URL to use another server.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const benchPostgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function connect(): postgres.Sql {
  return postgres(benchPostgresUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
}

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresProblem(): Promise<string | null> {
  const sql = connect();
  try {
    await sql`SELECT 1`;
    return null;
  } catch (error) {
    return `PostgreSQL unreachable at ${benchPostgresUrl.replace(/\/\/[^@/]*@/, '//…@')}: ${(error as Error).message}`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

export interface BenchSchema {
  name: string;
  /** DATABASE_URL for slawatch: the test database with ?schema=NAME. */
  url: string;
}

export function newBenchSchema(): BenchSchema {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(benchPostgresUrl);
  url.searchParams.set('schema', name);
  return { name, url: url.toString() };
}

export async function dropBenchSchema(schema: BenchSchema): Promise<void> {
  const sql = connect();
  try {
    await sql.unsafe(`DROP SCHEMA IF EXISTS "${schema.name}" CASCADE`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * pg_total_relation_size of each table of the schema, after VACUUM FULL of each (compacts, like
 * SQLite's VACUUM) unless vacuum is false. Do not VACUUM tables that are still empty and about to
 * be filled: pg_class then says "empty" and the store's cached generic plans turn to sequential
 * scans (replaceSegments 0.9 → 8 ms per call; see the benchmark report).
 */
export async function compactedTableBytes(schema: BenchSchema, vacuum = true): Promise<Map<string, number>> {
  const sql = connect();
  try {
    const tables = await sql<Array<{ t: string }>>`
      SELECT tablename AS t FROM pg_tables WHERE schemaname = ${schema.name} ORDER BY tablename`;
    if (vacuum) for (const { t } of tables) await sql.unsafe(`VACUUM FULL "${schema.name}"."${t}"`);
    const sizes = await sql<Array<{ t: string; bytes: string }>>`
      SELECT tablename AS t, pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass) AS bytes
      FROM pg_tables WHERE schemaname = ${schema.name}`;
    return new Map(sizes.map((r) => [r.t, Number(r.bytes)]));
  } finally {
    await sql.end({ timeout: 5 });
  }
}
