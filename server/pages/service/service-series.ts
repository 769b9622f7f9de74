// The chart series of one service over a period: each bucket's figures from the existing report
// computation (through the report cache), and the running series of sla/period-series.ts. Buckets
// that have not started are not computed (null). The JSON of /api/v1/services/{id}/series.
import type { ServiceSpec } from '../../../sla/model.ts';
import type { Figures } from '../../../sla/figures-types.ts';
import { splitPeriod, bucketUnitFor, type BucketUnit } from '../../../sla/period-buckets.ts';
import { budgetBurnDown, cumulativeAgainstPace } from '../../../sla/period-series.ts';
import type { ReportCache, CachedReport } from '../report-cache.ts';

export interface SeriesBucket {
  from: string;
  to: string;
  label: string;
  figures: Figures | null;
}

export interface ServiceSeries {
  service: string;
  period: { from: string; to: string; timezone: string };
  unit: BucketUnit;
  buckets: SeriesBucket[];
  /** The availability claim's error budget over time, in seconds; null without an availability claim. */
  budget: {
    claim: string;
    totalSeconds: number;
    points: { at: string; remainingSeconds: number | null; evenSpendSeconds: number }[];
  } | null;
  /** Cumulative incidents against the incident_count claim's pace; null without such a claim. */
  incidentPace: {
    claim: string;
    bound: number;
    points: { at: string; cumulative: number | null; pace: number }[];
  } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function computeServiceSeries(
  reports: ReportCache,
  service: ServiceSpec,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<{ series: ServiceSeries; whole: CachedReport }> {
  const unit = bucketUnitFor(fromMs, toMs);
  const buckets = splitPeriod(fromMs, toMs, service.timezone, unit);
  const [whole, ...parts] = await Promise.all([
    reports.get(service, fromMs, toMs),
    ...buckets.map((b) => (b.fromMs < nowMs ? reports.get(service, b.fromMs, b.toMs) : Promise.resolve(null))),
  ]);
  const figures = parts.map((p) => p?.report.figures ?? null);
  const availability = whole!.evaluations.find((e) => e.claim.metric === 'availability' && e.budget);
  const countClaim = service.claims.find((c) => c.metric === 'incident_count');
  const series: ServiceSeries = {
    service: service.id,
    period: { ...whole!.report.period, from: iso(fromMs), to: iso(toMs) },
    unit,
    buckets: buckets.map((b, i) => ({
      from: iso(b.fromMs),
      to: iso(b.toMs),
      label: b.label,
      figures: figures[i] ?? null,
    })),
    budget: availability?.budget
      ? {
          claim: availability.claim.id,
          totalSeconds: availability.budget.totalMs / 1000,
          points: budgetBurnDown({
            fromMs,
            toMs,
            totalBudgetMs: availability.budget.totalMs,
            buckets,
            downtimeMs: figures.map((f) => (f ? f.downtimeSeconds * 1000 : null)),
          }).map((p) => ({
            at: iso(p.atMs),
            remainingSeconds: p.remainingMs === null ? null : p.remainingMs / 1000,
            evenSpendSeconds: p.evenSpendMs / 1000,
          })),
        }
      : null,
    incidentPace: countClaim
      ? {
          claim: countClaim.id,
          bound: countClaim.bound,
          points: cumulativeAgainstPace({
            fromMs,
            toMs,
            bound: countClaim.bound,
            buckets,
            counts: figures.map((f) => (f ? (f.incidentCount ?? 0) : null)),
          }).map((p) => ({ at: iso(p.atMs), cumulative: p.cumulative, pace: p.pace })),
        }
      : null,
  };
  return { series, whole: whole! };
}
