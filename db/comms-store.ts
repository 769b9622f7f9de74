// The communication records of SPEC §4–5 (alerts and their history, the delivery outbox and log,
// incident timeline notes, the change record, Alertmanager links) and the single-record reads
// and edits the API needs. The SQL is portable (drizzle's `sql` template, RETURNING), so one
// implementation runs on both dialects through the seam each store provides (portable-sql.ts).
import type { Incident, Maintenance } from '../sla/model.ts';
import type { AlertState, AlertStatus } from '../sla/alert-lifecycle.ts';
import { type SQL, sql } from 'drizzle-orm';
import {
  assertTimeMs,
  incidentFromRow,
  maintenanceColumns,
  maintenanceFromRow,
  maintenanceValues,
  parseStoreId,
  type IncidentRow,
  type MaintenanceRow,
} from './rows.ts';
import { alertColumns, alertFromRow, alertValues, changeFromRow, deliveryFromRow, noteFromRow } from './comms-rows.ts';
import { type PortableDb, paramList, type SqlRow, str, writeOne } from './portable-sql.ts';

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

/** `WHERE a = … AND b = …` over the filters that are defined (the keys are column names). */
function where(filters: Record<string, unknown>): SQL {
  const used = Object.entries(filters).filter(([, v]) => v !== undefined);
  if (used.length === 0) return sql.empty();
  return sql`WHERE ${sql.join(
    used.map(([column, v]) => sql`${sql.identifier(column)} = ${v}`),
    sql` AND `,
  )}`;
}

const limitOf = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 100, 10_000));

function requireId(id: string, what: string): number {
  const key = parseStoreId(id);
  if (key === null) throw new Error(`no ${what} has id ${id}`);
  return key;
}

export function createCommsStore(db: PortableDb): CommsStore {
  const insertId = async (insert: SQL) => str((await writeOne(db, sql`${insert} RETURNING id`))[0]!.id);
  const updateOne = async (what: string, id: number, update: SQL) => {
    const rows = await writeOne(db, sql`${update} WHERE id = ${id} RETURNING id`);
    if (rows.length === 0) throw new Error(`no ${what} has id ${id}`);
  };
  /** A table's rows that match the filters, newest first, read by fromRow. */
  const newest = async <T>(
    table: string,
    timeColumn: string,
    filters: Record<string, unknown>,
    limit: number | undefined,
    fromRow: (row: SqlRow) => T,
  ): Promise<T[]> => {
    const rows = await db.read(
      sql`SELECT * FROM ${sql.identifier(table)} ${where(filters)}
          ORDER BY ${sql.identifier(timeColumn)} DESC, id DESC LIMIT ${limitOf(limit)}`,
    );
    return rows.map(fromRow);
  };
  /** The row with this store id, if the id is well formed and the row exists. */
  const byId = async (table: string, id: string) => {
    const key = parseStoreId(id);
    if (key === null) return undefined;
    return (await db.read(sql`SELECT * FROM ${sql.identifier(table)} WHERE id = ${key}`))[0];
  };
  return {
    insertAlert: (a) =>
      insertId(sql`INSERT INTO alerts (${sql.raw(alertColumns)}) VALUES (${paramList(alertValues(a))})`),
    updateAlert: (a) =>
      updateOne(
        'alert',
        requireId(a.id, 'alert'),
        sql`UPDATE alerts SET (${sql.raw(alertColumns)}) = (${paramList(alertValues(a))})`,
      ),
    async getAlert(id) {
      const row = await byId('alerts', id);
      return row ? alertFromRow(row) : null;
    },
    listAlerts: (f) =>
      newest('alerts', 'fired_at_ms', { service_id: f.serviceId, status: f.status }, f.limit, alertFromRow),

    async enqueueDeliveries(rows) {
      const ids: string[] = [];
      for (const d of rows) {
        assertTimeMs(d.createdMs, 'createdMs');
        ids.push(
          await insertId(
            sql`INSERT INTO deliveries
                  (channel_id, service_id, subject, message_json, created_ms, status, attempts, next_attempt_ms)
                VALUES (${paramList([d.channelId, d.serviceId, d.subject, d.messageJson, d.createdMs])},
                  'pending', 0, ${d.nextAttemptMs})`,
          ),
        );
      }
      return ids;
    },
    async claimDueDeliveries(nowMs, claimUntilMs, limit) {
      // The outer conditions repeat the inner ones: PostgreSQL re-checks them on a row another
      // transaction claimed meanwhile (READ COMMITTED), so each row goes to one claimer only.
      const due = sql`status = 'pending' AND next_attempt_ms <= ${nowMs}`;
      // Most passes find nothing due: a read says so without taking a write lock.
      if ((await db.read(sql`SELECT 1 AS due FROM deliveries WHERE ${due} LIMIT 1`)).length === 0) return [];
      const rows = await writeOne(
        db,
        sql`UPDATE deliveries SET next_attempt_ms = ${claimUntilMs} WHERE ${due}
              AND id IN (SELECT id FROM deliveries WHERE ${due} ORDER BY next_attempt_ms, id LIMIT ${limit})
            RETURNING *`,
      );
      // RETURNING keeps no order; ids grow with time.
      return rows.map(deliveryFromRow).sort((a, b) => Number(a.id) - Number(b.id));
    },
    updateDelivery: (d) =>
      updateOne(
        'delivery',
        requireId(d.id, 'delivery'),
        sql`UPDATE deliveries SET status = ${d.status}, attempts = ${d.attempts}, next_attempt_ms = ${d.nextAttemptMs},
              last_error = ${d.lastError}, sent_ms = ${d.sentMs}`,
      ),
    listDeliveries: (f) =>
      newest('deliveries', 'created_ms', { subject: f.subject, service_id: f.serviceId }, f.limit, deliveryFromRow),

    insertIncidentNote: (n) =>
      insertId(
        sql`INSERT INTO incident_notes (incident_id, time_ms, author, text, published_ms)
            VALUES (${paramList([requireId(n.incidentId, 'incident'), n.timeMs, n.author, n.text, n.publishedMs])})`,
      ),
    updateIncidentNote: (n) =>
      updateOne(
        'note',
        requireId(n.id, 'note'),
        sql`UPDATE incident_notes SET text = ${n.text}, published_ms = ${n.publishedMs}`,
      ),
    async listIncidentNotes(incidentId) {
      const key = parseStoreId(incidentId);
      if (key === null) return [];
      const rows = await db.read(sql`SELECT * FROM incident_notes WHERE incident_id = ${key} ORDER BY time_ms, id`);
      return rows.map(noteFromRow);
    },

    recordChange: (c) =>
      insertId(
        sql`INSERT INTO changes (time_ms, actor, entity, entity_id, action, detail_json)
            VALUES (${paramList([c.timeMs, c.actor, c.entity, c.entityId, c.action, JSON.stringify(c.detail)])})`,
      ),
    listChanges: (f) =>
      newest('changes', 'time_ms', { entity: f.entity, entity_id: f.entityId }, f.limit, changeFromRow),

    async findAlertmanagerIncident(fingerprint, startsAtMs) {
      const [row] = await db.read(
        sql`SELECT incident_id FROM alertmanager_incidents
            WHERE fingerprint = ${fingerprint} AND starts_at_ms = ${startsAtMs}`,
      );
      return row ? str(row.incident_id) : null;
    },
    async linkAlertmanagerIncident(fingerprint, startsAtMs, incidentId) {
      await writeOne(
        db,
        sql`INSERT INTO alertmanager_incidents (fingerprint, starts_at_ms, incident_id)
            VALUES (${fingerprint}, ${startsAtMs}, ${requireId(incidentId, 'incident')})`,
      );
    },
    async alertmanagerIncidentsOf(fingerprint) {
      const rows = await db.read(
        sql`SELECT a.incident_id FROM alertmanager_incidents a JOIN incidents i ON i.id = a.incident_id
            WHERE a.fingerprint = ${fingerprint} AND i.resolved_at_ms IS NULL ORDER BY a.starts_at_ms`,
      );
      return rows.map((r) => str(r.incident_id));
    },

    async getIncident(id) {
      const row = await byId('incidents', id);
      return row ? incidentFromRow(row as unknown as IncidentRow) : null;
    },
    async getMaintenance(id) {
      const row = await byId('maintenance', id);
      return row ? maintenanceFromRow(row as unknown as MaintenanceRow) : null;
    },
    updateMaintenance: (w) =>
      updateOne(
        'maintenance window',
        requireId(w.id, 'maintenance window'),
        sql`UPDATE maintenance SET (${sql.raw(maintenanceColumns)}) = (${paramList(maintenanceValues(w))})`,
      ),
  };
}
