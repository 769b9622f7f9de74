// Frozen months: when a month closes, what its figures are made of is stored, so a
// year's figures can be assembled from twelve months even after raw checks are pruned or a
// config is changed. Every figure of SPEC §2.7 over a year is a sum, a max or a function of the
// months' parts: P, D, U and maintenance time add up (periods are disjoint); counted incidents
// and windows are each month's own (a counted incident is the month it started in, README rule 9);
// latency histograms merge exactly; the longest push gap is the longest of the months'.
import type { Incident, Maintenance, ServiceSpec } from './model.ts';
import type { BackupFreshness, Figures } from './figures-types.ts';
import { computeFigureParts, figuresFromParts, fullPlannedMs } from './figures.ts';
import { assembleReport, type ReportInput, type ReportParts } from './service-report.ts';

export interface MonthSnapshot {
  fromMs: number;
  toMs: number;
  /** The instant it was measured as of. */
  asOfMs: number;
  plannedMs: number;
  downtimeMs: number;
  unknownMs: number;
  maintenanceMs: number;
  /** Planned time of the whole month (the error budget's base). */
  fullPlannedMs: number;
  counted: Incident[];
  windows: Maintenance[];
  /** [latency ms, count], ascending. */
  latencyCounts: Array<[number, number]>;
  backupFreshnessSeconds: BackupFreshness;
}

export function computeMonthSnapshot(input: ReportInput): MonthSnapshot {
  const parts = computeFigureParts(input);
  return {
    fromMs: input.fromMs,
    toMs: input.toMs,
    asOfMs: input.nowMs,
    plannedMs: parts.plannedMs,
    downtimeMs: parts.downtimeMs,
    unknownMs: parts.unknownMs,
    maintenanceMs: parts.maintenanceMs,
    fullPlannedMs: fullPlannedMs(input),
    counted: [...parts.counted],
    windows: [...parts.windows],
    latencyCounts: [...input.latencyCounts].sort((a, b) => a[0] - b[0]),
    backupFreshnessSeconds: { ...input.backupFreshnessSeconds },
  };
}

/**
 * How long after its end a month stays open to late results: an incident confirmed after midnight
 * is backdated to its first failing check (SPEC §2.2), buffered checks are flushed, a Prometheus
 * or Alertmanager source reports late. A day is longer than interval × confirm of any monitor
 * an SLA is measured by; changes after it go through the closed-month path (jobs/closed-months.ts).
 */
export const monthFreezeGraceMs = 86_400_000;

/** A month may be frozen once a grace day has passed since its end and nothing counted in it is still open. */
export function isFreezable(snapshot: MonthSnapshot, nowMs: number): boolean {
  return nowMs >= snapshot.toMs + monthFreezeGraceMs && snapshot.counted.every((i) => i.resolvedAtMs !== null);
}

function mergeBackup(months: readonly MonthSnapshot[]): BackupFreshness {
  const out: BackupFreshness = {};
  for (const month of months) {
    for (const [monitor, seconds] of Object.entries(month.backupFreshnessSeconds)) {
      const earlier = out[monitor] ?? null;
      out[monitor] = seconds === null ? earlier : earlier === null ? seconds : Math.max(earlier, seconds);
    }
  }
  return out;
}

/** The figures of the months' union (they must be consecutive and cover [from, to)). */
export function figuresFromMonths(service: ServiceSpec, months: readonly MonthSnapshot[], nowMs: number): Figures {
  const sum = (pick: (m: MonthSnapshot) => number) => months.reduce((total, m) => total + pick(m), 0);
  const latencyCounts = new Map<number, number>();
  for (const m of months)
    for (const [ms, count] of m.latencyCounts) latencyCounts.set(ms, (latencyCounts.get(ms) ?? 0) + count);
  return figuresFromParts(
    service,
    {
      plannedMs: sum((m) => m.plannedMs),
      downtimeMs: sum((m) => m.downtimeMs),
      unknownMs: sum((m) => m.unknownMs),
      maintenanceMs: sum((m) => m.maintenanceMs),
      counted: months.flatMap((m) => m.counted),
      windows: months.flatMap((m) => m.windows),
      latencyCounts,
    },
    nowMs,
  );
}

/** The report of [from, to) assembled from its months, as SPEC §5 shapes it. */
export function reportFromMonths(
  service: ServiceSpec,
  months: readonly MonthSnapshot[],
  period: { fromMs: number; toMs: number; nowMs: number; burnAlertsFiring?: ReadonlySet<string> },
) {
  const parts: ReportParts = {
    service,
    ...period,
    figures: figuresFromMonths(service, months, period.nowMs),
    counted: months.flatMap((m) => m.counted),
    windows: months.flatMap((m) => m.windows),
    fullPlannedMs: months.reduce((total, m) => total + m.fullPlannedMs, 0),
    backupFreshnessSeconds: mergeBackup(months),
  };
  return assembleReport(parts);
}
