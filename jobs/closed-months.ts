// A person's change to an incident or maintenance window of a closed month ("frozen
// months"), as the CLI import does it: refused without a reason, so no stored month changes
// silently; with one, the touched months are measured again in the change's transaction and the
// change is recorded with who, what and why (pipeline/frozen-months.ts `month_changes`).
import { DateTime } from 'luxon';
import { frozenMonthsTouched, refreezeMonths } from '../pipeline/frozen-months.ts';
import type { FrozenMonthRow, Store } from '../db/store.ts';
import type { Incident, Maintenance, ServiceSpec } from '../sla/model.ts';

/** Instants a change touches, [fromMs, toMs). */
export interface Span {
  fromMs: number;
  toMs: number;
}

/** From the earlier start to the later end of the incident before and after; an open one runs up to now. */
export function incidentSpans(
  before: Pick<Incident, 'startedAtMs' | 'resolvedAtMs'> | null,
  after: Pick<Incident, 'startedAtMs' | 'resolvedAtMs'>,
  nowMs: number,
): Span[] {
  const both = before ? [before, after] : [after];
  return [
    {
      fromMs: Math.min(...both.map((i) => i.startedAtMs)),
      toMs: Math.max(...both.map((i) => i.resolvedAtMs ?? nowMs)),
    },
  ];
}

/** The window before and after, each on its own: moving a window from March to June does not touch April. */
export function windowSpans(
  before: Pick<Maintenance, 'startMs' | 'endMs'> | null,
  after: Pick<Maintenance, 'startMs' | 'endMs'>,
): Span[] {
  return (before ? [before, after] : [after]).map((w) => ({ fromMs: w.startMs, toMs: w.endMs }));
}

/** Words only: a month's figures do not depend on them, so editing them needs no reason. */
const wordsOnly = new Set(['title', 'cause']);
export const changesFigures = (changed: Record<string, unknown>) => Object.keys(changed).some((k) => !wordsOnly.has(k));

export interface ClosedMonths {
  spec: ServiceSpec | undefined;
  months: FrozenMonthRow[];
}

export const monthLabel = (ms: number, timezone: string) =>
  DateTime.fromMillis(ms, { zone: timezone }).toFormat('yyyy-MM');

/** The frozen months of the service that any of the spans touches, oldest first, each once. */
export async function closedMonthsTouched(
  tx: Store,
  spec: ServiceSpec | undefined,
  serviceId: string,
  spans: readonly Span[],
): Promise<ClosedMonths> {
  const byStart = new Map<number, FrozenMonthRow>();
  for (const span of spans) {
    const rows = await frozenMonthsTouched(tx, { serviceId, ...span });
    for (const row of rows) byStart.set(row.monthStartMs, row);
  }
  return { spec, months: [...byStart.values()].sort((a, b) => a.monthStartMs - b.monthStartMs) };
}

/** Why the change is refused (nothing written), or null when it may go ahead. */
export function closedMonthsRefusal(
  closed: ClosedMonths,
  serviceId: string,
  what: string,
  reason: string | null | undefined,
): string | null {
  if (closed.months.length === 0) return null;
  const zone = closed.spec?.timezone ?? 'UTC';
  const months = closed.months.map((m) => monthLabel(m.monthStartMs, zone)).join(', ');
  const changes = `${what} changes ${serviceId}'s closed months (${months})`;
  if (!closed.spec)
    return (
      `${changes}, but service ${serviceId} is not configured, so they cannot be measured again; ` +
      'nothing was written'
    );
  if (!reason?.trim())
    return `${changes}, whose figures are frozen; give a reason so the change is recorded; nothing was written`;
  return null;
}

/**
 * After the change is written, in its transaction: each touched closed month is measured again and
 * the change recorded.
 */
export async function refreezeClosedMonths(
  tx: Store,
  closed: ClosedMonths,
  change: { actor: string; reason: string; change: string },
  nowMs: number,
) {
  if (!closed.spec) return;
  for (const month of closed.months) {
    // One month at a time, so two disjoint spans (a window moved by months) never pull in the months between.
    await refreezeMonths(
      tx,
      closed.spec,
      { serviceId: closed.spec.id, fromMs: month.monthStartMs, toMs: month.monthStartMs, ...change },
      nowMs,
    );
  }
}

/**
 * A notice sent now about an incident or window of a closed month ("notify customers", a published
 * note, "announce") is a fact of now, not an edit of the past: it needs no reason, yet it changes
 * that month's notification or notice figures, so the month is measured again and the action
 * recorded as the reason.
 */
export async function refreezeAfterNotice(
  tx: Store,
  spec: ServiceSpec | undefined,
  serviceId: string,
  spans: readonly Span[],
  notice: { actor: string; action: string; change: string },
  nowMs: number,
) {
  const closed = await closedMonthsTouched(tx, spec, serviceId, spans);
  if (closed.months.length > 0)
    await refreezeClosedMonths(
      tx,
      closed,
      { actor: notice.actor, reason: `${notice.action} after the month closed`, change: notice.change },
      nowMs,
    );
}

const fieldNames: Record<string, string> = {
  startedAtMs: 'started_at',
  detectedAtMs: 'detected_at',
  notifiedAtMs: 'notified_at',
  resolvedAtMs: 'resolved_at',
  startMs: 'start',
  endMs: 'end',
  announcedAtMs: 'announced_at',
};

/** "incident 12: resolved_at 2026-03-02T10:05:00.000Z → 2026-03-02T10:45:00.000Z; title …" from a diff. */
export function describeChange(what: string, changed: Record<string, [unknown, unknown]>): string {
  const value = (key: string, v: unknown) =>
    v === null || v === undefined
      ? '—'
      : key.endsWith('Ms') && typeof v === 'number'
        ? new Date(v).toISOString()
        : String(v);
  const parts = Object.entries(changed).map(([k, [a, b]]) => `${fieldNames[k] ?? k} ${value(k, a)} → ${value(k, b)}`);
  return `${what}: ${parts.join('; ')}`;
}
