// The burn-rate rules must pass `promtool check rules`, and `promtool test rules` must see the
// fast-burn alert fire after five minutes of a full outage following an hour of success, and not
// before. promtool comes with the Debian package `prometheus` (.ci/run installs it); without it
// these cases skip, except under CI=true, where they fail.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { prometheusRules, renderPrometheusRules } from '../../../server/reports/prometheus-rules.ts';
import { claim, monitor, service } from '../../oracle/build.ts';

const mustRun = process.env.CI === 'true';
const probe = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
const missing = probe.error ? 'promtool is not installed (apt-get install prometheus)' : null;
if (missing && !mustRun) console.warn(`skipping the promtool rule checks: ${missing}`);

function promtool(args: string[]) {
  if (missing) throw new Error(`${missing} (CI=true: the promtool checks must run)`);
  const run = spawnSync('promtool', args, { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const shop = service({
  id: 'shop',
  name: 'Shop',
  monitors: [monitor('web'), monitor('api')],
  claims: [claim('availability', 0.999)],
});
const queue = service({
  id: 'queue',
  name: 'Queue',
  downWhen: 2,
  monitors: [monitor('q1'), monitor('q2'), monitor('q3')],
  claims: [claim('availability', 0.9999)],
});

describe(missing && !mustRun ? `promtool rules (skipped: ${missing})` : 'promtool rules', () => {
  it.skipIf(missing && !mustRun)('checks the generated rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slawatch-rules-'));
    try {
      await writeFile(join(dir, 'rules.yml'), renderPrometheusRules([shop, queue]));
      const result = promtool(['check', 'rules', join(dir, 'rules.yml')]);
      expect(result.output).toContain('SUCCESS');
      expect(result.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(missing && !mustRun)(
    'fires the fast burn only once both of its windows burn at 14.4 × (1 − 99.9 %)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'slawatch-rules-'));
      try {
        await writeFile(join(dir, 'rules.yml'), renderPrometheusRules([shop]));
        const fast = prometheusRules([shop]).groups[1]!.rules[0] as {
          labels: Record<string, string>;
          annotations: Record<string, string>;
        };
        // web is up for 60 min, then down; api stays up. With down_when any the service is down
        // from 61 min. At 65 min the 5 m error ratio is 5/5 = 1 and the 1 h one 5/60 ≈ 0.083, both
        // ≥ 14.4 × 0.001 = 0.0144: it fires. At 60 min nothing has failed yet.
        const test = {
          rule_files: ['rules.yml'],
          evaluation_interval: '1m',
          tests: [
            {
              interval: '1m',
              input_series: [
                { series: 'probe_success{service="shop",monitor="web",location="local"}', values: '1x60 0x20' },
                { series: 'probe_success{service="shop",monitor="api",location="local"}', values: '1x80' },
              ],
              alert_rule_test: [
                { eval_time: '60m', alertname: 'SlawatchErrorBudgetBurnFast', exp_alerts: [] },
                {
                  eval_time: '65m',
                  alertname: 'SlawatchErrorBudgetBurnFast',
                  exp_alerts: [{ exp_labels: fast.labels, exp_annotations: fast.annotations }],
                },
              ],
              promql_expr_test: [
                {
                  expr: 'slawatch_service:probe_success:up',
                  eval_time: '65m',
                  exp_samples: [{ labels: '{__name__="slawatch_service:probe_success:up",service="shop"}', value: 0 }],
                },
              ],
            },
          ],
        };
        await writeFile(join(dir, 'test.yml'), stringify(test));
        const result = promtool(['test', 'rules', join(dir, 'test.yml')]);
        expect(result.output).toContain('SUCCESS');
        expect(result.status).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('burn-rate rules', () => {
  it('use the thresholds factor × (1 − objective) of SPEC §4 and the down_when rule', () => {
    const rules = prometheusRules([queue]);
    expect(rules.groups[0]!.rules[0]).toEqual({
      record: 'slawatch_service:probe_success:up',
      expr: 'sum by (service) (1 - probe_success{service="queue"}) < bool 2',
      labels: { service: 'queue' },
    });
    const [fast, slow] = rules.groups[1]!.rules as Array<{ expr: string }>;
    // 14.4 × 0.0001 = 0.00144; 6 × 0.0001 = 0.0006; 3 × 0.0001 = 0.0003; 1 × 0.0001 = 0.0001.
    expect(fast!.expr).toContain(
      'rate1h{service="queue"} >= 0.00144 and slawatch_service:probe_error_ratio:rate5m{service="queue"} >= 0.00144',
    );
    expect(fast!.expr).toContain(
      'rate6h{service="queue"} >= 0.0006 and slawatch_service:probe_error_ratio:rate30m{service="queue"} >= 0.0006',
    );
    expect(slow!.expr).toContain(
      'rate1d{service="queue"} >= 0.0003 and slawatch_service:probe_error_ratio:rate2h{service="queue"} >= 0.0003',
    );
    expect(slow!.expr).toContain(
      'rate3d{service="queue"} >= 0.0001 and slawatch_service:probe_error_ratio:rate6h{service="queue"} >= 0.0001',
    );
  });
});
