// SQLite tables (drizzle-kit generates db/migrations/sqlite from this file: `npm run db:generate`).
// Compact by design (the benchmark reports bytes per raw check): strings repeated on every row
// (monitor ids, locations) live once in `names` and rows carry its integer keys; times are epoch
// ms integers; a check's status is 0/1 (stored in zero bytes by SQLite's record format).
//
// `checks` and `segments` are WITHOUT ROWID (clustered on their primary key, no second index),
// which drizzle cannot express: migration 0001_checks_without_rowid.sql rebuilds them so. A
// future migration that drizzle-kit writes as a table rebuild ("__new_checks") must keep it.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The dictionary of repeated strings (monitor ids, locations). Keys are never deleted. */
export const names = sqliteTable('names', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const checks = sqliteTable(
  'checks',
  {
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    timeMs: integer('time_ms').notNull(),
    up: integer('up').notNull(),
    latencyMs: integer('latency_ms'),
    detail: text('detail'),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location, t.timeMs] })],
);

export const segments = sqliteTable(
  'segments',
  {
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    /** Index into segmentStates: 0 up, 1 down, 2 unknown. */
    state: integer('state').notNull(),
    knownAtMs: integer('known_at_ms'),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location, t.startMs] })],
);

export const locationStates = sqliteTable(
  'location_states',
  {
    monitor: integer('monitor').notNull().references(() => names.id),
    location: integer('location').notNull().references(() => names.id),
    lastCheckMs: integer('last_check_ms').notNull(),
    stateJson: text('state_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location] })],
);

/** Hourly rollups; `latency` is the histogram in db/latency-codec.ts's varint format. */
export const rollups = sqliteTable(
  'rollups',
  {
    monitor: integer('monitor').notNull().references(() => names.id),
    hourMs: integer('hour_ms').notNull(),
    upCount: integer('up_count').notNull(),
    downCount: integer('down_count').notNull(),
    latency: blob('latency', { mode: 'buffer' }).notNull(),
    firstUpMs: integer('first_up_ms'),
    lastUpMs: integer('last_up_ms'),
    maxUpGapMs: integer('max_up_gap_ms'),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.hourMs] })],
);

/** Sums of each monitor's rollups per UTC day, rewritten by upsertRollups (for sumRollups). */
export const rollupDays = sqliteTable(
  'rollup_days',
  {
    monitor: integer('monitor').notNull().references(() => names.id),
    dayMs: integer('day_ms').notNull(),
    upCount: integer('up_count').notNull(),
    downCount: integer('down_count').notNull(),
    latency: blob('latency', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.dayMs] })],
);

export const incidents = sqliteTable(
  'incidents',
  {
    // AUTOINCREMENT: a deleted incident's id is never handed out again.
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: text('service_id').notNull(),
    startedAtMs: integer('started_at_ms').notNull(),
    detectedAtMs: integer('detected_at_ms'),
    notifiedAtMs: integer('notified_at_ms'),
    resolvedAtMs: integer('resolved_at_ms'),
    impact: text('impact').notNull(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    cause: text('cause'),
  },
  (t) => [index('incidents_service_started').on(t.serviceId, t.startedAtMs)],
);

export const maintenance = sqliteTable(
  'maintenance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: text('service_id').notNull(),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    kind: text('kind').notNull(),
    announcedAtMs: integer('announced_at_ms'),
    title: text('title').notNull(),
  },
  (t) => [index('maintenance_service_start').on(t.serviceId, t.startMs)],
);

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
