// What each claim metric is, as data (SPEC §1 "Claim"): the unit of its figure, which way its
// bound points, and whether probes measure it. A Record over claimMetrics, so a metric added
// without its traits does not compile; the sets below are computed from it, never listed.
import { claimMetrics, type ClaimMetric } from './model.ts';

/**
 * ratio: availability; count: incidents; duration: a time read in d, h, min and s; latency: a
 * response time read in ms. Durations and latencies are both ms in the engine.
 */
export type MetricUnit = 'ratio' | 'count' | 'duration' | 'latency';

export interface MetricTraits {
  unit: MetricUnit;
  /** `min`: the measured figure must be at least the bound; `max`: at most. */
  direction: 'min' | 'max';
  /** Measured by probes, so its claims need coverage (SPEC §3); the others come from records. */
  coverageGated: boolean;
}

export const metricTraits: Record<ClaimMetric, MetricTraits> = {
  availability: { unit: 'ratio', direction: 'min', coverageGated: true },
  mttr: { unit: 'duration', direction: 'max', coverageGated: true },
  incident_count: { unit: 'count', direction: 'max', coverageGated: true },
  long_incident_count: { unit: 'count', direction: 'max', coverageGated: true },
  notification_delay: { unit: 'duration', direction: 'max', coverageGated: false },
  maintenance_notice: { unit: 'duration', direction: 'min', coverageGated: false },
  backup_freshness: { unit: 'duration', direction: 'max', coverageGated: false },
  latency: { unit: 'latency', direction: 'max', coverageGated: true },
};

const metricsWhere = (test: (traits: MetricTraits) => boolean): ReadonlySet<ClaimMetric> =>
  new Set(claimMetrics.filter((metric) => test(metricTraits[metric])));

/** Metrics whose figure and bound are times: ms in the engine, seconds in JSON and sheets (SPEC §5). */
export const durationMetrics = metricsWhere((t) => t.unit === 'duration' || t.unit === 'latency');

/** Metrics whose claims are insufficient_data below their minimum coverage (SPEC §3). */
export const coverageGatedMetrics = metricsWhere((t) => t.coverageGated);

/** Metrics whose figure is a count of incidents. */
export const countMetrics = metricsWhere((t) => t.unit === 'count');
