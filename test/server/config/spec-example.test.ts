// SPEC §5's complete example, copied verbatim into test/fixtures/config/spec-example.yaml, must
// load exactly as written. Each expected value is worked out by hand beside it.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../server/config/load-config.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';

const fixture = new URL('../../fixtures/config/spec-example.yaml', import.meta.url);
const env = {
  BACKUP_PUSH_TOKEN: 'b4ckup-t0ken-0123456789',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXX',
  SMTP_URL: 'smtp://mailer:secret@mail.example.com:587',
};

function loadExample(): SlawatchConfig {
  const result = parseConfigText(readFileSync(fixture, 'utf8'), env, 'spec-example.yaml');
  if (!result.ok) throw new Error(`spec example refused: ${JSON.stringify(result.errors)}`);
  return result.config;
}

const hour = 3_600_000;
const day = 24 * hour;

describe('the SPEC §5 example', () => {
  const config = loadExample();
  const service = config.services[0]!;

  // The SPEC lives beside the repository in the workspace, not in every checkout.
  const specPath = new URL('../../../../shared/SPEC.md', import.meta.url);
  it.skipIf(!existsSync(specPath))('is in the SPEC verbatim', () => {
    const spec = readFileSync(specPath, 'utf8');
    const block = /```yaml\n([\s\S]*?)\n\s*```/.exec(spec)?.[1] ?? '';
    const unindented = block
      .split('\n')
      .map((line) => line.replace(/^ {2}/, ''))
      .join('\n');
    expect(readFileSync(fixture, 'utf8').trimEnd()).toBe(unindented.trimEnd());
  });

  it('takes the server, storage and retention defaults', () => {
    expect(config.timezone).toBe('Asia/Tokyo');
    expect(config.server).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.databaseUrl).toBeNull(); // DATABASE_URL is the caller's business
    expect(config.retention.checksMs).toBe(35 * day); // 3_024_000_000
  });

  it('gives the service spec', () => {
    const { monitors, claims, ...rest } = service.spec;
    expect(rest).toEqual({
      id: 'lanscope-cloud',
      name: 'LANSCOPE Endpoint Manager Cloud',
      timezone: 'Asia/Tokyo', // the file's default
      downWhen: 'any',
      longAfterMs: 86_400_000, // 24h = 24 × 3_600_000
      mergeGapMs: 0, // default
      // 2022-01-01T00:00:00+09:00 = 2021-12-31T15:00:00Z
      historyFromMs: Date.UTC(2021, 11, 31, 15, 0, 0),
      calendar: null, // 24x7
    });
    expect(historyFromIso(rest.historyFromMs)).toBe('2021-12-31T15:00:00.000Z');
    expect(monitors).toEqual([
      // 30s = 30_000 ms; quorum 2 of 3 locations as written
      {
        id: 'console',
        type: 'http',
        intervalMs: 30_000,
        confirm: 2,
        locations: ['tokyo', 'osaka', 'singapore'],
        quorum: 2,
      },
      // locations omitted: the server's own; quorum: majority of 1 = ⌊1/2⌋ + 1 = 1
      { id: 'api', type: 'tcp', intervalMs: 30_000, confirm: 1, locations: ['local'], quorum: 1 },
      // expect_every 1d + grace 2h = 86_400_000 + 7_200_000 = 93_600_000 ms
      { id: 'backup', type: 'push', intervalMs: 93_600_000, confirm: 1, locations: ['local'], quorum: 1 },
    ]);
  });

  it('gives each claim its bound in base units, its direction and the defaults', () => {
    const year = { kind: 'year' } as const;
    const common = { period: year, minCoverage: 0.99 }; // defaults: year, 99%
    expect(service.spec.claims).toEqual([
      // 99.99% → 9999 / 10_000 = 0.9999 (exactly the float literal)
      { id: 'availability', sheetRow: 5, metric: 'availability', direction: 'min', bound: 0.9999, ...common },
      // 42m = 42 × 60_000 = 2_520_000 ms
      { id: 'mttr', sheetRow: 10, metric: 'mttr', direction: 'max', bound: 2_520_000, ...common },
      { id: 'incidents', sheetRow: 12, metric: 'incident_count', direction: 'max', bound: 27, ...common },
      { id: 'long-incidents', sheetRow: 12, metric: 'long_incident_count', direction: 'max', bound: 13, ...common },
      // 4h = 4 × 3_600_000 = 14_400_000 ms
      {
        id: 'notification',
        sheetRow: 15,
        metric: 'notification_delay',
        direction: 'max',
        bound: 14_400_000,
        ...common,
      },
      // 7d = 7 × 86_400_000 = 604_800_000 ms
      {
        id: 'notice-downtime',
        sheetRow: 2,
        metric: 'maintenance_notice',
        direction: 'min',
        bound: 604_800_000,
        kind: 'downtime',
        ...common,
      },
      // 3d = 3 × 86_400_000 = 259_200_000 ms
      {
        id: 'notice-other',
        sheetRow: 2,
        metric: 'maintenance_notice',
        direction: 'min',
        bound: 259_200_000,
        kind: 'no-downtime',
        ...common,
      },
      // 1d = 86_400_000 ms
      {
        id: 'backups',
        sheetRow: 28,
        metric: 'backup_freshness',
        direction: 'max',
        bound: 86_400_000,
        monitorId: 'backup',
        ...common,
      },
    ]);
    expect(service.spec.claims[0]!.bound).toBe(0.9999);
  });

  it('gives the probe settings with their defaults', () => {
    expect(service.monitors).toEqual([
      {
        ...service.spec.monitors[0],
        timeoutMs: 10_000, // 10s
        url: 'https://console.example.com/health',
        method: 'GET',
        headers: {},
        body: null,
        // max_latency 3s = 3_000 ms
        expect: { status: [200], bodyContains: 'ok', bodyRegex: null, json: null, maxLatencyMs: 3_000 },
        maxRedirects: 10,
        tlsVerify: true,
      },
      // timeout omitted: 10s, which is below the 30s interval
      { ...service.spec.monitors[1], timeoutMs: 10_000, host: 'api.example.com', port: 443 },
      {
        ...service.spec.monitors[2],
        token: env.BACKUP_PUSH_TOKEN,
        expectEveryMs: 86_400_000, // 1d
        graceMs: 7_200_000, // 2h
      },
    ]);
  });

  it('gives the maintenance window in epoch ms', () => {
    expect(service.maintenance).toEqual([
      {
        serviceId: 'lanscope-cloud',
        startMs: Date.UTC(2026, 11, 4, 16, 0, 0), // 2026-12-05T01:00+09:00 = 2026-12-04T16:00Z
        endMs: Date.UTC(2026, 11, 4, 18, 0, 0), // 03:00+09:00 = 18:00Z the day before
        kind: 'downtime',
        announcedAtMs: Date.UTC(2026, 10, 25, 1, 0, 0), // 2026-11-25T10:00+09:00 = 01:00Z
        title: 'Database upgrade',
      },
    ]);
  });

  it('gives the channels, with secrets from the environment', () => {
    expect(service.notify).toEqual(['ops']);
    expect(service.notifyCustomers).toEqual(['customers']);
    expect(config.notifications).toEqual([
      { id: 'ops', type: 'slack', url: env.SLACK_WEBHOOK_URL, repeatMs: 4 * hour },
      {
        id: 'customers',
        type: 'email',
        to: ['sla-contacts@example.com'],
        from: null,
        smtpUrl: env.SMTP_URL,
        repeatMs: 4 * hour,
      },
    ]);
  });

  it('is refused as a whole, naming each variable, when the environment lacks them', () => {
    const result = parseConfigText(readFileSync(fixture, 'utf8'), {}, 'spec-example.yaml');
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('config');
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual([
      'services[0].monitors[2].token',
      'notifications[0].url',
      'notifications[1].smtp',
    ]);
  });
});

function historyFromIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
