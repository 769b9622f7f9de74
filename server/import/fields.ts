// Cell readers shared by the row parsers. Each returns the value or a `FieldProblem`, so a row
// can report every bad cell at once ("time …; status …") instead of stopping at the first.

import { parseIsoTimeMs } from './iso-time.ts';
import type { ImportCell, ImportContext } from './row-parser.ts';

export class FieldProblem {
  constructor(readonly reason: string) {}
}

export function isBlank(cell: ImportCell): cell is '' | null | undefined {
  return cell === undefined || cell === null || cell === '';
}

/** A cell as it appears in a reason: quoted when a string, so stray spaces show. */
export function showCell(cell: ImportCell): string {
  return JSON.stringify(cell);
}

/** An ISO 8601 time with offset, as epoch ms; blank gives null when optional. */
export function readTimeMs(cell: ImportCell, column: string, required: true): number | FieldProblem;
export function readTimeMs(cell: ImportCell, column: string, required: false): number | null | FieldProblem;
export function readTimeMs(cell: ImportCell, column: string, required: boolean): number | null | FieldProblem {
  if (isBlank(cell)) return required ? new FieldProblem(`${column} is required`) : null;
  if (typeof cell !== 'string') {
    return new FieldProblem(`${column} ${showCell(cell)} must be an ISO 8601 date-time string`);
  }
  const ms = parseIsoTimeMs(cell);
  return typeof ms === 'number' ? ms : new FieldProblem(`${column} ${showCell(cell)} ${ms}`);
}

/** One of `allowed`; blank gives `fallback`, or is a problem when there is none. */
export function readChoice<T extends string>(
  cell: ImportCell,
  column: string,
  allowed: readonly T[],
  fallback?: T,
): T | FieldProblem {
  if (isBlank(cell)) return fallback ?? new FieldProblem(`${column} is required (${orList(allowed)})`);
  if (allowed.includes(cell as T)) return cell as T;
  return new FieldProblem(`${column} ${showCell(cell)} must be ${orList(allowed)}`);
}

/** Free text that must not be blank, trimmed. */
export function readText(cell: ImportCell, column: string): string | FieldProblem {
  const text = typeof cell === 'number' ? String(cell) : (cell ?? '').trim();
  return text === '' ? new FieldProblem(`${column} is required`) : text;
}

/** A service id from the config (SPEC §5: ids are unique across the whole file). */
export function readServiceId(cell: ImportCell, ctx: ImportContext): string | FieldProblem {
  if (isBlank(cell)) return new FieldProblem('service is required');
  if (typeof cell === 'string' && ctx.serviceIds.has(cell)) return cell;
  return new FieldProblem(`service ${showCell(cell)} is not a configured service`);
}

/** `a, b or c` */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A rejected row: every problem among `cells`, in column order, joined into one reason. */
export function rejectRow(cells: readonly unknown[]): { ok: false; reason: string } {
  const reasons = cells.filter((cell): cell is FieldProblem => cell instanceof FieldProblem);
  return { ok: false, reason: reasons.map((p) => p.reason).join('; ') };
}
