// Rows as both dialects store them (snake_case columns, names as integer keys, times as integer
// epoch ms) and their mapping to the domain types. The SQL differs per dialect; this does not.
import type { Check, Incident, IncidentImpact, IncidentSource, Maintenance, MaintenanceKind } from '../sla/model.ts';
import { segmentStates, type LocationSegment, type SegmentState } from '../sla/segments.ts';
import type { CheckRollup } from './store.ts';
import { decodeLatencyCounts } from './latency-codec.ts';

export interface IncidentRow {
  id: number;
  service_id: string;
  started_at_ms: number;
  detected_at_ms: number | null;
  notified_at_ms: number | null;
  resolved_at_ms: number | null;
  impact: string;
  source: string;
  title: string;
  cause: string | null;
}

export interface MaintenanceRow {
  id: number;
  service_id: string;
  start_ms: number;
  end_ms: number;
  kind: string;
  announced_at_ms: number | null;
  title: string;
}

export interface CheckRow {
  monitor: number;
  location: number;
  time_ms: number;
  up: number | boolean;
  latency_ms: number | null;
  detail: string | null;
}

export interface SegmentRow {
  monitor: number;
  location: number;
  start_ms: number;
  end_ms: number;
  state: number;
  known_at_ms: number | null;
}

export interface RollupRow {
  monitor: number;
  hour_ms: number;
  up_count: number;
  down_count: number;
  latency: Uint8Array;
  first_up_ms: number | null;
  last_up_ms: number | null;
  max_up_gap_ms: number | null;
}

/** Times are stored as integers; a fractional or unsafe one is a programmer error. */
export function assertTimeMs(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer epoch ms, got ${value}`);
}

export function storedLatencyMs(latencyMs: number | null | undefined): number | null {
  return latencyMs === null || latencyMs === undefined ? null : Math.round(latencyMs);
}

export function checkFromRow(row: CheckRow, monitorId: string, location: string): Check {
  return {
    monitorId,
    location,
    timeMs: row.time_ms,
    status: row.up === true || row.up === 1 ? 'up' : 'down',
    latencyMs: row.latency_ms,
    detail: row.detail,
  };
}

export function segmentStateCode(state: SegmentState): number {
  const code = segmentStates.indexOf(state);
  if (code < 0) throw new RangeError(`unknown segment state ${String(state)}`);
  return code;
}

export function segmentStateOf(code: number): SegmentState {
  return segmentStates[code]!;
}

/** The stored columns of an incident, in the order incidentValues gives them. */
export const incidentColumns =
  'service_id, started_at_ms, detected_at_ms, notified_at_ms, resolved_at_ms, impact, source, title, cause';

/** The stored columns of an incident, in the order incidentColumns lists them. */
export function incidentValues(
  incident: Incident,
): [string, number, number | null, number | null, number | null, string, string, string, string | null] {
  assertTimeMs(incident.startedAtMs, 'startedAtMs');
  for (const [what, value] of [
    ['detectedAtMs', incident.detectedAtMs],
    ['notifiedAtMs', incident.notifiedAtMs],
    ['resolvedAtMs', incident.resolvedAtMs],
  ] as const) {
    if (value !== null) assertTimeMs(value, what);
  }
  return [
    incident.serviceId,
    incident.startedAtMs,
    incident.detectedAtMs,
    incident.notifiedAtMs,
    incident.resolvedAtMs,
    incident.impact,
    incident.source,
    incident.title,
    incident.cause ?? null,
  ];
}

export function incidentFromRow(row: IncidentRow): Incident {
  return {
    id: String(row.id),
    serviceId: row.service_id,
    startedAtMs: row.started_at_ms,
    detectedAtMs: row.detected_at_ms,
    notifiedAtMs: row.notified_at_ms,
    resolvedAtMs: row.resolved_at_ms,
    impact: row.impact as IncidentImpact,
    source: row.source as IncidentSource,
    title: row.title,
    cause: row.cause,
  };
}

/** The stored columns of a maintenance window, in the order maintenanceValues gives them. */
export const maintenanceColumns = 'service_id, start_ms, end_ms, kind, announced_at_ms, title';

export function maintenanceValues(window: Maintenance): [string, number, number, string, number | null, string] {
  assertTimeMs(window.startMs, 'startMs');
  assertTimeMs(window.endMs, 'endMs');
  if (window.announcedAtMs !== null) assertTimeMs(window.announcedAtMs, 'announcedAtMs');
  return [window.serviceId, window.startMs, window.endMs, window.kind, window.announcedAtMs, window.title];
}

export function maintenanceFromRow(row: MaintenanceRow): Maintenance {
  return {
    id: String(row.id),
    serviceId: row.service_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    kind: row.kind as MaintenanceKind,
    announcedAtMs: row.announced_at_ms,
    title: row.title,
  };
}

/** Store ids are the string form of a positive integer; anything else names no record. */
export function parseStoreId(id: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2_147_483_647 ? Number(id) : null;
}

/** Orders by monitor id, then location, then start, as plain code-unit comparison (dialect-independent). */
export function compareByMonitorLocationStart(
  a: { monitorId: string; location: string; startMs: number },
  b: { monitorId: string; location: string; startMs: number },
): number {
  if (a.monitorId !== b.monitorId) return a.monitorId < b.monitorId ? -1 : 1;
  if (a.location !== b.location) return a.location < b.location ? -1 : 1;
  return a.startMs - b.startMs;
}

/** replaceSegments gets the location's own segments, with integer times. */
export function assertSegments(monitorId: string, location: string, segments: readonly LocationSegment[]): void {
  for (const s of segments) {
    if (s.monitorId !== monitorId || s.location !== location) {
      throw new Error(`replaceSegments of ${monitorId}@${location} got a segment of ${s.monitorId}@${s.location}`);
    }
    assertTimeMs(s.startMs, 'startMs');
    assertTimeMs(s.endMs, 'endMs');
    if (s.knownAtMs !== undefined) assertTimeMs(s.knownAtMs, 'knownAtMs');
  }
}

export function segmentFromRow(row: SegmentRow, monitorId: string, location: string): LocationSegment {
  const segment: LocationSegment = {
    monitorId,
    location,
    startMs: row.start_ms,
    endMs: row.end_ms,
    state: segmentStateOf(row.state),
  };
  if (row.known_at_ms !== null) segment.knownAtMs = row.known_at_ms;
  return segment;
}

export function assertRollup(rollup: CheckRollup): void {
  assertTimeMs(rollup.hourMs, 'hourMs');
  for (const [what, count] of [
    ['upCount', rollup.upCount],
    ['downCount', rollup.downCount],
  ] as const) {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`${what} must be a non-negative integer, got ${count}`);
  }
  for (const [what, value] of [
    ['firstUpMs', rollup.firstUpMs],
    ['lastUpMs', rollup.lastUpMs],
    ['maxUpGapMs', rollup.maxUpGapMs],
  ] as const) {
    if (value !== null) assertTimeMs(value, what);
  }
}

export function rollupFromRow(row: RollupRow, monitorId: string): CheckRollup {
  return {
    monitorId,
    hourMs: row.hour_ms,
    upCount: row.up_count,
    downCount: row.down_count,
    latencyCounts: decodeLatencyCounts(row.latency),
    firstUpMs: row.first_up_ms,
    lastUpMs: row.last_up_ms,
    maxUpGapMs: row.max_up_gap_ms,
  };
}

export function compareByMonitorHour(a: CheckRollup, b: CheckRollup): number {
  if (a.monitorId !== b.monitorId) return a.monitorId < b.monitorId ? -1 : 1;
  return a.hourMs - b.hourMs;
}
