// drizzle-kit config for the PostgreSQL schema; `npm run db:generate` writes new migrations from schema changes.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/postgres/schema.ts',
  out: './db/migrations/postgres',
});
