import { describe, expect, it } from 'vitest';
import type { ClaimEvaluation } from '../../../sla/claim-status.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createProbeMetrics } from '../../../server/metrics/probe-metrics.ts';
import { createClaimMetrics } from '../../../server/metrics/claim-metrics.ts';
import { claimValueOf } from '../../../server/metrics/claim-snapshot.ts';
import { testApp } from '../app/test-app.ts';

const year = { kind: 'year' } as const;

/** Evaluations as sla/claim-status.ts hands them over: bounds and measured values in ms for durations. */
const evaluations: ClaimEvaluation[] = [
  {
    claim: {
      id: 'availability',
      sheetRow: 5,
      metric: 'availability',
      direction: 'min',
      bound: 0.9999,
      period: year,
      minCoverage: 0.99,
    },
    measured: 0.99995,
    status: 'at_risk',
    reason: 'only 20% of the error budget is left',
    // A year of 31 536 000 s allows (1 − 0.9999) × 31 536 000 = 3 153.6 s; 2 522.88 s used leaves 20 %.
    budget: { totalMs: 3_153_600, usedMs: 2_522_880, remainingRatio: 0.2 },
  },
  {
    claim: {
      id: 'mttr',
      sheetRow: 10,
      metric: 'mttr',
      direction: 'max',
      bound: 2_520_000,
      period: year,
      minCoverage: 0.99,
    },
    measured: 3_000_000, // 50 min
    status: 'breached',
    reason: 'measured 3000000 > bound 2520000',
  },
  {
    claim: {
      id: 'latency',
      sheetRow: 19,
      metric: 'latency',
      direction: 'max',
      bound: 800,
      percentile: 95,
      period: year,
      minCoverage: 0.99,
    },
    measured: 412,
    status: 'met',
    reason: 'meets its bound',
  },
];

describe('GET /metrics', () => {
  it('shows the probe results and the claims with their values in base units', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    const probes = createProbeMetrics(registry);
    probes.observe('shop', 'console', 'tokyo', {
      ok: true,
      latencyMs: 1_234,
      detail: { httpStatus: 200, certExpiresAtMs: Date.UTC(2026, 8, 1) },
    });
    probes.observe('shop', 'console', 'osaka', {
      ok: false,
      latencyMs: 10_000,
      errorClass: 'timeout',
      message: 'timed out after 10s',
      detail: {},
    });
    probes.observe('shop', 'backup', 'local', { ok: true, latencyMs: 0, detail: {} });
    createClaimMetrics(registry, {
      collect: async () => [{ serviceId: 'shop', openIncidents: 2, claims: evaluations.map((e) => claimValueOf(e)) }],
    });
    const { app } = testApp({ registry });
    const text = await (await app.request('/metrics')).text();
    const lines = text.split('\n');

    const expected = [
      'probe_success{service="shop",monitor="console",location="tokyo"} 1',
      'probe_success{service="shop",monitor="console",location="osaka"} 0',
      'probe_success{service="shop",monitor="backup",location="local"} 1',
      'probe_duration_seconds{service="shop",monitor="console",location="tokyo"} 1.234', // 1 234 ms
      'probe_duration_seconds{service="shop",monitor="console",location="osaka"} 10', // the 10 s timeout
      'probe_duration_seconds{service="shop",monitor="backup",location="local"} 0',
      'probe_http_status_code{service="shop",monitor="console",location="tokyo"} 200',
      // 2026-09-01T00:00Z
      'probe_ssl_earliest_cert_expiry{service="shop",monitor="console",location="tokyo"} 1788220800',
      'slawatch_claim_measured{service="shop",claim="availability",metric="availability"} 0.99995',
      'slawatch_claim_measured{service="shop",claim="mttr",metric="mttr"} 3000', // 3 000 000 ms
      'slawatch_claim_measured{service="shop",claim="latency",metric="latency"} 0.412', // p95 412 ms
      'slawatch_claim_bound{service="shop",claim="availability",metric="availability"} 0.9999',
      'slawatch_claim_bound{service="shop",claim="mttr",metric="mttr"} 2520', // 42 min
      'slawatch_claim_bound{service="shop",claim="latency",metric="latency"} 0.8', // 800 ms
      'slawatch_claim_status{service="shop",claim="availability",metric="availability",status="at_risk"} 1',
      'slawatch_claim_status{service="shop",claim="availability",metric="availability",status="met"} 0',
      'slawatch_claim_status{service="shop",claim="mttr",metric="mttr",status="breached"} 1',
      'slawatch_claim_status{service="shop",claim="latency",metric="latency",status="met"} 1',
      'slawatch_error_budget_remaining_ratio{service="shop",claim="availability"} 0.2',
      'slawatch_open_incidents{service="shop"} 2',
    ];
    for (const line of expected) expect(lines).toContain(line);
    // Only availability claims have an error budget; the osaka timeout learned no status code.
    expect(text).not.toContain('slawatch_error_budget_remaining_ratio{service="shop",claim="mttr"}');
    expect(text).not.toContain('probe_http_status_code{service="shop",monitor="console",location="osaka"}');
    expect(lines.filter((l) => l.startsWith('slawatch_claim_status{')).length).toBe(12); // 3 claims × 4 statuses
  });
});
