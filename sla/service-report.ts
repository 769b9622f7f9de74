// The report of SPEC §5 for one service and period: figures plus every claim evaluated, with
// bounds and measured values in base units (ratio, seconds, count). Pure assembly.
import { DateTime } from 'luxon';
import type { Claim, ClaimMetric, Incident, Maintenance, ServiceSpec } from './model.ts';
import type { BackupFreshness, Figures } from './figures-types.ts';
import { computeFigureParts, figuresFromParts, fullPlannedMs, type FigureInput } from './figures.ts';
import { evaluateClaim, type ClaimEvaluation, type ClaimStatus } from './claim-status.ts';
import { claimText } from './claim-text.ts';
import { durationMetrics } from './metric-traits.ts';

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
export function toReportUnits(claim: Claim, value: number | null): number | null {
  if (value === null) return null;
  return durationMetrics.has(claim.metric) ? value / 1000 : value;
}

export function buildServiceReport(input: ReportInput): { report: ServiceReport; evaluations: ClaimEvaluation[] } {
  const parts = computeFigureParts(input);
  return assembleReport({
    ...input,
    figures: figuresFromParts(input.service, parts, input.nowMs),
    counted: parts.counted,
    windows: parts.windows,
    // The error budget is that of the whole period, including its future (SPEC §3 at_risk).
    fullPlannedMs: fullPlannedMs(input),
  });
}

/** What a report is made of once its figures are known (from records, or from frozen months). */
export interface ReportParts {
  service: ServiceSpec;
  fromMs: number;
  toMs: number;
  nowMs: number;
  figures: Figures;
  counted: readonly Incident[];
  windows: readonly Maintenance[];
  fullPlannedMs: number;
  backupFreshnessSeconds: BackupFreshness;
  burnAlertsFiring?: ReadonlySet<string>;
}

export function assembleReport(parts: ReportParts): { report: ServiceReport; evaluations: ClaimEvaluation[] } {
  const { figures } = parts;
  const evaluations = parts.service.claims.map((claim) =>
    evaluateClaim(claim, {
      figures,
      backupFreshnessSeconds: parts.backupFreshnessSeconds,
      counted: parts.counted,
      windows: parts.windows,
      nowMs: parts.nowMs,
      fromMs: parts.fromMs,
      toMs: parts.toMs,
      fullPlannedMs: parts.fullPlannedMs,
      burnAlertsFiring: parts.burnAlertsFiring,
    }),
  );
  const zone = parts.service.timezone;
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  return {
    evaluations,
    report: {
      service: parts.service.id,
      period: { from: iso(parts.fromMs), to: iso(parts.toMs), timezone: zone },
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
