// A row of a checks import (SPEC §5): `time,monitor,status,latency_ms,location`. An imported check
// is the same `Check` a live probe records (SPEC §2: one code path for live and imported data).

import { type Check, type CheckStatus, defaultLocation } from '../../sla/model.ts';
import { FieldProblem, isBlank, orList, readTimeMs, rejectRow, showCell } from './fields.ts';
import type { ImportCell, ImportContext, ImportRecord, RowParser, RowResult } from './row-parser.ts';

export function parseCheckRow(record: ImportRecord, ctx: ImportContext): RowResult<Check> {
  const timeMs = readTimeMs(record.time, 'time', true);
  const monitorId = readMonitorId(record.monitor, ctx);
  const status = readStatus(record.status);
  const latencyMs = readLatencyMs(record.latency_ms);
  const location = monitorId instanceof FieldProblem ? null : readLocation(record.location, monitorId, ctx);
  if (
    timeMs instanceof FieldProblem ||
    monitorId instanceof FieldProblem ||
    status instanceof FieldProblem ||
    latencyMs instanceof FieldProblem ||
    location === null ||
    location instanceof FieldProblem
  ) {
    return rejectRow([timeMs, monitorId, status, latencyMs, location]);
  }
  return { ok: true, value: { monitorId, location, timeMs, status, latencyMs } };
}

export const checkRow = {
  columns: ['time', 'monitor', 'status', 'latency_ms', 'location'],
  requiredColumns: ['time', 'monitor', 'status'],
  parseRow: parseCheckRow,
} as const satisfies RowParser<Check>;

function readMonitorId(cell: ImportCell, ctx: ImportContext): string | FieldProblem {
  if (isBlank(cell)) return new FieldProblem('monitor is required');
  if (typeof cell === 'string' && ctx.monitors.has(cell)) return cell;
  return new FieldProblem(`monitor ${showCell(cell)} is not a configured monitor`);
}

/** `up`/`down`, or `1`/`0` as exported by tools that store a success flag (Prometheus probe_success). */
function readStatus(cell: ImportCell): CheckStatus | FieldProblem {
  if (cell === 'up' || cell === '1' || cell === 1) return 'up';
  if (cell === 'down' || cell === '0' || cell === 0) return 'down';
  if (isBlank(cell)) return new FieldProblem('status is required (up, down, 1 or 0)');
  return new FieldProblem(`status ${showCell(cell)} must be up, down, 1 or 0`);
}

/** Empty is allowed for any status (a down probe often has no latency; old exports may lack it). */
function readLatencyMs(cell: ImportCell): number | null | FieldProblem {
  if (isBlank(cell)) return null;
  const ms = typeof cell === 'number' ? cell : parseDecimal(cell);
  if (ms >= 0 && Number.isFinite(ms)) return ms;
  return new FieldProblem(`latency_ms ${showCell(cell)} must be a non-negative number`);
}

/** Plain decimal notation only (`12`, `12.5`): Number() would also take `0x1f`, `1e3` and ` 7`. */
function parseDecimal(text: string): number {
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) return Number.NaN;
  }
  return dots > 1 || text === '.' ? Number.NaN : Number(text);
}

/**
 * Blank means the monitor's only location: the one configured, or the server's own
 * (`defaultLocation`) when none is. A monitor probed from several places needs it named.
 */
function readLocation(cell: ImportCell, monitorId: string, ctx: ImportContext): string | FieldProblem {
  const configured = ctx.monitors.get(monitorId)?.locations ?? [];
  if (isBlank(cell)) {
    if (configured.length === 0) return defaultLocation;
    if (configured.length === 1) return configured[0]!;
    return new FieldProblem(`location is required for monitor "${monitorId}" (${orList(configured)})`);
  }
  if (configured.length === 0 ? cell === defaultLocation : configured.includes(cell as string)) {
    return cell as string;
  }
  const known = configured.length === 0 ? [defaultLocation] : configured;
  return new FieldProblem(`location ${showCell(cell)} is not a location of monitor "${monitorId}" (${orList(known)})`);
}
