// Series the dashboard charts over a period's buckets (sla/period-buckets.ts), from each bucket's
// figures. Pure. Downtime and counts are additive over disjoint buckets (D is a measure of a set
// of instants; an incident counts in the bucket its start falls in), so running sums of the
// buckets' figures are the figures of the period so far.

export interface SeriesPoint {
  atMs: number;
}

export interface BurnDownPoint extends SeriesPoint {
  /** Error budget left at atMs (may go negative: overspent); null where the bucket is still in the future. */
  remainingMs: number | null;
  /** What would be left had the budget been spent evenly over the period. */
  evenSpendMs: number;
}

export interface PacePoint extends SeriesPoint {
  /** Incidents counted from the period's start to atMs; null in the future. */
  cumulative: number | null;
  /** The bound spread evenly over the period: how many incidents the bound allows by atMs. */
  pace: number;
}

export interface BucketEnd {
  toMs: number;
}

/**
 * The availability error budget over time (SPEC §3, §4): the budget is (1 − bound) × the whole
 * period's planned time; the remaining budget at each bucket's end is the budget minus the
 * downtime so far. A first point at `fromMs` holds the whole budget.
 */
export function budgetBurnDown(input: {
  fromMs: number;
  toMs: number;
  totalBudgetMs: number;
  buckets: readonly BucketEnd[];
  /** Downtime of each bucket in ms; null for a bucket that has not started. */
  downtimeMs: readonly (number | null)[];
}): BurnDownPoint[] {
  const { fromMs, toMs, totalBudgetMs } = input;
  const even = (atMs: number) => totalBudgetMs * (1 - (atMs - fromMs) / (toMs - fromMs));
  const points: BurnDownPoint[] = [{ atMs: fromMs, remainingMs: totalBudgetMs, evenSpendMs: totalBudgetMs }];
  let used = 0;
  input.buckets.forEach((bucket, i) => {
    const d = input.downtimeMs[i] ?? null;
    if (d !== null) used += d;
    points.push({
      atMs: bucket.toMs,
      remainingMs: d === null ? null : totalBudgetMs - used,
      evenSpendMs: even(bucket.toMs),
    });
  });
  return points;
}

/** Cumulative incident counts at each bucket's end against the pace line of the bound (SPEC §3 projection). */
export function cumulativeAgainstPace(input: {
  fromMs: number;
  toMs: number;
  bound: number;
  buckets: readonly BucketEnd[];
  counts: readonly (number | null)[];
}): PacePoint[] {
  const { fromMs, toMs, bound } = input;
  const points: PacePoint[] = [{ atMs: fromMs, cumulative: 0, pace: 0 }];
  let sum = 0;
  input.buckets.forEach((bucket, i) => {
    const n = input.counts[i] ?? null;
    if (n !== null) sum += n;
    points.push({
      atMs: bucket.toMs,
      cumulative: n === null ? null : sum,
      pace: (bound * (bucket.toMs - fromMs)) / (toMs - fromMs),
    });
  });
  return points;
}
