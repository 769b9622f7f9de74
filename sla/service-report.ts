// The report of SPEC §5 for one service and period: figures plus every claim evaluated, with
// bounds and measured values in base units (ratio, seconds, count). Pure assembly.
import { DateTime } from 'luxon';
import type { Claim, ClaimMetric } from './model.ts';
import type { BackupFreshness, Figures } from './figures-types.ts';
import { computeFigures, computeTimeSets, type FigureInput } from './figures.ts';
import { countedIncidents } from './incident-figures.ts';
import { evaluateClaim, type ClaimEvaluation, type ClaimStatus } from './claim-status.ts';
import { claimText } from './claim-text.ts';
import { totalMs } from './intervals.ts';

export interface ReportClaim {
  id: string;
  sheetRow: number | null;
  metric: ClaimMetric;
  bound: number;
  measured: number | null;
  status: ClaimStatus;
  reason: string;
  text: { ja: string; en: string };
}

export interface ServiceReport {
  service: string;
  period: { from: string; to: string; timezone: string };
  figures: Figures;
  claims: ReportClaim[];
}

export interface ReportInput extends FigureInput {
  backupFreshnessSeconds: BackupFreshness;
  burnAlertsFiring?: ReadonlySet<string>;
}

/** Durations travel in seconds in JSON; ratios and counts as they are. */
const msMetrics: ReadonlySet<ClaimMetric> = new Set(['mttr', 'notification_delay', 'maintenance_notice', 'backup_freshness', 'latency']);

export function toReportUnits(claim: Claim, value: number | null): number | null {
  if (value === null) return null;
  return msMetrics.has(claim.metric) ? value / 1000 : value;
}

export function buildServiceReport(input: ReportInput): { report: ServiceReport; evaluations: ClaimEvaluation[] } {
  const figures = computeFigures(input);
  // The error budget is that of the whole period, including its future (SPEC §3 at_risk).
  const whole = computeTimeSets({ ...input, nowMs: input.toMs, timeline: [], incidents: [] });
  const counted = countedIncidents(input.incidents, input.fromMs, input.toMs, input.nowMs);
  const windows = input.maintenance.filter((w) => w.startMs >= input.fromMs && w.startMs < input.toMs);
  const evaluations = input.service.claims.map((claim) =>
    evaluateClaim(claim, {
      figures,
      backupFreshnessSeconds: input.backupFreshnessSeconds,
      counted,
      windows,
      nowMs: input.nowMs,
      fromMs: input.fromMs,
      toMs: input.toMs,
      fullPlannedMs: totalMs(whole.planned),
      burnAlertsFiring: input.burnAlertsFiring,
    }),
  );
  const zone = input.service.timezone;
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  return {
    evaluations,
    report: {
      service: input.service.id,
      period: { from: iso(input.fromMs), to: iso(input.toMs), timezone: zone },
      figures,
      claims: evaluations.map((e) => ({
        id: e.claim.id,
        sheetRow: e.claim.sheetRow,
        metric: e.claim.metric,
        bound: toReportUnits(e.claim, e.claim.bound)!,
        measured: toReportUnits(e.claim, e.measured),
        status: e.status,
        reason: e.reason,
        text: claimText(e.claim, e.measured, e.status),
      })),
    },
  };
}
