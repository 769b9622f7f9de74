// Rows of the comms tables (db/comms-store.ts) and their mapping to the domain types. Both
// dialects return them alike (PostgreSQL's int8 is read as a number).
import type { AlertState, AlertStatus } from '../sla/alert-lifecycle.ts';
import type { AlertSeverity } from '../sla/alert-rules.ts';
import type { Change, Delivery, DeliveryStatus, IncidentNote } from './comms-store.ts';
import { assertTimeMs } from './rows.ts';
import { num, numOrNull, str, strOrNull } from './portable-sql.ts';

export function alertFromRow(r: Record<string, unknown>): AlertState & { id: string } {
  return {
    id: str(r.id),
    key: str(r.key),
    serviceId: str(r.service_id),
    name: str(r.name),
    severity: str(r.severity) as AlertSeverity,
    claimId: strOrNull(r.claim_id),
    summary: str(r.summary),
    status: str(r.status) as AlertStatus,
    firedAtMs: num(r.fired_at_ms),
    resolvedAtMs: numOrNull(r.resolved_at_ms),
    sentAtMs: JSON.parse(str(r.sent_json)) as Record<string, number>,
    acknowledgedAtMs: numOrNull(r.acknowledged_at_ms),
    acknowledgedBy: strOrNull(r.acknowledged_by),
    silencedUntilMs: numOrNull(r.silenced_until_ms),
  };
}

export function alertValues(a: AlertState): unknown[] {
  assertTimeMs(a.firedAtMs, 'firedAtMs');
  for (const v of [a.resolvedAtMs, a.acknowledgedAtMs, a.silencedUntilMs])
    if (v !== null) assertTimeMs(v, 'alert time');
  return [
    a.key,
    a.serviceId,
    a.name,
    a.severity,
    a.claimId,
    a.summary,
    a.status,
    a.firedAtMs,
    a.resolvedAtMs,
    JSON.stringify(a.sentAtMs),
    a.acknowledgedAtMs,
    a.acknowledgedBy,
    a.silencedUntilMs,
  ];
}

/** The stored columns of an alert, in the order alertValues gives them. */
export const alertColumns =
  'key, service_id, name, severity, claim_id, summary, status, fired_at_ms, resolved_at_ms, sent_json, ' +
  'acknowledged_at_ms, acknowledged_by, silenced_until_ms';

export function deliveryFromRow(r: Record<string, unknown>): Delivery {
  return {
    id: str(r.id),
    channelId: str(r.channel_id),
    serviceId: str(r.service_id),
    subject: str(r.subject),
    messageJson: str(r.message_json),
    createdMs: num(r.created_ms),
    status: str(r.status) as DeliveryStatus,
    attempts: num(r.attempts),
    nextAttemptMs: num(r.next_attempt_ms),
    lastError: strOrNull(r.last_error),
    sentMs: numOrNull(r.sent_ms),
  };
}

export const noteFromRow = (r: Record<string, unknown>): IncidentNote => ({
  id: str(r.id),
  incidentId: str(r.incident_id),
  timeMs: num(r.time_ms),
  author: str(r.author),
  text: str(r.text),
  publishedMs: numOrNull(r.published_ms),
});

export const changeFromRow = (r: Record<string, unknown>): Change => ({
  id: str(r.id),
  timeMs: num(r.time_ms),
  actor: str(r.actor),
  entity: str(r.entity) as Change['entity'],
  entityId: str(r.entity_id),
  action: str(r.action),
  detail: JSON.parse(str(r.detail_json)) as Record<string, unknown>,
});
