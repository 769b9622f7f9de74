// A row of an incidents import (SPEC §5): `service,started_at,detected_at,notified_at,resolved_at,
// impact,title`. Imported incidents are a person's record: they count in full as downtime
// (SPEC §2.7), so their times must at least be in order.

import { type Incident, incidentImpacts } from '../../sla/model.ts';
import { FieldProblem, readChoice, readServiceId, readText, readTimeMs, rejectRow } from './fields.ts';
import type { ImportCell, ImportContext, ImportRecord, RowParser, RowResult } from './row-parser.ts';

export function parseIncidentRow(record: ImportRecord, ctx: ImportContext): RowResult<Incident> {
  const serviceId = readServiceId(record.service, ctx);
  const startedAtMs = readTimeMs(record.started_at, 'started_at', true);
  const detectedAtMs = notBefore(record.detected_at, 'detected_at', startedAtMs);
  const notifiedAtMs = notBefore(record.notified_at, 'notified_at', startedAtMs);
  const resolvedAtMs = after(record.resolved_at, 'resolved_at', startedAtMs);
  const impact = readChoice(record.impact, 'impact', incidentImpacts, 'outage');
  const title = readText(record.title, 'title');
  if (
    serviceId instanceof FieldProblem ||
    startedAtMs instanceof FieldProblem ||
    detectedAtMs instanceof FieldProblem ||
    notifiedAtMs instanceof FieldProblem ||
    resolvedAtMs instanceof FieldProblem ||
    impact instanceof FieldProblem ||
    title instanceof FieldProblem
  ) {
    return rejectRow([serviceId, startedAtMs, detectedAtMs, notifiedAtMs, resolvedAtMs, impact, title]);
  }
  const value: Incident = {
    serviceId,
    startedAtMs,
    detectedAtMs,
    notifiedAtMs,
    resolvedAtMs,
    impact,
    source: 'import',
    title,
  };
  return { ok: true, value };
}

export const incidentRow = {
  columns: ['service', 'started_at', 'detected_at', 'notified_at', 'resolved_at', 'impact', 'title'],
  requiredColumns: ['service', 'started_at', 'title'],
  parseRow: parseIncidentRow,
} as const satisfies RowParser<Incident>;

/** An incident cannot be detected or notified before it started. */
function notBefore(cell: ImportCell, column: string, startedAtMs: number | FieldProblem): number | null | FieldProblem {
  const timeMs = readTimeMs(cell, column, false);
  if (typeof timeMs === 'number' && typeof startedAtMs === 'number' && timeMs < startedAtMs) {
    return new FieldProblem(`${column} is before started_at`);
  }
  return timeMs;
}

/** A resolved incident lasted some time: resolved_at = started_at would be a zero-length outage. */
function after(cell: ImportCell, column: string, startedAtMs: number | FieldProblem): number | null | FieldProblem {
  const timeMs = readTimeMs(cell, column, false);
  if (typeof timeMs === 'number' && typeof startedAtMs === 'number' && timeMs <= startedAtMs) {
    return new FieldProblem(`${column} must be after started_at`);
  }
  return timeMs;
}
