// The communication records of SPEC §4–5 (alerts and their history, the delivery outbox and log,
// incident timeline notes, the change record, Alertmanager links) and the single-record reads
// and edits the API needs. The SQL is portable (`?` placeholders, RETURNING), so one
// implementation runs on both dialects through a small executor each store provides.
import type { Incident, Maintenance } from '../sla/model.ts';
import type { AlertState, AlertStatus } from '../sla/alert-lifecycle.ts';
import {
  assertTimeMs,
  incidentFromRow,
  maintenanceFromRow,
  maintenanceValues,
  parseStoreId,
  type IncidentRow,
  type MaintenanceRow,
} from './rows.ts';
import { alertColumns, alertFromRow, alertValues, changeFromRow, deliveryFromRow, noteFromRow } from './comms-rows.ts';
import { str, type SqlExec } from './portable-sql.ts';

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface Delivery {
  id: string;
  channelId: string;
  serviceId: string;
  subject: string;
  messageJson: string;
  createdMs: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptMs: number;
  lastError: string | null;
  sentMs: number | null;
}

export interface IncidentNote {
  id: string;
  incidentId: string;
  timeMs: number;
  author: string;
  text: string;
  /** When it was published on the status page, or null. */
  publishedMs: number | null;
}

export interface Change {
  id: string;
  timeMs: number;
  actor: string;
  entity: 'incident' | 'maintenance' | 'alert';
  entityId: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface CommsStore {
  insertAlert(alert: AlertState): Promise<string>;
  updateAlert(alert: AlertState & { id: string }): Promise<void>;
  getAlert(id: string): Promise<(AlertState & { id: string }) | null>;
  /** Newest first. */
  listAlerts(filter: {
    serviceId?: string;
    status?: AlertStatus;
    limit?: number;
  }): Promise<(AlertState & { id: string })[]>;

  enqueueDeliveries(
    rows: readonly Omit<Delivery, 'id' | 'status' | 'attempts' | 'lastError' | 'sentMs'>[],
  ): Promise<string[]>;
  /**
   * Claims the pending deliveries due at nowMs for one attempt, oldest first: their next attempt
   * moves to claimUntilMs in the same statement, so another process (or another pass) cannot pick
   * them meanwhile, and a sender that dies mid-send leaves them due again then.
   */
  claimDueDeliveries(nowMs: number, claimUntilMs: number, limit: number): Promise<Delivery[]>;
  updateDelivery(delivery: Delivery): Promise<void>;
  /** Newest first. */
  listDeliveries(filter: { subject?: string; serviceId?: string; limit?: number }): Promise<Delivery[]>;

  insertIncidentNote(note: Omit<IncidentNote, 'id'>): Promise<string>;
  updateIncidentNote(note: IncidentNote): Promise<void>;
  listIncidentNotes(incidentId: string): Promise<IncidentNote[]>;

  recordChange(change: Omit<Change, 'id'>): Promise<string>;
  /** Newest first. */
  listChanges(filter: { entity?: Change['entity']; entityId?: string; limit?: number }): Promise<Change[]>;

  findAlertmanagerIncident(fingerprint: string, startsAtMs: number): Promise<string | null>;
  linkAlertmanagerIncident(fingerprint: string, startsAtMs: number, incidentId: string): Promise<void>;
  /** Open incidents linked to an Alertmanager fingerprint. */
  alertmanagerIncidentsOf(fingerprint: string): Promise<string[]>;

  getIncident(id: string): Promise<Incident | null>;
  getMaintenance(id: string): Promise<Maintenance | null>;
  updateMaintenance(window: Maintenance & { id: string }): Promise<void>;
}

/** `WHERE a = ? AND b = ?` from the defined filters. */
function where(filters: [string, unknown][]): { sql: string; params: unknown[] } {
  const used = filters.filter(([, v]) => v !== undefined);
  return {
    sql: used.length ? `WHERE ${used.map(([c]) => `${c} = ?`).join(' AND ')}` : '',
    params: used.map(([, v]) => v),
  };
}

const limitOf = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 100, 10_000));

function requireId(id: string, what: string): number {
  const key = parseStoreId(id);
  if (key === null) throw new Error(`no ${what} has id ${id}`);
  return key;
}

export function createCommsStore(exec: SqlExec): CommsStore {
  const read = (sql: string, ...params: unknown[]) => exec(sql, params, 'read');
  const write = (sql: string, ...params: unknown[]) => exec(sql, params, 'write');
  const insertId = async (sql: string, ...params: unknown[]) =>
    str((await write(`${sql} RETURNING id`, ...params))[0]!.id);
  const updateOne = async (what: string, sql: string, ...params: unknown[]) => {
    const rows = await write(`${sql} RETURNING id`, ...params);
    if (rows.length === 0) throw new Error(`no ${what} has id ${String(params[params.length - 1])}`);
  };
  return {
    insertAlert: (a) =>
      insertId(`INSERT INTO alerts (${alertColumns}) VALUES (${Array(13).fill('?').join(', ')})`, ...alertValues(a)),
    updateAlert: (a) =>
      updateOne(
        'alert',
        `UPDATE alerts SET (${alertColumns}) = (${Array(13).fill('?').join(', ')}) WHERE id = ?`,
        ...alertValues(a),
        requireId(a.id, 'alert'),
      ),
    async getAlert(id) {
      const key = parseStoreId(id);
      if (key === null) return null;
      const [row] = await read('SELECT * FROM alerts WHERE id = ?', key);
      return row ? alertFromRow(row) : null;
    },
    async listAlerts(filter) {
      const w = where([
        ['service_id', filter.serviceId],
        ['status', filter.status],
      ]);
      return (
        await read(
          `SELECT * FROM alerts ${w.sql} ORDER BY fired_at_ms DESC, id DESC LIMIT ?`,
          ...w.params,
          limitOf(filter.limit),
        )
      ).map(alertFromRow);
    },

    async enqueueDeliveries(rows) {
      const ids: string[] = [];
      for (const d of rows) {
        assertTimeMs(d.createdMs, 'createdMs');
        ids.push(
          await insertId(
            'INSERT INTO deliveries (channel_id, service_id, subject, message_json, created_ms, status, attempts, next_attempt_ms) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
            d.channelId,
            d.serviceId,
            d.subject,
            d.messageJson,
            d.createdMs,
            'pending',
            d.nextAttemptMs,
          ),
        );
      }
      return ids;
    },
    async claimDueDeliveries(nowMs, claimUntilMs, limit) {
      // The outer conditions repeat the inner ones: PostgreSQL re-checks them on a row another
      // transaction claimed meanwhile (READ COMMITTED), so each row goes to one claimer only.
      const due = "status = 'pending' AND next_attempt_ms <= ?";
      // Most passes find nothing due: a read says so without taking a write lock.
      if ((await read(`SELECT 1 AS due FROM deliveries WHERE ${due} LIMIT 1`, nowMs)).length === 0) return [];
      const rows = await write(
        `UPDATE deliveries SET next_attempt_ms = ? WHERE ${due}
           AND id IN (SELECT id FROM deliveries WHERE ${due} ORDER BY next_attempt_ms, id LIMIT ?) RETURNING *`,
        claimUntilMs,
        nowMs,
        nowMs,
        limit,
      );
      // RETURNING keeps no order; ids grow with time.
      return rows.map(deliveryFromRow).sort((a, b) => Number(a.id) - Number(b.id));
    },
    updateDelivery: (d) =>
      updateOne(
        'delivery',
        'UPDATE deliveries SET status = ?, attempts = ?, next_attempt_ms = ?, last_error = ?, sent_ms = ? WHERE id = ?',
        d.status,
        d.attempts,
        d.nextAttemptMs,
        d.lastError,
        d.sentMs,
        requireId(d.id, 'delivery'),
      ),
    async listDeliveries(filter) {
      const w = where([
        ['subject', filter.subject],
        ['service_id', filter.serviceId],
      ]);
      return (
        await read(
          `SELECT * FROM deliveries ${w.sql} ORDER BY created_ms DESC, id DESC LIMIT ?`,
          ...w.params,
          limitOf(filter.limit),
        )
      ).map(deliveryFromRow);
    },

    insertIncidentNote: (n) =>
      insertId(
        'INSERT INTO incident_notes (incident_id, time_ms, author, text, published_ms) VALUES (?, ?, ?, ?, ?)',
        requireId(n.incidentId, 'incident'),
        n.timeMs,
        n.author,
        n.text,
        n.publishedMs,
      ),
    updateIncidentNote: (n) =>
      updateOne(
        'note',
        'UPDATE incident_notes SET text = ?, published_ms = ? WHERE id = ?',
        n.text,
        n.publishedMs,
        requireId(n.id, 'note'),
      ),
    async listIncidentNotes(incidentId) {
      const key = parseStoreId(incidentId);
      if (key === null) return [];
      return (await read('SELECT * FROM incident_notes WHERE incident_id = ? ORDER BY time_ms, id', key)).map(
        noteFromRow,
      );
    },

    recordChange: (c) =>
      insertId(
        'INSERT INTO changes (time_ms, actor, entity, entity_id, action, detail_json) VALUES (?, ?, ?, ?, ?, ?)',
        c.timeMs,
        c.actor,
        c.entity,
        c.entityId,
        c.action,
        JSON.stringify(c.detail),
      ),
    async listChanges(filter) {
      const w = where([
        ['entity', filter.entity],
        ['entity_id', filter.entityId],
      ]);
      return (
        await read(
          `SELECT * FROM changes ${w.sql} ORDER BY time_ms DESC, id DESC LIMIT ?`,
          ...w.params,
          limitOf(filter.limit),
        )
      ).map(changeFromRow);
    },

    async findAlertmanagerIncident(fingerprint, startsAtMs) {
      const [row] = await read(
        'SELECT incident_id FROM alertmanager_incidents WHERE fingerprint = ? AND starts_at_ms = ?',
        fingerprint,
        startsAtMs,
      );
      return row ? str(row.incident_id) : null;
    },
    async linkAlertmanagerIncident(fingerprint, startsAtMs, incidentId) {
      await write(
        'INSERT INTO alertmanager_incidents (fingerprint, starts_at_ms, incident_id) VALUES (?, ?, ?)',
        fingerprint,
        startsAtMs,
        requireId(incidentId, 'incident'),
      );
    },
    async alertmanagerIncidentsOf(fingerprint) {
      const rows = await read(
        'SELECT a.incident_id FROM alertmanager_incidents a JOIN incidents i ON i.id = a.incident_id WHERE a.fingerprint = ? AND i.resolved_at_ms IS NULL ORDER BY a.starts_at_ms',
        fingerprint,
      );
      return rows.map((r) => str(r.incident_id));
    },

    async getIncident(id) {
      const key = parseStoreId(id);
      if (key === null) return null;
      const [row] = await read('SELECT * FROM incidents WHERE id = ?', key);
      return row ? incidentFromRow(row as unknown as IncidentRow) : null;
    },
    async getMaintenance(id) {
      const key = parseStoreId(id);
      if (key === null) return null;
      const [row] = await read('SELECT * FROM maintenance WHERE id = ?', key);
      return row ? maintenanceFromRow(row as unknown as MaintenanceRow) : null;
    },
    updateMaintenance: (w) =>
      updateOne(
        'maintenance window',
        'UPDATE maintenance SET service_id = ?, start_ms = ?, end_ms = ?, kind = ?, announced_at_ms = ?, title = ? WHERE id = ?',
        ...maintenanceValues(w),
        requireId(w.id, 'maintenance window'),
      ),
  };
}
