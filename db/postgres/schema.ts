// PostgreSQL tables (drizzle-kit generates db/migrations/postgres from this file: `npm run db:generate`).
// The same tables as db/sqlite/schema.ts. Times are bigint epoch ms (read back as JS numbers, see
// postgres-store.ts); a check's columns are ordered widest first so rows carry no alignment padding.
import { bigint, boolean, customType, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The dictionary of repeated strings (monitor ids, locations). Keys are never deleted. */
export const names = pgTable('names', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
});

export const checks = pgTable(
  'checks',
  {
    timeMs: bigint('time_ms', { mode: 'number' }).notNull(),
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    latencyMs: integer('latency_ms'),
    up: boolean('up').notNull(),
    detail: text('detail'),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location, t.timeMs] })],
);

export const segments = pgTable(
  'segments',
  {
    startMs: bigint('start_ms', { mode: 'number' }).notNull(),
    endMs: bigint('end_ms', { mode: 'number' }).notNull(),
    knownAtMs: bigint('known_at_ms', { mode: 'number' }),
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    /** Index into segmentStates: 0 up, 1 down, 2 unknown. */
    state: smallint('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location, t.startMs] })],
);

export const locationStates = pgTable(
  'location_states',
  {
    lastCheckMs: bigint('last_check_ms', { mode: 'number' }).notNull(),
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    stateJson: text('state_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location] })],
);

/** Hourly rollups; `latency` is the histogram in db/latency-codec.ts's varint format. */
export const rollups = pgTable(
  'rollups',
  {
    hourMs: bigint('hour_ms', { mode: 'number' }).notNull(),
    firstUpMs: bigint('first_up_ms', { mode: 'number' }),
    lastUpMs: bigint('last_up_ms', { mode: 'number' }),
    maxUpGapMs: bigint('max_up_gap_ms', { mode: 'number' }),
    monitor: integer('monitor').notNull().references(() => names.id),
    upCount: integer('up_count').notNull(),
    downCount: integer('down_count').notNull(),
    latency: bytea('latency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.hourMs] })],
);

/** Sums of each monitor's rollups per UTC day, rewritten by upsertRollups (for sumRollups). */
export const rollupDays = pgTable(
  'rollup_days',
  {
    dayMs: bigint('day_ms', { mode: 'number' }).notNull(),
    monitor: integer('monitor').notNull().references(() => names.id),
    upCount: integer('up_count').notNull(),
    downCount: integer('down_count').notNull(),
    latency: bytea('latency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.dayMs] })],
);

export const incidents = pgTable(
  'incidents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    serviceId: text('service_id').notNull(),
    startedAtMs: bigint('started_at_ms', { mode: 'number' }).notNull(),
    detectedAtMs: bigint('detected_at_ms', { mode: 'number' }),
    notifiedAtMs: bigint('notified_at_ms', { mode: 'number' }),
    resolvedAtMs: bigint('resolved_at_ms', { mode: 'number' }),
    impact: text('impact').notNull(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    cause: text('cause'),
  },
  (t) => [index('incidents_service_started').on(t.serviceId, t.startedAtMs)],
);

export const maintenance = pgTable(
  'maintenance',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    serviceId: text('service_id').notNull(),
    startMs: bigint('start_ms', { mode: 'number' }).notNull(),
    endMs: bigint('end_ms', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    announcedAtMs: bigint('announced_at_ms', { mode: 'number' }),
    title: text('title').notNull(),
  },
  (t) => [index('maintenance_service_start').on(t.serviceId, t.startMs)],
);

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
