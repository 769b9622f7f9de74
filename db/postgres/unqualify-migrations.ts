// drizzle-kit writes foreign keys as REFERENCES "public"."names"; slawatch applies its migrations to
// whichever schema the database URL names (`?schema=`, tests isolate themselves so), so the
// generated SQL must name no schema and resolve tables through search_path. Run by `npm run
// db:generate` after drizzle-kit; idempotent.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql'))) {
  const path = folder + file;
  const sql = readFileSync(path, 'utf8');
  const unqualified = sql.replaceAll('"public".', '');
  if (unqualified !== sql) {
    writeFileSync(path, unqualified);
    console.log(`unqualified the public schema in ${file}`);
  }
}
