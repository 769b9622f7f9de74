// SPEC §3: each claim's status for a period, decided in order: insufficient_data, breached,
// at_risk, met. The clock is passed in; a period still running is projected linearly.
import type { Claim } from './model.ts';
import type { Figures } from './figures-types.ts';
import { truncateDecimals } from './number-format.ts';
import { breachFigures, formatClaimedPercent } from './claim-text.ts';
import { claimMeasures, type MeasureContext } from './claim-measure.ts';
import { countMetrics, coverageGatedMetrics } from './metric-traits.ts';

export const claimStatuses = ['met', 'at_risk', 'breached', 'insufficient_data'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export interface ClaimPeriodContext extends MeasureContext {
  fromMs: number;
  toMs: number;
  /** Planned time of the whole period (to its end), for the error budget. */
  fullPlannedMs: number;
  /** Claim ids whose burn-rate alert (SPEC §4) is firing. */
  burnAlertsFiring?: ReadonlySet<string>;
}

export interface ClaimEvaluation {
  claim: Claim;
  /** Base units of the claim (ratio, ms, count). */
  measured: number | null;
  status: ClaimStatus;
  /** Why, in words with the arithmetic. */
  reason: string;
  /** Availability only: error budget of the whole period and what is left, in ms. */
  budget?: { totalMs: number; usedMs: number; remainingRatio: number };
}

const fails = (claim: Claim, value: number) => (claim.direction === 'min' ? value < claim.bound : value > claim.bound);

export function evaluateClaim(claim: Claim, ctx: ClaimPeriodContext): ClaimEvaluation {
  const { figures } = ctx;
  const measured = claimMeasures[claim.metric](claim, ctx);
  const budget = claim.metric === 'availability' ? errorBudget(claim, figures, ctx.fullPlannedMs) : undefined;
  const result = (status: ClaimStatus, reason: string): ClaimEvaluation => ({
    claim,
    measured,
    status,
    reason,
    budget,
  });

  if (measured === null) return result('insufficient_data', 'nothing to measure in this period');
  const coverage = figures.coverage ?? 0;
  if (coverageGatedMetrics.has(claim.metric) && coverage < claim.minCoverage) {
    return result('insufficient_data', `coverage ${pct(coverage)} is below the required ${pct(claim.minCoverage)}`);
  }
  if (claim.metric === 'availability') {
    const lower = figures.availabilityLower!;
    const upper = figures.availabilityUpper!;
    if (lower < claim.bound && claim.bound <= upper) {
      return result(
        'insufficient_data',
        `unknown time leaves availability between ${pct(lower)} and ${pct(upper)}, around the bound`,
      );
    }
    // The upper end truncated and the bound as written: "99.9899% < 99.99%", never "99.99% < 99.99%".
    if (upper < claim.bound)
      return result('breached', `availability at most ${pct(upper)} < ${formatClaimedPercent(claim.bound)}`);
  } else if (fails(claim, measured)) {
    const shown = breachFigures(claim, measured, 'en');
    const op = claim.direction === 'min' ? '<' : '>';
    return result('breached', `measured ${shown.measured} ${op} bound ${shown.bound}`);
  }
  const risk = atRiskReason(claim, measured, ctx, budget);
  return risk ? result('at_risk', risk) : result('met', 'meets its bound');
}

function errorBudget(claim: Claim, figures: Figures, fullPlannedMs: number) {
  const totalMs = (1 - claim.bound) * fullPlannedMs;
  const usedMs = figures.downtimeSeconds * 1000;
  return { totalMs, usedMs, remainingRatio: totalMs > 0 ? (totalMs - usedMs) / totalMs : 0 };
}

function atRiskReason(
  claim: Claim,
  measured: number,
  ctx: ClaimPeriodContext,
  budget: ClaimEvaluation['budget'],
): string | null {
  if (ctx.burnAlertsFiring?.has(claim.id)) return 'a burn-rate alert is firing';
  if (budget && budget.remainingRatio < 0.25)
    return `only ${pct(Math.max(0, budget.remainingRatio))} of the error budget is left`;
  const running = ctx.nowMs < ctx.toMs;
  const elapsed = (Math.min(ctx.nowMs, ctx.toMs) - ctx.fromMs) / (ctx.toMs - ctx.fromMs);
  if (!running || elapsed <= 0) return null;
  // Linear projection of counts and downtime to the period's end.
  if (countMetrics.has(claim.metric)) {
    const projected = measured / elapsed;
    if (projected > claim.bound)
      return `on pace for ${projected.toFixed(1)} by the period's end (bound ${claim.bound})`;
  }
  if (budget && budget.usedMs / elapsed > budget.totalMs) {
    return `on pace to use ${pct(budget.usedMs / elapsed / budget.totalMs)} of the error budget by the period's end`;
  }
  return null;
}

/** A percentage truncated (never rounded up) to 4 decimals, for reasons. */
export function pct(ratio: number): string {
  return `${truncateDecimals(ratio * 100, 4)}%`;
}
