// A year's report from its months ("frozen months"): a closed month whose incidents are
// all resolved is measured once and stored; later reports of its year read the stored snapshot,
// so the yearly export reproduces after raw checks are pruned or the config changes. A change to
// an incident or maintenance window of a frozen month measures that month again and records who
// changed what and why, with the month's figures before and after.
import type { ServiceSpec } from '../sla/model.ts';
import { periodOfMonth } from '../sla/periods.ts';
import {
  computeMonthSnapshot,
  figuresFromMonths,
  isFreezable,
  reportFromMonths,
  type MonthSnapshot,
} from '../sla/month-snapshot.ts';
import type { Store } from '../db/store.ts';
import { burnAlertsFiringOf } from './burn-alerts.ts';
import { loadReportInput } from './report-from-store.ts';

export interface MonthSource {
  month: number;
  fromMs: number;
  toMs: number;
  frozen: boolean;
  frozenAtMs: number | null;
}

export function monthsOfYear(timezone: string, year: number) {
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...periodOfMonth(timezone, year, i + 1) }));
}

async function measureMonth(
  store: Store,
  service: ServiceSpec,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<MonthSnapshot> {
  return computeMonthSnapshot(await loadReportInput(store, { service, fromMs, toMs, nowMs }));
}

/**
 * The year's report from twelve months: stored ones as they were frozen, the others measured now
 * (and frozen when they may be, unless `freeze` is false).
 */
export async function computeYearReport(
  store: Store,
  service: ServiceSpec,
  year: number,
  nowMs: number,
  options: { freeze?: boolean } = {},
) {
  const months = monthsOfYear(service.timezone, year);
  const fromMs = months[0]!.fromMs;
  const toMs = months[11]!.toMs;
  const stored = new Map(
    (await store.listFrozenMonths(service.id, fromMs, toMs)).map((row) => [row.monthStartMs, row]),
  );
  const snapshots: MonthSnapshot[] = [];
  const sources: MonthSource[] = [];
  for (const m of months) {
    const row = stored.get(m.fromMs);
    if (row) {
      snapshots.push(JSON.parse(row.snapshotJson) as MonthSnapshot);
      sources.push({ month: m.month, fromMs: m.fromMs, toMs: m.toMs, frozen: true, frozenAtMs: row.frozenAtMs });
      continue;
    }
    const snapshot = await measureMonth(store, service, m.fromMs, m.toMs, nowMs);
    const freeze = (options.freeze ?? true) && isFreezable(snapshot, nowMs);
    if (freeze) {
      await store.putFrozenMonth({
        serviceId: service.id,
        monthStartMs: m.fromMs,
        monthEndMs: m.toMs,
        frozenAtMs: nowMs,
        snapshotJson: JSON.stringify(snapshot),
      });
    }
    snapshots.push(snapshot);
    sources.push({ month: m.month, fromMs: m.fromMs, toMs: m.toMs, frozen: freeze, frozenAtMs: freeze ? nowMs : null });
  }
  const burnAlertsFiring = await burnAlertsFiringOf(store, service.id, fromMs, toMs, nowMs);
  const { report, evaluations } = reportFromMonths(service, snapshots, { fromMs, toMs, nowMs, burnAlertsFiring });
  return { report, evaluations, months: sources, snapshots };
}

export interface MonthChange {
  serviceId: string;
  /** The instants the change touched (an incident's or window's span, before and after). */
  fromMs: number;
  toMs: number;
  actor: string;
  reason: string;
  /** What changed, in words ("incident 12: resolved_at 10:05 → 10:45"). */
  change: string;
}

/** Frozen months of the service that a change over [from, to) touches; an empty span is the instant `from`. */
export async function frozenMonthsTouched(store: Store, change: Pick<MonthChange, 'serviceId' | 'fromMs' | 'toMs'>) {
  const rows = await store.listFrozenMonths(change.serviceId, -8.64e15, 8.64e15);
  const toMs = Math.max(change.toMs, change.fromMs + 1);
  return rows.filter((row) => row.monthStartMs < toMs && change.fromMs < row.monthEndMs);
}

/** Measures each touched frozen month again, stores it and records the change. Call inside the change's transaction. */
export async function refreezeMonths(store: Store, service: ServiceSpec, change: MonthChange, nowMs: number) {
  const touched = await frozenMonthsTouched(store, change);
  const summaries: Array<{ monthStartMs: number; before: unknown; after: unknown }> = [];
  for (const row of touched) {
    const before = JSON.parse(row.snapshotJson) as MonthSnapshot;
    const after = await measureMonth(store, service, row.monthStartMs, row.monthEndMs, nowMs);
    await store.putFrozenMonth({ ...row, frozenAtMs: nowMs, snapshotJson: JSON.stringify(after) });
    const summary = (s: MonthSnapshot) => {
      const f = figuresFromMonths(service, [s], s.asOfMs);
      return {
        availability: f.availability,
        downtimeSeconds: f.downtimeSeconds,
        incidentCount: f.incidentCount,
        mttrSeconds: f.mttrSeconds,
        notificationDelayMaxSeconds: f.notificationDelayMaxSeconds,
        maintenanceCount: f.maintenanceCount,
        maintenanceNoticeViolations: f.maintenanceNoticeViolations,
      };
    };
    const summaryBefore = summary(before);
    const summaryAfter = summary(after);
    await store.insertMonthChange({
      serviceId: service.id,
      monthStartMs: row.monthStartMs,
      changedAtMs: nowMs,
      actor: change.actor,
      reason: change.reason,
      change: change.change,
      beforeJson: JSON.stringify(summaryBefore),
      afterJson: JSON.stringify(summaryAfter),
    });
    summaries.push({ monthStartMs: row.monthStartMs, before: summaryBefore, after: summaryAfter });
  }
  return summaries;
}

/**
 * Freezes every closed month of this year and the last that is not frozen yet and may be (its
 * incidents resolved). The hourly job runs it, so a month's figures are stored soon after it
 * closes even if nobody exports. Returns the month starts it froze.
 */
export async function freezeClosedMonths(store: Store, service: ServiceSpec, nowMs: number): Promise<number[]> {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: service.timezone, year: 'numeric' }).format(nowMs));
  const frozen: number[] = [];
  for (const y of [year - 1, year]) {
    const months = monthsOfYear(service.timezone, y).filter((m) => m.toMs <= nowMs);
    if (months.length === 0) continue;
    const stored = new Set(
      (await store.listFrozenMonths(service.id, months[0]!.fromMs, months.at(-1)!.toMs)).map((r) => r.monthStartMs),
    );
    for (const m of months) {
      if (stored.has(m.fromMs)) continue;
      const snapshot = await measureMonth(store, service, m.fromMs, m.toMs, nowMs);
      if (!isFreezable(snapshot, nowMs)) continue;
      await store.putFrozenMonth({
        serviceId: service.id,
        monthStartMs: m.fromMs,
        monthEndMs: m.toMs,
        frozenAtMs: nowMs,
        snapshotJson: JSON.stringify(snapshot),
      });
      frozen.push(m.fromMs);
    }
  }
  return frozen;
}
