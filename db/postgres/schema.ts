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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
    /** Index into segmentStates: 0 up, 1 down, 2 unknown. */
    state: smallint('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location, t.startMs] })],
);

export const locationStates = pgTable(
  'location_states',
  {
    lastCheckMs: bigint('last_check_ms', { mode: 'number' }).notNull(),
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
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

/** The last tick of each shared scheduled job and who holds it (jobs/run-coordinator.ts). */
export const jobRuns = pgTable('job_runs', {
  task: text('task').primaryKey(),
  slotMs: bigint('slot_ms', { mode: 'number' }).notNull(),
  holder: text('holder').notNull(),
  leaseUntilMs: bigint('lease_until_ms', { mode: 'number' }).notNull(),
});

// ---- check sheets and frozen months ----

/** The check sheet last imported for a service (`import sheet`): its rows and the claims read from it. */
export const sheets = pgTable('sheets', {
  importedAtMs: bigint('imported_at_ms', { mode: 'number' }).notNull(),
  serviceId: text('service_id').primaryKey(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  sheetJson: text('sheet_json').notNull(),
  claimsJson: text('claims_json').notNull(),
});

/** A closed month's figures, stored so a yearly export is reproducible (sla/month-snapshot.ts). */
export const frozenMonths = pgTable(
  'frozen_months',
  {
    monthStartMs: bigint('month_start_ms', { mode: 'number' }).notNull(),
    monthEndMs: bigint('month_end_ms', { mode: 'number' }).notNull(),
    frozenAtMs: bigint('frozen_at_ms', { mode: 'number' }).notNull(),
    serviceId: text('service_id').notNull(),
    snapshotJson: text('snapshot_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.monthStartMs] })],
);

/** Who changed a closed month's records, what and why, with its figures before and after. */
export const monthChanges = pgTable(
  'month_changes',
  {
    monthStartMs: bigint('month_start_ms', { mode: 'number' }).notNull(),
    changedAtMs: bigint('changed_at_ms', { mode: 'number' }).notNull(),
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    serviceId: text('service_id').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    change: text('change').notNull(),
    beforeJson: text('before_json'),
    afterJson: text('after_json').notNull(),
  },
  (t) => [index('month_changes_service_month').on(t.serviceId, t.monthStartMs)],
);

// ---- Alerting: alerts, deliveries, incident notes, change records, Alertmanager links --------

/** Alert instances (sla/alert-lifecycle.ts): one row from firing to resolved, kept as history. */
export const alerts = pgTable(
  'alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    serviceId: text('service_id').notNull(),
    name: text('name').notNull(),
    severity: text('severity').notNull(),
    claimId: text('claim_id'),
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    firedAtMs: bigint('fired_at_ms', { mode: 'number' }).notNull(),
    resolvedAtMs: bigint('resolved_at_ms', { mode: 'number' }),
    /** JSON: channel id → epoch ms of the last firing message sent to it. */
    sentJson: text('sent_json').notNull(),
    acknowledgedAtMs: bigint('acknowledged_at_ms', { mode: 'number' }),
    acknowledgedBy: text('acknowledged_by'),
    silencedUntilMs: bigint('silenced_until_ms', { mode: 'number' }),
  },
  (t) => [index('alerts_service_status').on(t.serviceId, t.status), index('alerts_fired').on(t.firedAtMs)],
);

/** The outbox and delivery log: a message per channel, retried with backoff until sent or failed. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channelId: text('channel_id').notNull(),
    serviceId: text('service_id').notNull(),
    /** What it is about: `alert:<id>`, `incident:<id>`, `maintenance:<id>`. */
    subject: text('subject').notNull(),
    messageJson: text('message_json').notNull(),
    createdMs: bigint('created_ms', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptMs: bigint('next_attempt_ms', { mode: 'number' }).notNull(),
    lastError: text('last_error'),
    sentMs: bigint('sent_ms', { mode: 'number' }),
  },
  (t) => [index('deliveries_due').on(t.status, t.nextAttemptMs), index('deliveries_subject').on(t.subject)],
);

/** Timeline notes of an incident; `published_ms` set when shown on the public status page. */
export const incidentNotes = pgTable(
  'incident_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    incidentId: integer('incident_id').notNull(),
    timeMs: bigint('time_ms', { mode: 'number' }).notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    publishedMs: bigint('published_ms', { mode: 'number' }),
  },
  (t) => [index('incident_notes_incident').on(t.incidentId, t.timeMs)],
);

/** Every change made through the API or pages: who, when, what. */
export const changes = pgTable(
  'changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    timeMs: bigint('time_ms', { mode: 'number' }).notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    detailJson: text('detail_json').notNull(),
  },
  (t) => [index('changes_entity').on(t.entity, t.entityId, t.timeMs)],
);

/** Alertmanager alerts turned into incidents, deduplicated by fingerprint and startsAt. */
export const alertmanagerIncidents = pgTable(
  'alertmanager_incidents',
  {
    fingerprint: text('fingerprint').notNull(),
    startsAtMs: bigint('starts_at_ms', { mode: 'number' }).notNull(),
    incidentId: integer('incident_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fingerprint, t.startsAtMs] })],
);

// ---- Console security (SPEC §6): the same tables as db/sqlite/schema.ts. ----

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  username: text('username').notNull().unique(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedMs: bigint('password_changed_ms', { mode: 'number' }).notNull(),
  totpSecret: text('totp_secret'),
  totpEnabledMs: bigint('totp_enabled_ms', { mode: 'number' }),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdMs: bigint('created_ms', { mode: 'number' }).notNull(),
});

export const passwordHistory = pgTable(
  'password_history',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    changedMs: bigint('changed_ms', { mode: 'number' }).notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.changedMs)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedMs: bigint('used_ms', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    pending: integer('pending').notNull(),
    createdMs: bigint('created_ms', { mode: 'number' }).notNull(),
    lastSeenMs: bigint('last_seen_ms', { mode: 'number' }).notNull(),
    address: text('address').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').notNull(),
  createdBy: text('created_by').notNull(),
  createdMs: bigint('created_ms', { mode: 'number' }).notNull(),
  expiresMs: bigint('expires_ms', { mode: 'number' }),
  lastUsedMs: bigint('last_used_ms', { mode: 'number' }),
  revokedMs: bigint('revoked_ms', { mode: 'number' }),
});

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    timeMs: bigint('time_ms', { mode: 'number' }).notNull(),
  },
  (t) => [index('sign_in_failures_key_time').on(t.key, t.timeMs)],
);

export const signInLocks = pgTable('sign_in_locks', {
  key: text('key').primaryKey(),
  untilMs: bigint('until_ms', { mode: 'number' }).notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    timeMs: bigint('time_ms', { mode: 'number' }).notNull(),
    actor: text('actor').notNull(),
    address: text('address').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  (t) => [index('audit_log_time').on(t.timeMs)],
);
// ---- end of console security tables ----
