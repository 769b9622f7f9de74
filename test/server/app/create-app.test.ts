import { describe, expect, it } from 'vitest';
import { Gauge } from 'prom-client';
import { redactPath } from '../../../server/app/redact-path.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createProbeMetrics } from '../../../server/metrics/probe-metrics.ts';
import { testApp } from './test-app.ts';

describe('/healthz', () => {
  it('answers 200 with the detail while healthy', async () => {
    const { app } = testApp();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, detail: 'store reachable; scheduler ticked 2s ago' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with the detail while unhealthy', async () => {
    const { app } = testApp({ health: async () => ({ ok: false, detail: 'store unreachable' }) });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, detail: 'store unreachable' });
  });

  it('answers 503 when the health check itself throws, without its message', async () => {
    const { app } = testApp({
      health: () => {
        throw new Error('connect ECONNREFUSED postgres://admin:hunter2@db');
      },
    });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, detail: 'the health check failed' });
    expect(text).not.toContain('hunter2');
  });
});

describe('/metrics', () => {
  it('serves the registry in the Prometheus text format with its content type', async () => {
    const registry = createMetricsRegistry();
    const { app } = testApp({ registry });
    createProbeMetrics(registry).observe('shop', 'web', 'local', {
      ok: true,
      latencyMs: 250,
      detail: { httpStatus: 200 },
    });
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(registry.contentType);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain(
      '# TYPE probe_success gauge\nprobe_success{service="shop",monitor="web",location="local"} 1\n',
    );
    expect(text).toContain('probe_duration_seconds{service="shop",monitor="web",location="local"} 0.25\n'); // 250 ms
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    // Gauges named …_total break Prometheus conventions; their per-type sums stay.
    expect(text).not.toContain('nodejs_active_handles_total');
    expect(text).toContain('# TYPE nodejs_active_handles gauge');
  });

  it('keeps the metrics of two apps apart (one registry per app)', async () => {
    const first = testApp();
    const second = testApp();
    createProbeMetrics(first.registry).observe('shop', 'web', 'local', {
      ok: false,
      latencyMs: 5,
      errorClass: 'http_status',
      message: '503',
      detail: {},
    });
    createProbeMetrics(second.registry);
    expect(await (await first.app.request('/metrics')).text()).toContain(
      'probe_success{service="shop",monitor="web",location="local"} 0',
    );
    expect(await (await second.app.request('/metrics')).text()).not.toContain('probe_success{');
  });
});

describe('errors', () => {
  it('answers an unexpected error with a bare JSON 500 and reports it, never the stack', async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    new Gauge({
      name: 'broken_gauge',
      help: 'A collect that throws, as a bug would.',
      registers: [registry],
      collect() {
        throw new Error('secret internals at /work/main/server/x.ts:1');
      },
    });
    const { app, errors } = testApp({ registry });
    const res = await app.request('/metrics');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: 'internal server error' });
    expect(text).not.toMatch(/secret|\.ts|at /);
    expect(errors.map((e) => [e.method, e.path, (e.error as Error).message])).toEqual([
      ['GET', '/metrics', 'secret internals at /work/main/server/x.ts:1'],
    ]);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const { app, errors } = testApp();
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'not found' });
    expect(errors).toEqual([]);
  });
});

describe('redactPath', () => {
  it.each([
    ['a push URL', '/api/v1/push/abcdefghijklmnop1234', '/api/v1/push/[redacted]'],
    ['a push URL with a trailing slash', '/api/v1/push/abcdefghijklmnop1234/', '/api/v1/push/[redacted]/'],
    ['a push URL with a doubled slash', '/api/v1/push//abcdefghijklmnop1234', '/api/v1/push//[redacted]'],
    ['a push URL in another case', '/API/V1/PUSH/abcdefghijklmnop1234', '/API/V1/PUSH/[redacted]'],
    ['a path without secrets', '/healthz', '/healthz'],
    ['the push prefix alone', '/api/v1/push', '/api/v1/push'],
  ])('redacts %s', (_, path, expected) => {
    expect(redactPath(path)).toBe(expected);
  });
});
