// The whole YAML file (SPEC §5), snake_case as written. Every mapping is strict, so a typo such
// as `intervall:` is an error with its path rather than a silently ignored key. Scalars arrive
// parsed (ms, ratios, epoch ms); to-specs.ts turns the result into the engine's types.

import { z } from 'zod';
import { maintenanceKinds } from '../../sla/model.ts';
import { calendarSchema } from './calendar-schema.ts';
import { claimSchema } from './claim-schemas.ts';
import { describeValue } from './describe-value.ts';
import { monitorSchema, pushToken } from './monitor-schemas.ts';
import { notificationSchema } from './notification-schemas.ts';
import { durationMs, host, id, instantMs, port, reject, stringOrNumber, text, timezone } from './scalar-schemas.ts';
import { whenValid } from './when-valid.ts';
import { securitySchema } from './security-schema.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** SPEC §2.4: `any`, `all`, or the number of monitors that must be down. */
function downWhen() {
  const invalid = (input: unknown) => `expected any, all or a number of monitors, got ${describeValue(input)}`;
  return stringOrNumber(invalid).transform((input, ctx): 'any' | 'all' | number => {
    if (input === 'any' || input === 'all') return input;
    const count = typeof input === 'number' ? input : /^\d+$/.test(input) ? Number(input) : NaN;
    return Number.isSafeInteger(count) && count >= 1 ? count : reject(ctx, input, invalid(input));
  });
}

const maintenanceSchema = z
  .strictObject({
    id: id().optional(),
    start: instantMs(),
    end: instantMs(),
    kind: z.enum(maintenanceKinds),
    announced_at: instantMs().optional(),
    title: z.string().default(''),
  })
  .superRefine(
    (value, ctx) => {
      if (value.end <= value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    },
    whenValid('start', 'end'),
  );

export const serviceSchema = z
  .strictObject({
    id: id(),
    name: text().optional(),
    timezone: timezone().optional(),
    down_when: downWhen().default('any'),
    long_after: durationMs({ minMs: 1 }).default(24 * hourMs),
    merge_gap: durationMs().default(0),
    history_from: instantMs().optional(),
    calendar: calendarSchema.optional(),
    notify: z.array(id()).default([]),
    notify_customers: z.array(id()).default([]),
    /** Opt-in public status page at /status/<id>. */
    status_page: z.boolean().default(false),
    monitors: z.array(monitorSchema).default([]),
    claims: z.array(claimSchema).default([]),
    maintenance: z.array(maintenanceSchema).default([]),
  })
  .superRefine(
    (value, ctx) => {
      const count = value.monitors.length;
      if (typeof value.down_when === 'number' && value.down_when > count) {
        const message = `must be at most the number of monitors (${count})`;
        ctx.addIssue({ code: 'custom', path: ['down_when'], message });
      }
    },
    // The count is known even when some monitors are invalid: only a non-list `monitors` stops this.
    {
      when: (payload) =>
        !payload.issues.some((i) => i.path?.[0] === 'down_when' || (i.path?.[0] === 'monitors' && i.path.length === 1)),
    },
  );

/** `file:PATH` (SQLite) or `postgres://…` (SPEC §5 "Storage"). */
function databaseUrl() {
  const invalid = (input: unknown) => `invalid database URL ${describeValue(input)} (use file:PATH or postgres://…)`;
  return z.string().refine((value) => /^file:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value), {
    error: (issue) => invalid(issue.input),
  });
}

export const configSchema = z.strictObject({
  timezone: timezone().default('UTC'),
  server: z.strictObject({ host: host().default('127.0.0.1'), port: port().default(3000) }).prefault({}),
  database: z.strictObject({ url: databaseUrl().optional() }).prefault({}),
  retention: z.strictObject({ checks: durationMs({ minMs: dayMs }).default(35 * dayMs) }).prefault({}),
  services: z.array(serviceSchema).default([]),
  notifications: z.array(notificationSchema).default([]),
  security: securitySchema.prefault({}),
  // SPEC §4: the budget window of burn-rate alerts and how near a certificate's expiry alerts.
  alerts: z
    .strictObject({
      budget_window: durationMs({ minMs: 3_600_000 }).default(30 * dayMs),
      tls_expiry_within: durationMs({ minMs: 0 }).default(14 * dayMs),
    })
    .prefault({}),
  // The Alertmanager receiver (POST /api/v1/alertmanager): its bearer token, and the service of
  // alerts that carry no `service` label matching a service id.
  alertmanager: z.strictObject({ token: pushToken(), service: id().optional() }).optional(),
});

export type RawConfig = z.output<typeof configSchema>;
export type RawService = z.output<typeof serviceSchema>;
export type RawMaintenance = z.output<typeof maintenanceSchema>;
