// The part of the Store whose SQL is the same on both dialects, written once over the portable
// seam (portable-sql.ts): incidents, maintenance windows, check sheets, frozen months and their
// changes, meta, the single-location check reads, and the comms, security and job-run records.
// Each dialect's session extends this class and says only how a statement runs; what truly
// differs (bulk writes, locks, loose index scans over several monitors) stays in its folder.
import { type SQL, sql } from 'drizzle-orm';
import type { Check, Incident, Maintenance } from '../sla/model.ts';
import { createCommsStore, type CommsStore } from './comms-store.ts';
import { createJobRuns, type JobRuns } from './job-runs.ts';
import { paramList, type PortableDb, type RunSql, type SqlRow, str, writeOne } from './portable-sql.ts';
import {
  type CheckRow,
  checkFromRow,
  type IncidentRow,
  incidentColumns,
  incidentFromRow,
  incidentValues,
  type MaintenanceRow,
  maintenanceColumns,
  maintenanceFromRow,
  maintenanceValues,
  parseStoreId,
} from './rows.ts';
import { createSecurityStore, type SecurityStore } from './security-store.ts';
import { frozenMonthFromRow, monthChangeFromRow, sheetFromRow } from './sheet-rows.ts';
import type { FrozenMonthRow, LocationStateRow, MonthChangeRow, StoredSheet } from './store.ts';

/**
 * A name's key in the names dictionary, looked up inside the statement: a name never stored
 * gives NULL, which matches no row, and the statement stays one round trip.
 */
const keyOf = (name: string): SQL => sql`(SELECT id FROM names WHERE name = ${name})`;

/** Rows of one monitor location's checks, by the location's names. */
const checksOf = (monitorId: string, location: string): SQL =>
  sql`checks WHERE monitor = ${keyOf(monitorId)} AND location = ${keyOf(location)}`;

export abstract class PortableStore {
  /** The seam the statements below run through (db/ and its tests; not part of Store). */
  readonly portable: PortableDb = {
    read: (query) => this.readSql(query),
    write: (fn) => this.writeSql(fn),
  };

  readonly comms: CommsStore = createCommsStore(this.portable);

  readonly security: SecurityStore = createSecurityStore(this.portable);

  readonly jobRuns: JobRuns = createJobRuns(this.portable);

  /** Runs a read statement (see PortableDb.read). */
  protected abstract readSql(query: SQL): Promise<SqlRow[]>;

  /** Runs fn's statements as one unit (see PortableDb.write). */
  protected abstract writeSql<T>(fn: (run: RunSql) => Promise<T>): Promise<T>;

  abstract getLocationStates(keys: readonly { monitorId: string; location: string }[]): Promise<LocationStateRow[]>;

  /** The statement's rows as the row type its columns make. */
  private async readRows<R>(query: SQL): Promise<R[]> {
    return (await this.portable.read(query)) as R[];
  }

  /**
   * Inserts the rows in one unit and gives their new ids in the same order: one statement per row,
   * as the RETURNING rows of a many-row insert come in no promised order.
   */
  private insertAll(table: string, columns: string, rows: readonly (readonly unknown[])[]): Promise<string[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.portable.write(async (run) => {
      const ids: string[] = [];
      for (const values of rows) {
        const [row] = await run(
          sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns)}) VALUES (${paramList(values)}) RETURNING id`,
        );
        ids.push(str(row!.id));
      }
      return ids;
    });
  }

  // Raw checks of one monitor location.

  async listChecks(
    monitorId: string,
    location: string,
    fromMs: number,
    toMs: number,
    limit?: number,
  ): Promise<Check[]> {
    const rows = await this.readRows<CheckRow>(
      sql`SELECT time_ms, up, latency_ms, detail FROM ${checksOf(monitorId, location)}
          AND time_ms >= ${fromMs} AND time_ms < ${toMs}
          ORDER BY time_ms ${limit === undefined ? sql.empty() : sql`LIMIT ${limit}`}`,
    );
    return rows.map((row) => checkFromRow(row, monitorId, location));
  }

  async latestUpCheckBefore(monitorId: string, location: string, beforeMs: number): Promise<Check | null> {
    // `up` is 0/1 on SQLite and a boolean on PostgreSQL; both take it as the condition.
    const [row] = await this.readRows<CheckRow>(
      sql`SELECT time_ms, up, latency_ms, detail FROM ${checksOf(monitorId, location)}
          AND time_ms < ${beforeMs} AND up ORDER BY time_ms DESC LIMIT 1`,
    );
    return row ? checkFromRow(row, monitorId, location) : null;
  }

  async earliestCheckMs(monitorId: string, location: string): Promise<number | null> {
    // The first row by the key, not min(): PostgreSQL reads min() over every row of the location
    // when the keys come from a subquery.
    const [first] = await this.listChecks(monitorId, location, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1);
    return first?.timeMs ?? null;
  }

  async getLocationState(monitorId: string, location: string): Promise<LocationStateRow | null> {
    return (await this.getLocationStates([{ monitorId, location }]))[0] ?? null;
  }

  async lastUpBefore(monitorId: string, beforeMs: number): Promise<number | null> {
    const [row] = await this.readRows<{ last_up_ms: number }>(
      sql`SELECT last_up_ms FROM rollups
          WHERE monitor = ${keyOf(monitorId)} AND hour_ms < ${beforeMs} AND last_up_ms IS NOT NULL
          ORDER BY hour_ms DESC LIMIT 1`,
    );
    return row?.last_up_ms ?? null;
  }

  // Incidents.

  async insertIncidents(incidents: readonly Incident[]): Promise<string[]> {
    return this.insertAll('incidents', incidentColumns, incidents.map(incidentValues));
  }

  async updateIncident(incident: Incident & { id: string }): Promise<void> {
    const values = incidentValues(incident);
    const id = parseStoreId(incident.id);
    const rows =
      id === null
        ? []
        : await writeOne(
            this.portable,
            sql`UPDATE incidents SET (${sql.raw(incidentColumns)}) = (${paramList(values)})
                WHERE id = ${id} RETURNING id`,
          );
    if (rows.length === 0) throw new Error(`no incident has id ${incident.id}`);
  }

  async deleteIncidents(ids: readonly string[]): Promise<void> {
    const keys = ids.map(parseStoreId).filter((id): id is number => id !== null);
    if (keys.length === 0) return;
    // One statement per 500 ids: well under either dialect's limit on bound parameters.
    await this.portable.write(async (run) => {
      for (let i = 0; i < keys.length; i += 500) {
        await run(sql`DELETE FROM incidents WHERE id IN (${paramList(keys.slice(i, i + 500))})`);
      }
    });
  }

  async listIncidents(serviceId: string, fromMs: number, toMs: number): Promise<Incident[]> {
    const rows = await this.readRows<IncidentRow>(
      sql`SELECT * FROM incidents WHERE service_id = ${serviceId} AND started_at_ms < ${toMs}
            AND (resolved_at_ms IS NULL OR resolved_at_ms > ${fromMs} OR started_at_ms >= ${fromMs})
          ORDER BY started_at_ms, id`,
    );
    return rows.map(incidentFromRow);
  }

  // Maintenance windows.

  async insertMaintenance(windows: readonly Maintenance[]): Promise<string[]> {
    return this.insertAll('maintenance', maintenanceColumns, windows.map(maintenanceValues));
  }

  async listMaintenance(serviceId: string, fromMs: number, toMs: number): Promise<Maintenance[]> {
    const rows = await this.readRows<MaintenanceRow>(
      sql`SELECT * FROM maintenance WHERE service_id = ${serviceId} AND start_ms < ${toMs}
            AND (end_ms > ${fromMs} OR start_ms >= ${fromMs})
          ORDER BY start_ms, id`,
    );
    return rows.map(maintenanceFromRow);
  }

  // Check sheets and frozen months.

  async putSheet(s: StoredSheet): Promise<void> {
    await writeOne(
      this.portable,
      sql`INSERT INTO sheets (service_id, file_name, format, imported_at_ms, sheet_json, claims_json)
          VALUES (${paramList([s.serviceId, s.fileName, s.format, s.importedAtMs, s.sheetJson, s.claimsJson])})
          ON CONFLICT (service_id) DO UPDATE SET file_name = excluded.file_name, format = excluded.format,
            imported_at_ms = excluded.imported_at_ms, sheet_json = excluded.sheet_json,
            claims_json = excluded.claims_json`,
    );
  }

  async getSheet(serviceId: string): Promise<StoredSheet | null> {
    const [row] = await this.portable.read(sql`SELECT * FROM sheets WHERE service_id = ${serviceId}`);
    return row ? sheetFromRow(row) : null;
  }

  async putFrozenMonth(m: FrozenMonthRow): Promise<void> {
    await writeOne(
      this.portable,
      sql`INSERT INTO frozen_months (service_id, month_start_ms, month_end_ms, frozen_at_ms, snapshot_json)
          VALUES (${paramList([m.serviceId, m.monthStartMs, m.monthEndMs, m.frozenAtMs, m.snapshotJson])})
          ON CONFLICT (service_id, month_start_ms) DO UPDATE SET month_end_ms = excluded.month_end_ms,
            frozen_at_ms = excluded.frozen_at_ms, snapshot_json = excluded.snapshot_json`,
    );
  }

  async listFrozenMonths(serviceId: string, fromMs: number, toMs: number): Promise<FrozenMonthRow[]> {
    const rows = await this.monthRows('frozen_months', serviceId, fromMs, toMs, 'month_start_ms');
    return rows.map(frozenMonthFromRow);
  }

  async insertMonthChange(c: MonthChangeRow): Promise<void> {
    const values = [c.serviceId, c.monthStartMs, c.changedAtMs, c.actor, c.reason, c.change, c.beforeJson, c.afterJson];
    await writeOne(
      this.portable,
      sql`INSERT INTO month_changes
            (service_id, month_start_ms, changed_at_ms, actor, reason, change, before_json, after_json)
          VALUES (${paramList(values)})`,
    );
  }

  async listMonthChanges(serviceId: string, fromMs: number, toMs: number): Promise<MonthChangeRow[]> {
    // By id: in the order the changes were made.
    const rows = await this.monthRows('month_changes', serviceId, fromMs, toMs, 'id');
    return rows.map(monthChangeFromRow);
  }

  /** A service's rows of a table keyed by month, with fromMs ≤ month_start_ms < toMs. */
  private monthRows(
    table: 'frozen_months' | 'month_changes',
    serviceId: string,
    fromMs: number,
    toMs: number,
    orderBy: 'month_start_ms' | 'id',
  ): Promise<SqlRow[]> {
    return this.portable.read(
      sql`SELECT * FROM ${sql.identifier(table)}
          WHERE service_id = ${serviceId} AND month_start_ms >= ${fromMs} AND month_start_ms < ${toMs}
          ORDER BY ${sql.identifier(orderBy)}`,
    );
  }

  // Meta.

  async getMeta(key: string): Promise<string | null> {
    const [row] = await this.portable.read(sql`SELECT value FROM meta WHERE key = ${key}`);
    return row ? str(row.value) : null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await writeOne(
      this.portable,
      sql`INSERT INTO meta (key, value) VALUES (${key}, ${value})
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }
}
