// Each claim of a service as a page shows it for a selection: over the selected period, or — with
// no period asked for — over the claim's own current period (pipeline/current-claims.ts's rule, so the
// page agrees with /metrics and the alerts). Reports come from the report cache.
import type { ClaimEvaluation } from '../../sla/claim-status.ts';
import type { ServiceSpec } from '../../sla/model.ts';
import { currentPeriodOf } from '../../pipeline/current-claims.ts';
import type { Claim } from '../../sla/model.ts';
import type { ReportCache, CachedReport } from './report-cache.ts';
import { resolvePeriod, type PeriodSelection } from './period-query.ts';

export interface ClaimView {
  evaluation: ClaimEvaluation;
  /** The report of the claim's period (its figures explain the claim's status). */
  report: CachedReport;
  fromMs: number;
  toMs: number;
}

// A calendar period holds until its end: remember it per kind and timezone (timezone arithmetic
// is the dearest part of an overview of hundreds of services).
const calendarPeriods = new Map<string, { fromMs: number; toMs: number }>();

/** currentPeriodOf (pipeline/current-claims.ts), remembered while the period lasts. */
export function claimPeriodNow(claim: Claim, service: ServiceSpec, nowMs: number): { fromMs: number; toMs: number } {
  if (claim.period.kind === 'rolling') return currentPeriodOf(claim, service, nowMs);
  const key = `${claim.period.kind}|${service.timezone}`;
  const known = calendarPeriods.get(key);
  if (known && known.fromMs <= nowMs && nowMs < known.toMs) return known;
  const period = currentPeriodOf(claim, service, nowMs);
  calendarPeriods.set(key, period);
  return period;
}

export async function claimViews(
  reports: ReportCache,
  service: ServiceSpec,
  selection: PeriodSelection,
  nowMs: number,
): Promise<ClaimView[]> {
  if (selection.kind !== 'current') {
    const { fromMs, toMs } = resolvePeriod(selection, service.timezone);
    const report = await reports.get(service, fromMs, toMs);
    return report.evaluations.map((evaluation) => ({ evaluation, report, fromMs, toMs }));
  }
  return Promise.all(
    service.claims.map(async (claim) => {
      const { fromMs, toMs } = claimPeriodNow(claim, service, nowMs);
      const report = await reports.get(service, fromMs, toMs);
      return { evaluation: report.evaluations.find((e) => e.claim.id === claim.id)!, report, fromMs, toMs };
    }),
  );
}
