// The period a page or API request is about, from its query: `?period=2025`, `2025-Q2`, `2025-05`,
// or `?from=…&to=…` (dates `2025-04-01`, cut at local midnight in the service's timezone, or ISO
// instants with an offset; `to` is exclusive, SPEC §2.7). Without either: `current` — each claim
// over its own current period (its year, quarter, month or rolling window, as /metrics and the
// alerts see it), and the current year for figures, charts and records.
// The selection is independent of timezone — the overview cuts it in each service's own zone.
import { DateTime } from 'luxon';
import { parsePeriodLabel } from '../../sla/periods.ts';

export type PeriodSelection =
  | { kind: 'year' | 'quarter' | 'month'; label: string }
  | { kind: 'range'; from: string; to: string; label: string }
  /** No period asked for: claims over their own current periods; `label` is the current year. */
  | { kind: 'current'; label: string };

export interface PeriodQuery {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type PeriodParse = { ok: true; selection: PeriodSelection; explicit: boolean } | { ok: false; message: string };

/** Longest custom range: bounds the cost of one request. */
export const maxRangeDays = 5 * 366 + 1;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

export function currentYearSelection(nowMs: number, timezone: string): PeriodSelection {
  const year = DateTime.fromMillis(nowMs, { zone: timezone }).year;
  return { kind: 'current', label: String(year) };
}

export function parsePeriodQuery(query: PeriodQuery, nowMs: number, timezone: string): PeriodParse {
  const { period, from, to } = query;
  if (period !== undefined && period !== '') {
    if (from || to) return { ok: false, message: 'give either period= or from= and to=, not both' };
    try {
      const p = parsePeriodLabel(period, 'UTC');
      const kind = /Q/i.test(p.label) ? 'quarter' : p.label.length === 4 ? 'year' : 'month';
      return { ok: true, explicit: true, selection: { kind, label: p.label } };
    } catch (error) {
      return { ok: false, message: `period: ${(error as Error).message}` };
    }
  }
  if (from || to) {
    if (!from || !to) return { ok: false, message: 'from= and to= go together' };
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (instantOf(value, 'UTC') === null)
        return {
          ok: false,
          message: `${name}: "${value}" is neither a date (2025-04-01) nor an ISO instant with an offset`,
        };
    }
    const selection: PeriodSelection = { kind: 'range', from, to, label: `${from} – ${to}` };
    const { fromMs, toMs } = resolvePeriod(selection, timezone);
    if (toMs <= fromMs) return { ok: false, message: `to (${to}) must be after from (${from})` };
    if (toMs - fromMs > maxRangeDays * 86_400_000)
      return { ok: false, message: `a range may span at most ${maxRangeDays} days` };
    return { ok: true, explicit: true, selection };
  }
  return { ok: true, explicit: false, selection: currentYearSelection(nowMs, timezone) };
}

// Timezone arithmetic is the dearest part of an overview of hundreds of services: remember it.
const resolved = new Map<string, { fromMs: number; toMs: number }>();
const resolvedKept = 10_000;

/** The instants [fromMs, toMs) of a selection in a timezone. */
export function resolvePeriod(selection: PeriodSelection, timezone: string): { fromMs: number; toMs: number } {
  const key =
    selection.kind === 'range' ? `${selection.from}|${selection.to}|${timezone}` : `${selection.label}|${timezone}`;
  const known = resolved.get(key);
  if (known) return { ...known };
  let period: { fromMs: number; toMs: number };
  if (selection.kind === 'range') {
    period = { fromMs: instantOf(selection.from, timezone)!, toMs: instantOf(selection.to, timezone)! };
  } else {
    const { fromMs, toMs } = parsePeriodLabel(selection.label, timezone);
    period = { fromMs, toMs };
  }
  if (resolved.size >= resolvedKept) resolved.clear();
  resolved.set(key, period);
  return { ...period };
}

/** The query parameters that carry a selection, for links that keep it. */
export function periodParams(selection: PeriodSelection): Record<string, string> {
  if (selection.kind === 'current') return {};
  return selection.kind === 'range' ? { from: selection.from, to: selection.to } : { period: selection.label };
}

function instantOf(text: string, timezone: string): number | null {
  if (dateOnly.test(text)) {
    const local = DateTime.fromISO(text, { zone: timezone });
    return local.isValid ? local.toMillis() : null;
  }
  // An instant must say its offset: a bare local time would be ambiguous across services.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const instant = DateTime.fromISO(text, { setZone: true });
  return instant.isValid ? instant.toMillis() : null;
}
