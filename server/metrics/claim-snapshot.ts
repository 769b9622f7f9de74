// What /metrics shows of each service's claims (SPEC §5): a plain snapshot that the caller
// computes and caches (the evaluation tick), so a scrape only reads it.
import type { Claim, ClaimMetric } from '../../sla/model.ts';
import type { ClaimEvaluation, ClaimStatus } from '../../sla/claim-status.ts';
import { toReportUnits, type ServiceReport } from '../../sla/service-report.ts';

export interface ClaimSnapshot {
  serviceId: string;
  /** Incidents of the service open now; null when not known (no series is shown). */
  openIncidents: number | null;
  claims: ClaimValue[];
}

/** One claim's evaluation in the base units of the report JSON: ratio, seconds or count. */
export interface ClaimValue {
  claimId: string;
  metric: ClaimMetric;
  bound: number;
  /** null: nothing to measure (no series is shown, never 0). */
  measured: number | null;
  status: ClaimStatus;
  /** Availability claims: the share of the whole period's error budget left (below 0 once overspent). */
  errorBudgetRemainingRatio: number | null;
  /** Availability claims: error-budget burn rates by window (`5m`, `1h`, `6h`, `3d`, …), when computed. */
  burnRates?: readonly BurnRate[];
}

export interface BurnRate {
  window: string;
  rate: number;
}

export function claimValueOf(evaluation: ClaimEvaluation, burnRates?: readonly BurnRate[]): ClaimValue {
  const { claim } = evaluation;
  return {
    claimId: claim.id,
    metric: claim.metric,
    bound: toReportUnits(claim, claim.bound)!,
    measured: toReportUnits(claim, evaluation.measured),
    status: evaluation.status,
    errorBudgetRemainingRatio: evaluation.budget?.remainingRatio ?? null,
    ...(burnRates ? { burnRates } : {}),
  };
}

/**
 * The snapshot of one service from computeServiceReport's result. A report evaluates every claim
 * of the service over one period; `keep` picks the claims whose own period that report is
 * (e.g. `(c) => c.period.kind === 'year'`), so claims of other periods come from their reports.
 */
export function claimSnapshotOf(
  result: { report: ServiceReport; evaluations: readonly ClaimEvaluation[] },
  keep: (claim: Claim) => boolean = () => true,
): ClaimSnapshot {
  return {
    serviceId: result.report.service,
    openIncidents: result.report.figures.openIncidentCount,
    claims: result.evaluations.filter((e) => keep(e.claim)).map((e) => claimValueOf(e)),
  };
}
