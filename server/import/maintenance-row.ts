// A row of a maintenance import (SPEC §5): `service,start,end,kind,announced_at,title`.
// `announced_at` is when customers were told; SPEC §2.6 measures the notice from it.

import { type Maintenance, maintenanceKinds } from '../../sla/model.ts';
import { FieldProblem, readChoice, readServiceId, readText, readTimeMs, rejectRow } from './fields.ts';
import type { ImportContext, ImportRecord, RowParser, RowResult } from './row-parser.ts';

export function parseMaintenanceRow(record: ImportRecord, ctx: ImportContext): RowResult<Maintenance> {
  const serviceId = readServiceId(record.service, ctx);
  const startMs = readTimeMs(record.start, 'start', true);
  let endMs = readTimeMs(record.end, 'end', true);
  if (typeof startMs === 'number' && typeof endMs === 'number' && endMs <= startMs) {
    endMs = new FieldProblem('end must be after start');
  }
  const kind = readChoice(record.kind, 'kind', maintenanceKinds);
  const announcedAtMs = readTimeMs(record.announced_at, 'announced_at', false);
  const title = readText(record.title, 'title');
  if (
    serviceId instanceof FieldProblem ||
    startMs instanceof FieldProblem ||
    endMs instanceof FieldProblem ||
    kind instanceof FieldProblem ||
    announcedAtMs instanceof FieldProblem ||
    title instanceof FieldProblem
  ) {
    return rejectRow([serviceId, startMs, endMs, kind, announcedAtMs, title]);
  }
  return { ok: true, value: { serviceId, startMs, endMs, kind, announcedAtMs, title } };
}

export const maintenanceRow = {
  columns: ['service', 'start', 'end', 'kind', 'announced_at', 'title'],
  requiredColumns: ['service', 'start', 'end', 'kind', 'title'],
  parseRow: parseMaintenanceRow,
} as const satisfies RowParser<Maintenance>;
