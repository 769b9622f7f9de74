// The stores every storage test runs over (STYLE: one contract suite over every store). Each
// factory hands out a fresh, empty database: a SQLite file in its own temp folder, or a PostgreSQL
// schema of its own (dropped afterwards) in the database at TEST_DATABASE_URL. When PostgreSQL
// cannot be reached its cases are skipped with the reason in their title, except under CI=true,
// where they fail instead: a CI run must not pass by skipping half the storage tests.
//
//   describe.each(testStores.map((f) => [f.title, f] as const))('%s store', (_title, factory) => {
//     let db: TestStore;
//     beforeEach(async (ctx) => { if (factory.skipReason) ctx.skip(); db = await openTestStore(factory); });
//     afterEach(() => db?.cleanup());
//   });
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openStore } from '../../db/open-store.ts';
import type { Store, StoreDialect } from '../../db/store.ts';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const failInsteadOfSkip = process.env.CI === 'true';

export interface TestDatabase {
  /** A database URL for openStore; open it as often as a test likes. */
  url: string;
  /** Removes the database (after every store on it is closed). */
  drop(): Promise<void>;
}

export interface TestStoreFactory {
  dialect: StoreDialect;
  /** For describe.each titles: the dialect, and why it is skipped when it is. */
  title: string;
  /** Why this dialect cannot run here; null when it runs (or must fail, under CI). */
  skipReason: string | null;
  createDatabase(): Promise<TestDatabase>;
}

let counter = 0;

const sqliteFactory: TestStoreFactory = {
  dialect: 'sqlite',
  title: 'sqlite',
  skipReason: null,
  async createDatabase() {
    const dir = await mkdtemp(join(tmpdir(), 'slawatch-store-'));
    // A folder that does not exist yet: openStore must create it.
    return { url: `file:${join(dir, 'data', 'slawatch.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

async function postgresProblem(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`SELECT 1`;
    return null;
  } catch (error) {
    return `PostgreSQL unreachable at ${url.replace(/\/\/[^@/]*@/, '//…@')}: ${(error as Error).message}`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

const problem = await postgresProblem(testDatabaseUrl);
if (problem && !failInsteadOfSkip)
  console.warn(`skipping the PostgreSQL storage tests: ${problem} (set TEST_DATABASE_URL)`);

const postgresFactory: TestStoreFactory = {
  dialect: 'postgres',
  title: problem && !failInsteadOfSkip ? `postgres (skipped: ${problem})` : 'postgres',
  skipReason: failInsteadOfSkip ? null : problem,
  async createDatabase() {
    if (problem) throw new Error(`${problem} (CI=true: PostgreSQL tests must run)`);
    const schema = `slawatch_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
    const url = new URL(testDatabaseUrl);
    url.searchParams.set('schema', schema);
    return {
      url: url.toString(),
      async drop() {
        const sql = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
        try {
          await sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await sql.end({ timeout: 5 });
        }
      },
    };
  },
};

export const testStores: readonly TestStoreFactory[] = [sqliteFactory, postgresFactory];

export interface TestStore {
  store: Store;
  url: string;
  /** Opens another store on the same database; cleanup closes it too. */
  openAnother(): Promise<Store>;
  /** Closes every store opened here and drops the database. */
  cleanup(): Promise<void>;
}

export async function openTestStore(factory: TestStoreFactory): Promise<TestStore> {
  const database = await factory.createDatabase();
  const opened: Store[] = [];
  const open = async () => {
    const store = await openStore(database.url);
    opened.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    url: database.url,
    openAnother: open,
    async cleanup() {
      await Promise.allSettled(opened.map((s) => s.close()));
      await database.drop();
    },
  };
}
