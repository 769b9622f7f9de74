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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
    location: integer('location')
      .notNull()
      .references(() => names.id),
    lastCheckMs: integer('last_check_ms').notNull(),
    stateJson: text('state_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.monitor, t.location] })],
);

/** Hourly rollups; `latency` is the histogram in db/latency-codec.ts's varint format. */
export const rollups = sqliteTable(
  'rollups',
  {
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
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
    monitor: integer('monitor')
      .notNull()
      .references(() => names.id),
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

/** The last tick of each shared scheduled job and who holds it (jobs/run-coordinator.ts). */
export const jobRuns = sqliteTable('job_runs', {
  task: text('task').primaryKey(),
  slotMs: integer('slot_ms').notNull(),
  holder: text('holder').notNull(),
  leaseUntilMs: integer('lease_until_ms').notNull(),
});

// ---- check sheets and frozen months ----

/** The check sheet last imported for a service (`import sheet`): its rows and the claims read from it. */
export const sheets = sqliteTable('sheets', {
  serviceId: text('service_id').primaryKey(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  importedAtMs: integer('imported_at_ms').notNull(),
  sheetJson: text('sheet_json').notNull(),
  claimsJson: text('claims_json').notNull(),
});

/** A closed month's figures, stored so a yearly export is reproducible (sla/month-snapshot.ts). */
export const frozenMonths = sqliteTable(
  'frozen_months',
  {
    serviceId: text('service_id').notNull(),
    monthStartMs: integer('month_start_ms').notNull(),
    monthEndMs: integer('month_end_ms').notNull(),
    frozenAtMs: integer('frozen_at_ms').notNull(),
    snapshotJson: text('snapshot_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.monthStartMs] })],
);

/** Who changed a closed month's records, what and why, with its figures before and after. */
export const monthChanges = sqliteTable(
  'month_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: text('service_id').notNull(),
    monthStartMs: integer('month_start_ms').notNull(),
    changedAtMs: integer('changed_at_ms').notNull(),
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
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    serviceId: text('service_id').notNull(),
    name: text('name').notNull(),
    severity: text('severity').notNull(),
    claimId: text('claim_id'),
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    firedAtMs: integer('fired_at_ms').notNull(),
    resolvedAtMs: integer('resolved_at_ms'),
    /** JSON: channel id → epoch ms of the last firing message sent to it. */
    sentJson: text('sent_json').notNull(),
    acknowledgedAtMs: integer('acknowledged_at_ms'),
    acknowledgedBy: text('acknowledged_by'),
    silencedUntilMs: integer('silenced_until_ms'),
  },
  (t) => [index('alerts_service_status').on(t.serviceId, t.status), index('alerts_fired').on(t.firedAtMs)],
);

/** The outbox and delivery log: a message per channel, retried with backoff until sent or failed. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: text('channel_id').notNull(),
    serviceId: text('service_id').notNull(),
    /** What it is about: `alert:<id>`, `incident:<id>`, `maintenance:<id>`. */
    subject: text('subject').notNull(),
    messageJson: text('message_json').notNull(),
    createdMs: integer('created_ms').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptMs: integer('next_attempt_ms').notNull(),
    lastError: text('last_error'),
    sentMs: integer('sent_ms'),
  },
  (t) => [index('deliveries_due').on(t.status, t.nextAttemptMs), index('deliveries_subject').on(t.subject)],
);

/** Timeline notes of an incident; `published_ms` set when shown on the public status page. */
export const incidentNotes = sqliteTable(
  'incident_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    incidentId: integer('incident_id').notNull(),
    timeMs: integer('time_ms').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    publishedMs: integer('published_ms'),
  },
  (t) => [index('incident_notes_incident').on(t.incidentId, t.timeMs)],
);

/** Every change made through the API or pages: who, when, what. */
export const changes = sqliteTable(
  'changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    timeMs: integer('time_ms').notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    detailJson: text('detail_json').notNull(),
  },
  (t) => [index('changes_entity').on(t.entity, t.entityId, t.timeMs)],
);

/** Alertmanager alerts turned into incidents, deduplicated by fingerprint and startsAt. */
export const alertmanagerIncidents = sqliteTable(
  'alertmanager_incidents',
  {
    fingerprint: text('fingerprint').notNull(),
    startsAtMs: integer('starts_at_ms').notNull(),
    incidentId: integer('incident_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fingerprint, t.startsAtMs] })],
);

// ---- Console security (SPEC §6): accounts, sessions, API tokens, lockout, audit log. ----
// Secrets are stored hashed (passwords with argon2id; session ids, API tokens and recovery codes
// with SHA-256 — they are random, so a fast hash is enough); a TOTP secret must be readable to
// verify a code, so it is kept as is.

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedMs: integer('password_changed_ms').notNull(),
  totpSecret: text('totp_secret'),
  totpEnabledMs: integer('totp_enabled_ms'),
  /** The last TOTP time step accepted: a code is good once. */
  totpLastStep: integer('totp_last_step'),
  createdMs: integer('created_ms').notNull(),
});

export const passwordHistory = sqliteTable(
  'password_history',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    changedMs: integer('changed_ms').notNull(),
  },
  (t) => [index('password_history_user').on(t.userId, t.changedMs)],
);

export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedMs: integer('used_ms'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** 1 while the password was accepted but the TOTP step is still due. */
    pending: integer('pending').notNull(),
    createdMs: integer('created_ms').notNull(),
    lastSeenMs: integer('last_seen_ms').notNull(),
    address: text('address').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').notNull(),
  createdBy: text('created_by').notNull(),
  createdMs: integer('created_ms').notNull(),
  expiresMs: integer('expires_ms'),
  lastUsedMs: integer('last_used_ms'),
  revokedMs: integer('revoked_ms'),
});

export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `user:NAME` or `ip:ADDRESS`. */
    key: text('key').notNull(),
    timeMs: integer('time_ms').notNull(),
  },
  (t) => [index('sign_in_failures_key_time').on(t.key, t.timeMs)],
);

export const signInLocks = sqliteTable('sign_in_locks', {
  key: text('key').primaryKey(),
  untilMs: integer('until_ms').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    timeMs: integer('time_ms').notNull(),
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
