// The CLI end to end, in-process: a CSV of checks imported (all or nothing) and the report JSON
// computed from what was stored, on every store dialect.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../../server/cli/main.ts';
import { openStore } from '../../../db/open-store.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';

const config = 'test/fixtures/cli/one-service.yaml';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

async function cli(args: string[], databaseUrl: string) {
  const out = capture();
  const err = capture();
  const code = await runCli(args, { stdout: out.stream, stderr: err.stream, env: { DATABASE_URL: databaseUrl } });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** 180 checks, one a minute from 00:00 to 02:59 JST on 2026-03-01; down from 01:00 to 01:09. */
function csvOfChecks(): string {
  const rows = ['time,monitor,status,latency_ms,location'];
  for (let minute = 0; minute < 180; minute++) {
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const down = minute >= 60 && minute < 70;
    rows.push(`2026-03-01T${hh}:${mm}:00+09:00,web,${down ? 'down' : 'up'},${down ? '' : 100 + (minute % 10)},`);
  }
  return rows.join('\n');
}

describe.each(testStores.map((f) => [f.title, f] as const))('slawatch import and report on %s', (_title, factory) => {
  let db: TestStore;
  let dir: string;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    dir = await mkdtemp(join(tmpdir(), 'slawatch-cli-'));
  });
  afterEach(async () => {
    await db?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV of checks and reports the figures computed from them', async () => {
    const file = join(dir, 'checks.csv');
    await writeFile(file, csvOfChecks());
    const imported = await cli(['import', 'checks', file, '--config', config], db.url);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported 180 checks');

    const report = await cli(
      [
        'report',
        '--service',
        'shop',
        '--from',
        '2026-03-01T00:00:00+09:00',
        '--to',
        '2026-03-01T03:00:00+09:00',
        '--as-of',
        '2026-03-02T00:00:00+09:00',
        '--config',
        config,
      ],
      db.url,
    );
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    // P = 3 h = 10,800 s (the 02:59 check holds to 03:00); D = 01:00–01:10 = 600 s; no unknown time.
    // availability = 1 − 600 / 10,800 = 0.94444…; one incident, repaired in 600 s.
    expect(json.period).toEqual({
      from: '2026-03-01T00:00:00+09:00',
      to: '2026-03-01T03:00:00+09:00',
      timezone: 'Asia/Tokyo',
    });
    expect(json.figures).toMatchObject({
      plannedSeconds: 10_800,
      downtimeSeconds: 600,
      unknownSeconds: 0,
      coverage: 1,
      incidentCount: 1,
      longIncidentCount: 0,
      openIncidentCount: 0,
      mttrSeconds: 600,
      notificationDelayMaxSeconds: null,
      incidentsNotifiedLate: null,
      maintenanceNoticeViolations: null,
    });
    expect(json.figures.availability).toBeCloseTo(1 - 600 / 10_800, 12);
    // 170 up checks with latency 100 + (minute mod 10): 17 of each of 100…109 ms. The median of
    // 170 values is the mean of the 85th and 86th: both 104 (ranks 69–85 are 104, 86–102 are 105)
    // → (104 + 105) / 2 = 104.5. p95: rank ⌈161.5⌉ = 162 → 109; p99: rank ⌈168.3⌉ = 169 → 109.
    expect([json.figures.latencyP50Ms, json.figures.latencyP95Ms, json.figures.latencyP99Ms]).toEqual([
      104.5, 109, 109,
    ]);
    const availability = json.claims.find((c: { id: string }) => c.id === 'availability');
    expect(availability).toMatchObject({ sheetRow: 5, metric: 'availability', bound: 0.999, status: 'breached' });
    const mttr = json.claims.find((c: { id: string }) => c.id === 'mttr');
    // 600 s ≤ 42 min = 2,520 s, and the period is over: met.
    expect(mttr).toMatchObject({ bound: 2520, measured: 600, status: 'met' });
    expect(mttr.text.ja).toContain('平均復旧時間 10分');
  });

  it('refuses a file with bad rows as a whole, listing every bad row, and writes nothing', async () => {
    const file = join(dir, 'bad.csv');
    const good = csvOfChecks().split('\n');
    // Line 3 gets an unknown monitor, line 10 a time without an offset.
    good[2] = '2026-03-01T00:01:00+09:00,nope,up,100,';
    good[9] = '2026-03-01T00:08:00,web,up,100,';
    await writeFile(file, good.join('\n'));
    const result = await cli(['import', 'checks', file, '--config', config], db.url);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: .*nope`));
    expect(lines[1]).toMatch(/:10: .*offset/);
    expect(lines[2]).toContain('nothing was written');
    const store = await openStore(db.url);
    try {
      expect(await store.listMonitorChecks(['web'], 0, 8.64e15)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('slawatch check', () => {
  it("validates the SPEC example; prints each claim's verifiability and contradictions with arithmetic", async () => {
    const out = capture();
    const err = capture();
    const code = await runCli(['check', '--config', 'test/fixtures/config/spec-example.yaml'], {
      stdout: out.stream,
      stderr: err.stream,
      env: {
        BACKUP_PUSH_TOKEN: 'abcdefghijklmnop1234',
        SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/x',
        SMTP_URL: 'smtp://127.0.0.1:25',
      },
    });
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    // 27 × 30 s = 13.5 min of error against (1 − 0.9999) × 525,600 min = 52.56 min: verifiable.
    expect(out.text()).toContain(
      'availability (row 5): downtime known within ±27 × 30 s = 13.5 ' +
        'min; the error budget of a year is 52.56 min: verifiable',
    );
    // 27 × 42 min = 1,134 min > 52.56 min; 13 × 1,440 min = 18,720 min > 1,134 min.
    expect(out.text()).toContain(
      '27 incidents × 42 min MTTR = 1,134 min of downtime, but 99.99% of a year allows 52.56 min',
    );
    expect(out.text()).toContain('13 incidents of at least 1,440 min = 18,720 min, more than 27 × 42 min = 1,134 min');
  });

  it('refuses an invalid config with every error and exit code 1', async () => {
    const out = capture();
    const err = capture();
    const code = await runCli(['check', '--config', 'test/fixtures/config/spec-example.yaml'], {
      stdout: out.stream,
      stderr: err.stream,
      env: {},
    });
    expect(code).toBe(1);
    // Three variables are referenced and none is set: one error line each, with its path.
    const lines = err.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('services[0].monitors[2].token: environment variable BACKUP_PUSH_TOKEN is not set');
    expect(lines[1]).toContain('notifications[0].url: environment variable SLACK_WEBHOOK_URL is not set');
    expect(lines[2]).toContain('notifications[1].smtp: environment variable SMTP_URL is not set');
  });
});
