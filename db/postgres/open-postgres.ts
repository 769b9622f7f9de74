// Opens a PostgreSQL store: migrations first (under an advisory lock, so that several processes
// starting at once apply them once), then the connection pool the store uses.
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { PostgresStore } from './postgres-store.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations/postgres', import.meta.url));

/** Every int8 (times, counts) is read as a JS number: epoch ms and counts stay far below 2^53. */
const int8AsNumber = {
  to: 20,
  from: [20],
  serialize: (value: number) => String(value),
  parse: (value: string) => Number(value),
};

export interface PostgresTarget {
  /** The URL postgres.js connects with (without slawatch's own `schema` parameter). */
  url: string;
  schema: string;
}

/** Splits `?schema=NAME` (default public) off a postgres:// URL. */
export function postgresTarget(databaseUrl: string): PostgresTarget {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name "${schema}" in the database URL`);
  url.searchParams.delete('schema');
  return { url: url.toString(), schema };
}

export function connect(target: PostgresTarget, options: { max: number }): postgres.Sql {
  return postgres(target.url, {
    max: options.max,
    onnotice: () => {}, // "schema already exists, skipping" and the like
    types: { int8: int8AsNumber },
    // Custom plans: a generic plan cached while the tables were empty (a VACUUM/ANALYZE then)
    // would keep seq-scanning them ten times slower once they fill (measured in the bench).
    connection: {
      application_name: 'slawatch',
      search_path: `"${target.schema}"`,
      plan_cache_mode: 'force_custom_plan',
    },
  }) as unknown as postgres.Sql;
}

export async function openPostgresStore(databaseUrl: string): Promise<PostgresStore> {
  const target = postgresTarget(databaseUrl);
  await migratePostgres(target);
  return PostgresStore.over(connect(target, { max: 10 }));
}

/**
 * drizzle's migrator reads what is applied before its transaction, so concurrent runs would
 * apply the same migration twice. One connection holds a session advisory lock (per schema)
 * while it creates the schema and runs the migrator; other processes wait for it, then find
 * nothing left to do. The migrations table lives in the target schema too.
 */
async function migratePostgres(target: PostgresTarget): Promise<void> {
  const sql = connect(target, { max: 1 });
  const lockName = `slawatch.migrate.${target.schema}`;
  try {
    await sql`SELECT pg_advisory_lock(hashtext(${lockName}))`;
    await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
    await migrate(drizzle(sql), { migrationsFolder, migrationsSchema: target.schema });
    await sql`SELECT pg_advisory_unlock(hashtext(${lockName}))`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
