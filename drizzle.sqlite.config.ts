// drizzle-kit config for the SQLite schema; `npm run db:generate` writes new migrations from schema changes.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/sqlite/schema.ts',
  out: './db/migrations/sqlite',
});
