import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../jobs/probes/probe.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createProbeMetrics } from '../../../server/metrics/probe-metrics.ts';
import { samples, seriesOf } from './prom-text.ts';

const probeNames = [
  'probe_success',
  'probe_duration_seconds',
  'probe_http_status_code',
  'probe_ssl_earliest_cert_expiry',
];

async function probeSeries(registry: ReturnType<typeof createMetricsRegistry>) {
  const all = samples(await registry.metrics());
  return new Map(probeNames.flatMap((name) => [...seriesOf(all, name)]));
}

const at = (monitor: string, location: string) => `{service="shop",monitor="${monitor}",location="${location}"}`;

describe('createProbeMetrics', () => {
  it.each<[string, ProbeResult, Record<string, number>]>([
    [
      'an HTTPS probe that succeeded sets success, duration, status code and certificate expiry',
      { ok: true, latencyMs: 123, detail: { httpStatus: 200, certExpiresAtMs: 1_800_000_000_999 } },
      {
        probe_success: 1,
        probe_duration_seconds: 0.123, // 123 ms
        probe_http_status_code: 200,
        probe_ssl_earliest_cert_expiry: 1_800_000_000, // 1 800 000 000 999 ms, whole seconds since the epoch
      },
    ],
    [
      'an HTTP probe that got a 503 is a failure with its status code',
      { ok: false, latencyMs: 40, errorClass: 'http_status', message: 'status 503', detail: { httpStatus: 503 } },
      { probe_success: 0, probe_duration_seconds: 0.04, probe_http_status_code: 503 },
    ],
    [
      'a probe that timed out without a latency sets only success 0',
      { ok: false, latencyMs: null, errorClass: 'timeout', message: 'timed out after 10s', detail: {} },
      { probe_success: 0 },
    ],
    [
      'a TCP probe sets no status code and no certificate expiry',
      { ok: true, latencyMs: 2, detail: {} },
      { probe_success: 1, probe_duration_seconds: 0.002 },
    ],
  ])('%s', async (_, result, expected) => {
    const registry = createMetricsRegistry({ processMetrics: false });
    createProbeMetrics(registry).observe('shop', 'web', 'tokyo', result);
    const want = new Map(Object.entries(expected).map(([name, value]) => [`${name}${at('web', 'tokyo')}`, value]));
    expect(await probeSeries(registry)).toEqual(want);
  });

  it('a later probe that learned less drops the facts of the earlier one instead of keeping them stale', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    const metrics = createProbeMetrics(registry);
    metrics.observe('shop', 'web', 'tokyo', {
      ok: true,
      latencyMs: 80,
      detail: { httpStatus: 200, certExpiresAtMs: 2_000_000_000_000 },
    });
    metrics.observe('shop', 'web', 'tokyo', {
      ok: false,
      latencyMs: null,
      errorClass: 'connection_refused',
      message: 'refused',
      detail: {},
    });
    expect(await probeSeries(registry)).toEqual(new Map([[`probe_success${at('web', 'tokyo')}`, 0]]));
  });

  it('keeps one series per monitor location', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    const metrics = createProbeMetrics(registry);
    metrics.observe('shop', 'web', 'tokyo', { ok: true, latencyMs: 10, detail: {} });
    metrics.observe('shop', 'web', 'osaka', {
      ok: false,
      latencyMs: 20,
      errorClass: 'too_slow',
      message: 'slow',
      detail: {},
    });
    metrics.observe('shop', 'web', 'tokyo', { ok: true, latencyMs: 30, detail: {} });
    const success = seriesOf(await probeSeries(registry), 'probe_success');
    expect(success).toEqual(
      new Map([
        [`probe_success${at('web', 'tokyo')}`, 1],
        [`probe_success${at('web', 'osaka')}`, 0],
      ]),
    );
  });

  it('forget drops every series of the removed monitor, at every location, and nothing else', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    const metrics = createProbeMetrics(registry);
    const ok: ProbeResult = { ok: true, latencyMs: 5, detail: { httpStatus: 204 } };
    metrics.observe('shop', 'web', 'tokyo', ok);
    metrics.observe('shop', 'web', 'osaka', ok);
    metrics.observe('shop', 'api', 'tokyo', ok);
    metrics.forget('web');
    const left = [...(await probeSeries(registry)).keys()];
    expect(left.sort()).toEqual(
      [
        `probe_duration_seconds${at('api', 'tokyo')}`,
        `probe_http_status_code${at('api', 'tokyo')}`,
        `probe_success${at('api', 'tokyo')}`,
      ].sort(),
    );
    metrics.forget('web'); // twice is harmless
    metrics.forget('never-seen');
    expect((await probeSeries(registry)).size).toBe(3);
  });

  it('two registries do not share series (no global metrics)', async () => {
    const first = createMetricsRegistry({ processMetrics: false });
    const second = createMetricsRegistry({ processMetrics: false });
    createProbeMetrics(first).observe('shop', 'web', 'tokyo', { ok: true, latencyMs: 1, detail: {} });
    createProbeMetrics(second);
    expect((await probeSeries(first)).size).toBe(2);
    expect((await probeSeries(second)).size).toBe(0);
  });
});
