import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigErrors } from '../../../server/config/config-errors.ts';
import { loadConfigFile, parseConfigText } from '../../../server/config/load-config.ts';
import { offThreadMinChars, parseYamlOffThread } from '../../../server/config/parse-yaml-off-thread.ts';
import { parseYaml } from '../../../server/config/parse-yaml.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';

function load(text: string, env: Record<string, string> = {}): SlawatchConfig {
  const result = parseConfigText(text, env, 'test.yaml');
  if (!result.ok) throw new Error(formatConfigErrors(result.errors, 'test.yaml'));
  return result.config;
}

function errorsOf(text: string): string {
  const result = parseConfigText(text, {}, 'test.yaml');
  if (result.ok) throw new Error('expected the config to be refused');
  return formatConfigErrors(result.errors, 'test.yaml');
}

describe('parseConfigText', () => {
  it('fills every default of a minimal file', () => {
    const config = load('services:\n  - id: web\n');
    expect(config).toEqual({
      timezone: 'UTC',
      server: { host: '127.0.0.1', port: 3000 },
      databaseUrl: null,
      retention: { checksMs: 35 * 86_400_000 },
      notifications: [],
      alerts: { budgetWindowMs: 30 * 86_400_000, tlsExpiryWithinMs: 14 * 86_400_000 },
      alertmanager: null,
      services: [
        {
          spec: {
            id: 'web',
            name: 'web', // the id
            timezone: 'UTC',
            downWhen: 'any',
            longAfterMs: 86_400_000,
            mergeGapMs: 0,
            historyFromMs: null,
            calendar: null,
            monitors: [],
            claims: [],
          },
          notify: [],
          notifyCustomers: [],
          statusPage: false,
          maintenance: [],
          monitors: [],
        },
      ],
      // SPEC §6 defaults (README "Security of the console").
      security: {
        password: { minLength: 12, rejectCommon: true, history: 5, maxAgeMs: 0 },
        twoFactor: 'admins',
        lockout: { accountFailures: 5, ipFailures: 20, windowMs: 15 * 60_000, durationMs: 15 * 60_000 },
        session: { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000, secureCookies: false },
        allowList: [],
        trustedProxies: [],
        tls: null,
        metricsToken: false,
        auditRetentionMs: 365 * 86_400_000,
      },
    });
  });

  it('loads every monitor type, channel type and calendar form', () => {
    const text = readFixture('all-types.yaml');
    const config = load(text, { SHOP_TOKEN: 's3cret' });
    expect(config.server).toEqual({ host: '0.0.0.0', port: 8080 }); // ${PORT:-8080}
    expect(config.databaseUrl).toBe('file:./data/test.db');
    expect(config.retention.checksMs).toBe(90 * 86_400_000);

    const [shop, ledger] = config.services;
    expect(shop!.spec).toMatchObject({
      timezone: 'Europe/Lisbon', // written europe/lisbon: Intl's spelling is kept
      downWhen: 2,
      mergeGapMs: 300_000, // 5m
      calendar: [
        { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 24 * 60 }, // weekdays 09:00–24:00
        { days: [6], startMinute: 10 * 60, endMinute: 14 * 60 + 30 }, // sat 10:00–14:30
      ],
    });
    expect(ledger!.spec.timezone).toBe('UTC'); // the file's default

    const [http, tcp, dns, tls, prometheus, push] = shop!.monitors;
    expect(http).toMatchObject({
      type: 'http',
      intervalMs: 5_000,
      timeoutMs: 2_500, // 10s would not end before the next 5s probe: half the interval
      quorum: 3, // majority of 4 = ⌊4/2⌋ + 1
      method: 'POST',
      headers: { Authorization: 'Bearer s3cret' },
      body: '{"ping":true}',
      expect: {
        status: null, // any 2xx
        bodyRegex: '^\\{',
        json: { path: '$.checks[0]["db status"]', segments: ['checks', 0, 'db status'], equals: null },
      },
      maxRedirects: 0,
      tlsVerify: false, // "false" as text
    });
    expect(tcp).toMatchObject({ type: 'tcp', host: '2001:db8::1', port: 5432, intervalMs: 60_000, timeoutMs: 3_000 });
    expect(dns).toMatchObject({
      type: 'dns',
      intervalMs: 60_000, // default interval
      timeoutMs: 10_000,
      name: 'shop.example.com.',
      recordType: 'AAAA',
      expected: ['2001:db8::1'],
      resolver: { host: '2606:4700::1111', port: 5353 },
    });
    expect(tls).toMatchObject({ type: 'tls', port: 443, servername: 'shop.example.com', minDaysLeft: 14 });
    expect(prometheus).toMatchObject({
      type: 'prometheus',
      url: 'http://prometheus:9090',
      query: 'up{job="shop"} == 1',
    });
    // 1h + grace 0 = 3_600_000 ms
    expect(push).toMatchObject({
      type: 'push',
      intervalMs: 3_600_000,
      confirm: 2,
      expectEveryMs: 3_600_000,
      graceMs: 0,
    });

    expect(shop!.spec.claims).toEqual([
      {
        id: 'availability-month',
        sheetRow: null,
        metric: 'availability',
        direction: 'min',
        bound: 0.995,
        period: { kind: 'month' },
        minCoverage: 0.95,
      },
      // max: 1.5 (seconds) = 1_500 ms; 30d = 2_592_000_000 ms
      {
        id: 'latency-p99',
        sheetRow: null,
        metric: 'latency',
        direction: 'max',
        bound: 1_500,
        period: { kind: 'rolling', lengthMs: 2_592_000_000 },
        minCoverage: 0.99,
        percentile: 99,
      },
      {
        id: 'latency-p95',
        sheetRow: null,
        metric: 'latency',
        direction: 'max',
        bound: 800,
        period: { kind: 'year' },
        minCoverage: 0.99,
        percentile: 95,
      },
      // no kind: the bound applies to both kinds; 2d = 172_800_000 ms
      {
        id: 'notice',
        sheetRow: null,
        metric: 'maintenance_notice',
        direction: 'min',
        bound: 172_800_000,
        period: { kind: 'quarter' },
        minCoverage: 0.99,
      },
    ]);
    expect(shop!.maintenance).toEqual([
      {
        id: 'mw-1',
        serviceId: 'shop',
        startMs: Date.UTC(2026, 2, 1),
        endMs: Date.UTC(2026, 2, 1, 0, 30),
        kind: 'no-downtime',
        announcedAtMs: null,
        title: '',
      },
    ]);
    expect(config.notifications).toEqual([
      // ${HOOK_SECRET:-} is empty: none
      { id: 'hook', type: 'webhook', url: 'https://hooks.example.com/slawatch', secret: null, repeatMs: 14_400_000 },
      {
        id: 'mail',
        type: 'email',
        to: ['ops@example.com', 'sre@example.com'],
        from: 'slawatch <alerts@example.com>',
        smtpUrl: 'smtps://u:p@mail.example.com:465',
        repeatMs: 3_600_000,
      },
      { id: 'am', type: 'alertmanager', url: 'http://alertmanager:9093/api/v2/alerts', repeatMs: 14_400_000 },
    ]);
  });

  it('keeps engine specs free of probe secrets', () => {
    const config = load(readFixture('all-types.yaml'), { SHOP_TOKEN: 's3cret' });
    expect(JSON.stringify(config.services.map((service) => service.spec))).not.toMatch(/s3cret|abcdefghijklmnop/);
  });

  it('reads YAML 1.2 (no, on and 09:00 stay strings) with anchors and merge keys', () => {
    const config = load(`
services:
  - id: no
    name: on
    calendar:
      - { days: [mon], from: 09:00, to: 17:30 }
    monitors:
      - &probe { id: a, type: tcp, host: example.com, port: 443, interval: 30s }
      - { <<: *probe, id: b, port: 8443 }
`);
    const [service] = config.services;
    expect(service!.spec).toMatchObject({
      id: 'no',
      name: 'on',
      calendar: [{ days: [1], startMinute: 540, endMinute: 1050 }],
    });
    expect(service!.monitors[1]).toMatchObject({
      id: 'b',
      type: 'tcp',
      host: 'example.com',
      port: 8443,
      intervalMs: 30_000,
    });
  });

  it('reports a YAML syntax error with its line and column, and nothing else', () => {
    // The schema would also refuse `api` as a duplicate; syntax errors stop before that.
    expect(errorsOf('services:\n  - id: web\n    id: api\n    bogus: 1\n')).toBe(
      'test.yaml:3:5: Map keys must be unique',
    );
    expect(errorsOf('services:\n  - id: web\n    monitors: [a, b\n')).toMatch(/^test\.yaml:4:1: Flow sequence/);
  });

  it('refuses an empty file (a truncated file must not drop every service)', () => {
    expect(errorsOf('')).toBe('test.yaml: the file is empty (expected a mapping with services and notifications)');
  });

  it('refuses an unresolved tag rather than guessing', () => {
    expect(errorsOf('timezone: !zone UTC\n')).toMatch(/^test\.yaml:1:11: /);
  });
});

describe('loadConfigFile', () => {
  it('loads a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slawatch-config-'));
    const path = join(dir, 'slawatch.yaml');
    writeFileSync(path, 'server: { port: 4000 }\n');
    const result = await loadConfigFile(path, {});
    expect(result.ok && result.config.server.port).toBe(4000);
  });

  it('reports a file it cannot read as an error, not an exception', async () => {
    const result = await loadConfigFile('/nonexistent/slawatch.yaml', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/^cannot read the file: ENOENT/);
  });
});

describe('formatConfigErrors', () => {
  it('prints one line per error: file, path, message; file:line:column for syntax errors', () => {
    const text = formatConfigErrors(
      [
        { path: 'services[0].monitors[1].interval', message: 'invalid duration "3x" (use 30s, 42m, 4h, 7d)' },
        { path: '', message: 'the file is empty (expected a mapping with services and notifications)' },
        { path: '', line: 3, column: 5, message: 'Map keys must be unique' },
      ],
      'slawatch.yaml',
    );
    expect(text.split('\n')).toEqual([
      'slawatch.yaml: services[0].monitors[1].interval: invalid duration "3x" (use 30s, 42m, 4h, 7d)',
      'slawatch.yaml: the file is empty (expected a mapping with services and notifications)',
      'slawatch.yaml:3:5: Map keys must be unique',
    ]);
  });
});

function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/config/${name}`, import.meta.url), 'utf8');
}

describe('loadConfigFile of a large file (parsed in a worker thread)', () => {
  // 4,000 one-line monitors make a file over offThreadMinChars; the oracle is the same text
  // through parseConfigText, which parses on this thread.
  const bigConfig = (monitorLine: (i: number) => string) => {
    const lines = ['services:'];
    for (let s = 0; s < 80; s++) {
      lines.push(`  - id: svc-${s}`, '    monitors:');
      for (let i = s * 50; i < (s + 1) * 50; i++) lines.push(monitorLine(i));
    }
    return `${lines.join('\n')}\n`;
  };
  const good = (i: number) =>
    `      - { id: m${i}, type: http, url: "http://127.0.0.1:9/m/${i}", interval: 60s, timeout: 5s }`;
  const write = (text: string) => {
    expect(text.length).toBeGreaterThan(offThreadMinChars);
    const path = join(mkdtempSync(join(tmpdir(), 'slawatch-big-config-')), 'slawatch.yaml');
    writeFileSync(path, text);
    return path;
  };

  it('gives the same config as parsing on this thread', async () => {
    const text = bigConfig(good);
    const result = await loadConfigFile(write(text), {});
    expect(result.ok).toBe(true);
    expect(result).toEqual(parseConfigText(text, {}, 'x'));
    if (result.ok) expect(result.config.services.flatMap((s) => s.monitors)).toHaveLength(4_000);
  });

  it("parses in the worker: the value equals this thread's parse; a syntax error comes back not ok", async () => {
    const text = bigConfig(good);
    const here = parseYaml(text);
    expect(here.ok).toBe(true);
    expect(await parseYamlOffThread(text)).toEqual({ ok: true, value: here.ok ? here.value : null });
    expect(await parseYamlOffThread('a: [1, 2\n')).toEqual({ ok: false });
    expect(await parseYamlOffThread('a: 1\na: 2\n')).toEqual({ ok: false }); // duplicate key
  });

  it('gives the same errors, in file order, for a schema error and for a YAML syntax error', async () => {
    const schema = bigConfig((i) =>
      i === 3_999 || i === 7 ? good(i).replace('interval: 60s', 'interval: 3x') : good(i),
    );
    const syntax = bigConfig((i) => (i === 2_500 ? '      - { id: broken, type: http' : good(i)));
    for (const text of [schema, syntax]) {
      const result = await loadConfigFile(write(text), {});
      expect(result.ok).toBe(false);
      expect(result).toEqual(parseConfigText(text, {}, 'x'));
    }
    const result = await loadConfigFile(write(schema), {});
    if (!result.ok)
      expect(formatConfigErrors(result.errors, 'f')).toMatch(
        /services\[0\]\.monitors\[7\]\.interval[\s\S]*services\[79\]\.monitors\[49\]\.interval/,
      );
  });
});
