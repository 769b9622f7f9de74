// The whole /metrics output must pass `promtool check metrics` with no error and no warning:
// Prometheus' own linter (metric and label naming, units, counter suffixes, HELP text, format).
// promtool comes with the Debian package `prometheus`. Without it these cases skip with the
// reason, except under CI=true, where they fail: a CI run must not pass by skipping.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createProbeMetrics } from '../../../server/metrics/probe-metrics.ts';
import { createClaimMetrics } from '../../../server/metrics/claim-metrics.ts';
import { testApp } from '../app/test-app.ts';

const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const missing = probe.error ? 'promtool is not installed (apt-get install prometheus)' : null;
const mustRun = process.env.CI === 'true';
if (missing && !mustRun) console.warn(`skipping the promtool checks: ${missing}`);

function promtoolCheck(text: string) {
  if (missing) throw new Error(`${missing} (CI=true: the promtool checks must run)`);
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

describe(missing && !mustRun ? `promtool check metrics (skipped: ${missing})` : 'promtool check metrics', () => {
  it.skipIf(missing && !mustRun)('passes the whole /metrics output with no error and no warning', async () => {
    const registry = createMetricsRegistry(); // process metrics included
    const probes = createProbeMetrics(registry);
    probes.observe('shop', 'web', 'tokyo', {
      ok: true,
      latencyMs: 87,
      detail: { httpStatus: 200, certExpiresAtMs: 1_800_000_000_000 },
    });
    probes.observe('shop', 'web', 'osaka "dc-2"\\east', {
      ok: false,
      latencyMs: null,
      errorClass: 'timeout',
      message: 'timed out',
      detail: {},
    });
    probes.observe('shop', 'api', 'local', { ok: true, latencyMs: 3, detail: {} });
    createClaimMetrics(registry, {
      collect: async () => [
        {
          serviceId: 'shop',
          openIncidents: 1,
          claims: [
            {
              claimId: 'availability',
              metric: 'availability',
              bound: 0.9999,
              measured: 0.99991,
              status: 'at_risk',
              errorBudgetRemainingRatio: 0.1,
              burnRates: [{ window: '1h', rate: 14.4 }],
            },
            {
              claimId: 'mttr',
              metric: 'mttr',
              bound: 2_520,
              measured: null,
              status: 'insufficient_data',
              errorBudgetRemainingRatio: null,
            },
          ],
        },
      ],
    });
    const { app } = testApp({ registry });
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain('probe_success{service="shop",monitor="web",location="osaka \\"dc-2\\"\\\\east"} 0');

    expect(promtoolCheck(text)).toEqual({ status: 0, output: '' });
  });

  it.skipIf(missing && !mustRun)('does flag a naming problem (the check above is not vacuous)', () => {
    const { status, output } = promtoolCheck('# HELP open_total Open things.\n# TYPE open_total gauge\nopen_total 3\n');
    expect(status).not.toBe(0);
    expect(output).toContain('non-counter metrics should not have "_total" suffix');
  });
});
