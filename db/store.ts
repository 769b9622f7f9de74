// The one storage interface (STYLE: gatus's Store). SQLite and PostgreSQL implement it and pass
// the same contract suite (test/db/store-contract.test.ts). Only DDL and a few statements differ.
import type { Check, Incident, Maintenance } from '../sla/model.ts';
import type { LocationSegment } from '../sla/segments.ts';
import type { CheckRollup } from '../sla/rollup.ts';
import type { SecurityStore } from './security-store.ts';
import type { CommsStore } from './comms-store.ts';
import type { JobRuns } from './job-runs.ts';

export type { CheckRollup };

export const storeDialects = ['sqlite', 'postgres'] as const;
export type StoreDialect = (typeof storeDialects)[number];

/** Rollups summed over monitors and hours (Store.sumRollups). */
export interface RollupSum {
  upCount: number;
  downCount: number;
  /** latency ms → count, ascending by latency. */
  latencyCounts: Map<number, number>;
}

/** A monitor location's evaluation state after its last check (sla/location-fold.ts), as JSON. */
export interface LocationStateRow {
  monitorId: string;
  location: string;
  lastCheckMs: number;
  stateJson: string;
}

/** One location's rewritten timeline tail (replaceSegments from fromMs) and its new fold state. */
export interface TimelineUpdate {
  fromMs: number;
  segments: readonly LocationSegment[];
  state: LocationStateRow;
}

/** The check sheet last imported for a service. */
export interface StoredSheet {
  serviceId: string;
  fileName: string;
  format: string;
  importedAtMs: number;
  /** server/sheets/read-sheet.ts's Sheet, as JSON. */
  sheetJson: string;
  /** server/sheets/extract-claims.ts's SheetClaim[], as JSON. */
  claimsJson: string;
}

/** A closed month's stored figures (sla/month-snapshot.ts's MonthSnapshot as JSON). */
export interface FrozenMonthRow {
  serviceId: string;
  monthStartMs: number;
  monthEndMs: number;
  frozenAtMs: number;
  snapshotJson: string;
}

/** One change to a closed month: who, what, why, and its snapshot before and after. */
export interface MonthChangeRow {
  serviceId: string;
  monthStartMs: number;
  changedAtMs: number;
  actor: string;
  reason: string;
  change: string;
  beforeJson: string | null;
  afterJson: string;
}

export interface Store {
  readonly dialect: StoreDialect;
  /** Accounts, sessions, API tokens, lockout and the audit log (db/security-store.ts), in this store's transaction. */
  readonly security: SecurityStore;
  /** Alerts, deliveries, incident notes, change records (db/comms-store.ts), in this store's transaction. */
  readonly comms: CommsStore;
  /** The ticks of scheduled jobs several processes share (db/job-runs.ts). */
  readonly jobRuns: JobRuns;
  /** Runs fn in one transaction: all of its writes land, or none. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * On the tx of a transaction: waits until no other transaction holds any of these services and
   * holds them until this one ends. Every transaction that writes a service's derived records
   * (timelines, rollups, probe incidents) or a person's change to its incidents takes it first,
   * so processes sharing the store never overwrite each other's reads. SQLite's write
   * transactions are exclusive already; PostgreSQL takes transaction-scoped advisory locks.
   */
  lockServices(serviceIds: Iterable<string>): Promise<void>;
  close(): Promise<void>;

  // Raw checks (kept `retention.checks`).
  /**
   * A check with the monitor, location and timeMs of a stored one replaces it. Latency is kept in
   * whole ms (rounded).
   */
  insertChecks(checks: readonly Check[]): Promise<void>;
  /** Checks of one monitor location with fromMs ≤ timeMs < toMs, oldest first; at most `limit` of them. */
  listChecks(monitorId: string, location: string, fromMs: number, toMs: number, limit?: number): Promise<Check[]>;
  /** Checks of several monitors (all locations) with fromMs ≤ timeMs < toMs, oldest first. */
  listMonitorChecks(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<Check[]>;
  /** The latest `up` check of a monitor location strictly before beforeMs. */
  latestUpCheckBefore(monitorId: string, location: string, beforeMs: number): Promise<Check | null>;
  earliestCheckMs(monitorId: string, location: string): Promise<number | null>;
  /** Deletes raw checks older than beforeMs whose hour has a rollup. Returns how many went. */
  pruneChecks(beforeMs: number): Promise<number>;

  // Location timelines (kept forever).
  getLocationState(monitorId: string, location: string): Promise<LocationStateRow | null>;
  /** The saved states of several monitor locations at once (those that have one). */
  getLocationStates(keys: readonly { monitorId: string; location: string }[]): Promise<LocationStateRow[]>;
  putLocationState(row: LocationStateRow): Promise<void>;
  /** Deletes the location's segments with startMs ≥ fromMs, cuts one spanning fromMs at fromMs, inserts segments. */
  replaceSegments(
    monitorId: string,
    location: string,
    fromMs: number,
    segments: readonly LocationSegment[],
  ): Promise<void>;
  /**
   * Many locations' replaceSegments and putLocationState at once, as a flush needs them: the same
   * result as those calls one by one, in a few statements.
   */
  writeTimelines(updates: readonly TimelineUpdate[]): Promise<void>;
  /** Segments of these monitors that overlap [fromMs, toMs), ordered by monitor, location, startMs. */
  listSegments(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<LocationSegment[]>;
  /** Each monitor's first segment start (its first check), for monitors that have one. */
  firstSegmentStarts(monitorIds: readonly string[]): Promise<Map<string, number>>;

  // Rollups (kept forever).
  upsertRollups(rollups: readonly CheckRollup[]): Promise<void>;
  /** Rollups of these monitors with fromMs ≤ hourMs < toMs. */
  listRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<CheckRollup[]>;
  /** The last up check time of a monitor before beforeMs, from rollups of hours starting before it. */
  lastUpBefore(monitorId: string, beforeMs: number): Promise<number | null>;
  /**
   * The sum of these monitors' rollups with fromMs ≤ hourMs < toMs; equal to summing listRollups, but
   * whole UTC days come from a daily aggregate that upsertRollups keeps, so a year costs little.
   */
  sumRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<RollupSum>;
  /** Each monitor's latest rollup (its latest hour), for monitors that have one. */
  latestRollups(monitorIds: readonly string[]): Promise<Map<string, CheckRollup>>;

  // Incidents (kept forever). ids are assigned by the store (string form of an integer).
  insertIncidents(incidents: readonly Incident[]): Promise<string[]>;
  updateIncident(incident: Incident & { id: string }): Promise<void>;
  deleteIncidents(ids: readonly string[]): Promise<void>;
  /** Incidents of a service that overlap [fromMs, toMs) or start in it (open ones count as running on). */
  listIncidents(serviceId: string, fromMs: number, toMs: number): Promise<Incident[]>;

  // Maintenance windows (kept forever).
  insertMaintenance(windows: readonly Maintenance[]): Promise<string[]>;
  /** Windows of a service that overlap [fromMs, toMs) or start in it. */
  listMaintenance(serviceId: string, fromMs: number, toMs: number): Promise<Maintenance[]>;

  // ---- check sheets and frozen months ----
  /** Replaces the service's stored sheet. */
  putSheet(sheet: StoredSheet): Promise<void>;
  getSheet(serviceId: string): Promise<StoredSheet | null>;
  /** Stores or replaces the month's snapshot (keyed by service and month start). */
  putFrozenMonth(row: FrozenMonthRow): Promise<void>;
  /** Frozen months of a service with fromMs ≤ monthStartMs < toMs, oldest first. */
  listFrozenMonths(serviceId: string, fromMs: number, toMs: number): Promise<FrozenMonthRow[]>;
  insertMonthChange(row: MonthChangeRow): Promise<void>;
  /** Changes to months of a service with fromMs ≤ monthStartMs < toMs, in the order they were made. */
  listMonthChanges(serviceId: string, fromMs: number, toMs: number): Promise<MonthChangeRow[]>;

  // Small named values (slawatch's own liveness, job cursors).
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}
