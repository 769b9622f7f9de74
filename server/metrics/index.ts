export { createMetricsRegistry, type MetricsRegistryOptions } from './metrics-registry.ts';
export { createProbeMetrics, type ProbeMetrics } from './probe-metrics.ts';
export { createClaimMetrics, type ClaimMetricsOptions } from './claim-metrics.ts';
export { claimSnapshotOf, claimValueOf, type BurnRate, type ClaimSnapshot, type ClaimValue } from './claim-snapshot.ts';
