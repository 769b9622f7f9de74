// The audit log (SPEC §6): every sign-in, success or failure, and every change to configuration,
// claims, incidents, maintenance, users and tokens, with actor, address, time and before/after.
// Secrets never enter it: values under secret-looking keys are replaced before they are stored.
import type { AuditEntry } from '../../db/security-store.ts';
import type { Actor, SecurityDeps } from './security-deps.ts';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(
  deps: Pick<SecurityDeps, 'store' | 'nowMs'>,
  actor: Actor,
  event: AuditEvent,
): Promise<void> {
  await deps.store.security.appendAudit({
    timeMs: deps.nowMs(),
    actor: actor.name,
    address: actor.address,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: redactSecrets(event.before ?? null),
    after: redactSecrets(event.after ?? null),
  });
}

/**
 * Keys (by their ending) whose values are credentials: webhook and Slack URLs, SMTP URLs, HMAC
 * secrets, tokens, hashes.
 */
const secretKey = /(secret|password|passwd|token|smtp|url|hash|cookie|authorization|api_?key)$/i;
export const redacted = '[redacted]';

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        secretKey.test(k) && v !== null && v !== undefined && typeof v !== 'object' ? redacted : redactSecrets(v),
      ]),
    );
  }
  return value;
}

/** Deletes entries older than the configured retention (default one year). */
export async function pruneAudit(deps: SecurityDeps): Promise<number> {
  return deps.store.security.pruneAudit(deps.nowMs() - deps.settings().auditRetentionMs);
}

export const auditCsvColumns = [
  'time',
  'actor',
  'address',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
] as const;

export function auditCsvRecord(e: AuditEntry): string[] {
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return [
    new Date(e.timeMs).toISOString(),
    e.actor,
    e.address,
    e.action,
    e.entity,
    e.entityId ?? '',
    json(e.before),
    json(e.after),
  ];
}
