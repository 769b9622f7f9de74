import { describe, expect, it, vi } from 'vitest';
import type { Claim, ServiceSpec } from '../../../sla/model.ts';
import { buildServiceReport } from '../../../sla/service-report.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createClaimMetrics, type ClaimSnapshot } from '../../../server/metrics/claim-metrics.ts';
import { claimSnapshotOf } from '../../../server/metrics/claim-snapshot.ts';
import { createProbeMetrics } from '../../../server/metrics/probe-metrics.ts';
import { samples, seriesOf } from './prom-text.ts';

const day = 86_400_000;
const jan1 = Date.UTC(2026, 0, 1);
const claim = (c: Pick<Claim, 'id' | 'metric' | 'direction' | 'bound'> & Partial<Claim>): Claim => ({
  sheetRow: null,
  period: { kind: 'year' },
  minCoverage: 0.99,
  ...c,
});

/**
 * Ten days of January 2026 in UTC, all up, with one manual outage of 30 minutes on Jan 2 that
 * customers were told about 20 minutes after it was detected. Planned time P = 10 × 86 400 s =
 * 864 000 s; downtime D = 1 800 s; unknown U = 0.
 */
function tenDayReport() {
  const service: ServiceSpec = {
    id: 'shop',
    name: 'Shop',
    timezone: 'UTC',
    downWhen: 'any',
    longAfterMs: day,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    monitors: [],
    claims: [
      claim({ id: 'availability', metric: 'availability', direction: 'min', bound: 0.99 }),
      claim({ id: 'mttr', metric: 'mttr', direction: 'max', bound: 42 * 60_000 }),
      claim({ id: 'incidents', metric: 'incident_count', direction: 'max', bound: 27 }),
      claim({ id: 'notification', metric: 'notification_delay', direction: 'max', bound: 4 * 3_600_000 }),
      claim({ id: 'latency', metric: 'latency', direction: 'max', bound: 800, percentile: 95 }),
      claim({
        id: 'monthly-incidents',
        metric: 'incident_count',
        direction: 'max',
        bound: 3,
        period: { kind: 'month' },
      }),
    ],
  };
  const startedAtMs = jan1 + day;
  return buildServiceReport({
    service,
    fromMs: jan1,
    toMs: jan1 + 10 * day,
    nowMs: jan1 + 10 * day,
    timeline: [{ startMs: jan1, endMs: jan1 + 10 * day, state: 'up' }],
    incidents: [
      {
        serviceId: 'shop',
        startedAtMs,
        detectedAtMs: startedAtMs,
        notifiedAtMs: startedAtMs + 20 * 60_000,
        resolvedAtMs: startedAtMs + 30 * 60_000,
        impact: 'outage',
        source: 'manual',
        title: 'Database failover',
      },
    ],
    maintenance: [],
    latencyCounts: new Map(),
    backupFreshnessSeconds: {},
  });
}

function statusSeries(service: string, claimId: string, metric: string, current: string): [string, number][] {
  return ['met', 'at_risk', 'breached', 'insufficient_data'].map((status) => [
    `slawatch_claim_status{service="${service}",claim="${claimId}",metric="${metric}",status="${status}"}`,
    status === current ? 1 : 0,
  ]);
}

async function scrape(collect: () => Promise<readonly ClaimSnapshot[]>, onError?: (e: unknown) => void) {
  const registry = createMetricsRegistry({ processMetrics: false });
  createClaimMetrics(registry, { collect, onError });
  return { registry, read: async () => samples(await registry.metrics()) };
}

describe('createClaimMetrics', () => {
  it('shows each claim of a computed report in base units, with its status, budget and open incidents', async () => {
    const snapshot = claimSnapshotOf(tenDayReport(), (c) => c.period.kind === 'year');
    const { read } = await scrape(async () => [snapshot]);
    const all = await read();
    const m = (name: string, claimId: string, metric: string) =>
      `${name}{service="shop",claim="${claimId}",metric="${metric}"}`;

    expect(seriesOf(all, 'slawatch_claim_measured')).toEqual(
      new Map([
        // 1 − D ÷ (P − U) = 0.997916…
        [m('slawatch_claim_measured', 'availability', 'availability'), 1 - 1_800 / 864_000],
        [m('slawatch_claim_measured', 'mttr', 'mttr'), 1_800], // one incident of 30 min, in seconds
        [m('slawatch_claim_measured', 'incidents', 'incident_count'), 1],
        [m('slawatch_claim_measured', 'notification', 'notification_delay'), 1_200], // notified 20 min after detection
        // latency: no up checks measured → null → no series (never 0)
      ]),
    );
    expect(seriesOf(all, 'slawatch_claim_bound')).toEqual(
      new Map([
        [m('slawatch_claim_bound', 'availability', 'availability'), 0.99],
        [m('slawatch_claim_bound', 'mttr', 'mttr'), 2_520], // 42 min
        [m('slawatch_claim_bound', 'incidents', 'incident_count'), 27],
        [m('slawatch_claim_bound', 'notification', 'notification_delay'), 14_400], // 4 h
        [m('slawatch_claim_bound', 'latency', 'latency'), 0.8], // 800 ms
      ]),
    );
    expect(seriesOf(all, 'slawatch_claim_status')).toEqual(
      new Map([
        ...statusSeries('shop', 'availability', 'availability', 'met'),
        ...statusSeries('shop', 'mttr', 'mttr', 'met'),
        ...statusSeries('shop', 'incidents', 'incident_count', 'met'),
        ...statusSeries('shop', 'notification', 'notification_delay', 'met'),
        ...statusSeries('shop', 'latency', 'latency', 'insufficient_data'),
      ]),
    );
    // Budget = (1 − 0.99) × 864 000 s = 8 640 s; used D = 1 800 s; left (8 640 − 1 800) ÷ 8 640 = 0.791666…
    expect([...seriesOf(all, 'slawatch_error_budget_remaining_ratio').keys()]).toEqual([
      'slawatch_error_budget_remaining_ratio{service="shop",claim="availability"}',
    ]);
    expect(all.get('slawatch_error_budget_remaining_ratio{service="shop",claim="availability"}')).toBeCloseTo(
      (8_640 - 1_800) / 8_640,
      12,
    );
    expect(seriesOf(all, 'slawatch_open_incidents')).toEqual(new Map([['slawatch_open_incidents{service="shop"}', 0]]));
    // The month claim was left to the month report by `keep`.
    expect([...all.keys()].some((series) => series.includes('monthly-incidents'))).toBe(false);
  });

  it('shows burn rates by window and leaves out what is not known', async () => {
    const { read } = await scrape(async () => [
      {
        serviceId: 'api',
        openIncidents: null,
        claims: [
          {
            claimId: 'availability',
            metric: 'availability',
            bound: 0.9999,
            measured: null,
            status: 'insufficient_data',
            errorBudgetRemainingRatio: -0.5, // overspent by half
            burnRates: [
              { window: '1h', rate: 14.4 },
              { window: '5m', rate: 20 },
            ],
          },
        ],
      },
    ]);
    const all = await read();
    expect(seriesOf(all, 'slawatch_claim_measured').size).toBe(0);
    expect(seriesOf(all, 'slawatch_open_incidents').size).toBe(0);
    expect(all.get('slawatch_error_budget_remaining_ratio{service="api",claim="availability"}')).toBe(-0.5);
    expect(seriesOf(all, 'slawatch_error_budget_burn_rate')).toEqual(
      new Map([
        ['slawatch_error_budget_burn_rate{service="api",claim="availability",window="1h"}', 14.4],
        ['slawatch_error_budget_burn_rate{service="api",claim="availability",window="5m"}', 20],
      ]),
    );
  });

  it('reads the snapshot at scrape time, once per scrape, so a removed claim disappears', async () => {
    let snapshots: ClaimSnapshot[] = [
      {
        serviceId: 'shop',
        openIncidents: 1,
        claims: [
          {
            claimId: 'mttr',
            metric: 'mttr',
            bound: 2_520,
            measured: 600,
            status: 'met',
            errorBudgetRemainingRatio: null,
          },
        ],
      },
    ];
    const collect = vi.fn(async () => snapshots);
    const { read } = await scrape(collect);

    expect((await read()).get('slawatch_claim_measured{service="shop",claim="mttr",metric="mttr"}')).toBe(600);
    expect(collect).toHaveBeenCalledTimes(1); // six gauges, one call

    snapshots = [{ serviceId: 'shop', openIncidents: 0, claims: [] }];
    const second = await read();
    expect(collect).toHaveBeenCalledTimes(2);
    expect(seriesOf(second, 'slawatch_claim_measured').size).toBe(0);
    expect(seriesOf(second, 'slawatch_claim_status').size).toBe(0);
    expect(second.get('slawatch_open_incidents{service="shop"}')).toBe(0);
  });

  it('a failing snapshot leaves the claim series out, counts the failure and still answers the scrape', async () => {
    const onError = vi.fn();
    const { registry, read } = await scrape(async () => {
      throw new Error('evaluation cache unavailable');
    }, onError);
    // The same registry carries the probe metrics, which must survive a failed snapshot.
    createProbeMetrics(registry).observe('shop', 'web', 'local', { ok: true, latencyMs: 1, detail: {} });

    const all = await read();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(all.get('slawatch_claim_snapshot_errors_total')).toBe(1);
    expect(seriesOf(all, 'slawatch_claim_status').size).toBe(0);
    expect(all.get('probe_success{service="shop",monitor="web",location="local"}')).toBe(1);
  });
});
