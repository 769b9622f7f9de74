// The one storage interface (STYLE: gatus's Store). SQLite and PostgreSQL implement it and pass
// the same contract suite (test/db/store-contract.test.ts). Only DDL and a few statements differ.
import type { Check, Incident, Maintenance } from '../sla/model.ts';
import type { LocationSegment } from '../sla/segments.ts';
import type { CheckRollup } from '../sla/rollup.ts';

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

export interface Store {
  readonly dialect: StoreDialect;
  /** Runs fn in one transaction: all of its writes land, or none. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  // Raw checks (kept `retention.checks`).
  /** A check with the monitor, location and timeMs of a stored one replaces it. Latency is kept in whole ms (rounded). */
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
  putLocationState(row: LocationStateRow): Promise<void>;
  /** Deletes the location's segments with startMs ≥ fromMs, cuts one spanning fromMs at fromMs, inserts segments. */
  replaceSegments(monitorId: string, location: string, fromMs: number, segments: readonly LocationSegment[]): Promise<void>;
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
  /** The latest rollup hour of a monitor, or null. */
  latestRollupHourMs(monitorId: string): Promise<number | null>;

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

  // Small named values (slawatch's own liveness, job cursors).
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}
