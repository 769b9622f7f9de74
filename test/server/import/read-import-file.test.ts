import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKinds, rowParsers } from '../../../server/import/import-kinds.ts';
import { ImportFileError, readImportFile } from '../../../server/import/read-import-file.ts';
import { ctx, fixture, readAll } from './import-context.ts';

const goodChecks = [
  { monitorId: 'console', location: 'tokyo', timeMs: Date.UTC(2026, 0, 5, 0, 0, 0), status: 'up', latencyMs: 120 },
  { monitorId: 'console', location: 'osaka', timeMs: Date.UTC(2026, 0, 5, 0, 0, 0), status: 'down', latencyMs: null },
  { monitorId: 'api', location: 'local', timeMs: Date.UTC(2026, 0, 5, 0, 0, 30), status: 'up', latencyMs: 85.5 },
  { monitorId: 'api', location: 'local', timeMs: Date.UTC(2026, 0, 5, 0, 0, 30, 250), status: 'down', latencyMs: null },
  { monitorId: 'backup', location: 'tokyo', timeMs: Date.UTC(2026, 0, 5, 0, 1, 0), status: 'up', latencyMs: 3000 },
];

const goodIncidents = [
  {
    serviceId: 'lanscope-cloud',
    startedAtMs: Date.UTC(2026, 1, 1, 1, 0),
    detectedAtMs: Date.UTC(2026, 1, 1, 1, 2),
    notifiedAtMs: Date.UTC(2026, 1, 1, 1, 30),
    resolvedAtMs: Date.UTC(2026, 1, 1, 2, 0),
    impact: 'outage',
    source: 'import',
    title: 'Console unreachable',
  },
  {
    serviceId: 'lanscope-cloud',
    startedAtMs: Date.UTC(2026, 2, 10),
    detectedAtMs: null,
    notifiedAtMs: null,
    resolvedAtMs: null,
    impact: 'partial',
    source: 'import',
    title: 'Slow reports, some timeouts',
  },
  {
    serviceId: 'status-page',
    startedAtMs: Date.UTC(2026, 3, 1, 12),
    detectedAtMs: null,
    notifiedAtMs: null,
    resolvedAtMs: Date.UTC(2026, 3, 2, 12),
    impact: 'outage',
    source: 'import',
    title: 'Status page down',
  },
];

const goodMaintenance = [
  {
    serviceId: 'lanscope-cloud',
    startMs: Date.UTC(2026, 11, 4, 16),
    endMs: Date.UTC(2026, 11, 4, 18),
    kind: 'downtime',
    announcedAtMs: Date.UTC(2026, 10, 25, 1),
    title: 'Database upgrade',
  },
  {
    serviceId: 'status-page',
    startMs: Date.UTC(2026, 5, 1),
    endMs: Date.UTC(2026, 5, 1, 0, 30),
    kind: 'no-downtime',
    announcedAtMs: null,
    title: 'Certificate rotation',
  },
];

const noOffset = 'has no UTC offset; add Z or ±HH:MM';
const notIso = 'is not an ISO 8601 date-time with offset (e.g. 2026-01-31T09:00:00+09:00)';

describe('readImportFile', () => {
  it('has a row parser for every import kind', () => {
    expect(Object.keys(rowParsers)).toEqual([...importKinds]);
  });

  it.each([
    ['checks', 'checks-good.csv', goodChecks],
    ['checks', 'checks-good.json', goodChecks],
    ['checks', 'checks-good.ndjson', goodChecks],
    ['checks', 'checks-bom-crlf.csv', goodChecks],
    ['incidents', 'incidents-good.csv', goodIncidents],
    ['incidents', 'incidents-good.json', goodIncidents],
    ['incidents', 'incidents-good.ndjson', goodIncidents],
    ['maintenance', 'maintenance-good.csv', goodMaintenance],
    ['maintenance', 'maintenance-good.json', goodMaintenance],
    ['maintenance', 'maintenance-good.jsonl', goodMaintenance],
  ] as const)('reads good %s from %s', async (kind, name, expected) => {
    const { values, errors } = await readAll(kind, fixture(name));
    if (name === 'checks-bom-crlf.csv') {
      expect(errors).toEqual([{ line: 7, reason: `time "2026-01-05T09:01:00" ${noOffset}` }]);
    } else {
      expect(errors).toEqual([]);
    }
    expect(values).toEqual(expected);
  });

  it('reads CSV columns in any order, optional ones left out', async () => {
    const { values, errors } = await readAll('checks', fixture('checks-columns-reordered.csv'));
    expect(errors).toEqual([]);
    expect(values).toEqual([
      { monitorId: 'api', location: 'local', timeMs: Date.UTC(2026, 0, 5, 0, 0), status: 'up', latencyMs: null },
      { monitorId: 'backup', location: 'tokyo', timeMs: Date.UTC(2026, 0, 5, 0, 1), status: 'down', latencyMs: null },
    ]);
  });

  it.each([
    [
      'checks',
      'checks-bad.csv',
      2,
      [
        { line: 3, reason: `time "2026-01-05T09:00:00" ${noOffset}` },
        { line: 4, reason: 'monitor "nope" is not a configured monitor' },
        { line: 5, reason: 'location "paris" is not a location of monitor "console" (tokyo, osaka or singapore)' },
        { line: 6, reason: 'location is required for monitor "console" (tokyo, osaka or singapore)' },
        { line: 7, reason: 'status "ok" must be up, down, 1 or 0; latency_ms "-3" must be a non-negative number' },
        { line: 8, reason: 'has 3 fields; the header has 5' },
        { line: 10, reason: `time "yesterday" ${notIso}; location "tokyo" is not a location of monitor "api" (local)` },
        {
          line: 11,
          reason:
            'time "2026-02-30T00:00:00Z" is not a valid date; location ' +
            '"osaka" is not a location of monitor "backup" (tokyo)',
        },
        {
          line: 12,
          reason:
            `time "2026-01-05 09:00" ${noOffset}; status is required (up, ` +
            `down, 1 or 0); latency_ms "1e3" must be a non-negative number`,
        },
      ],
    ],
    [
      'incidents',
      'incidents-bad.csv',
      1,
      [
        { line: 3, reason: 'service "unknown-service" is not a configured service' },
        { line: 4, reason: 'started_at is required' },
        {
          line: 5,
          reason:
            'detected_at is before started_at; notified_at is before started_at; resolved_at must be after started_at',
        },
        { line: 6, reason: 'impact "minor" must be outage or partial; title is required' },
        {
          line: 7,
          reason: `started_at "2026-02-01T10:00:00" ${noOffset}; resolved_at "2026-02-01T12:00:00" ${noOffset}`,
        },
      ],
    ],
    [
      'maintenance',
      'maintenance-bad.csv',
      1,
      [
        { line: 2, reason: 'end must be after start' },
        { line: 3, reason: 'kind is required (downtime or no-downtime)' },
        { line: 4, reason: `kind "partial" must be downtime or no-downtime; announced_at "next week" ${notIso}` },
        { line: 5, reason: 'service "nope" is not a configured service; end is required; title is required' },
      ],
    ],
    [
      'checks',
      'checks-bad.json',
      1,
      [
        { line: 2, reason: 'item 2: must be an object with the fields time, monitor, status, latency_ms, location' },
        { line: 3, reason: 'item 3: status true must be a string, a number or null; unknown field "region"' },
        {
          line: 4,
          reason:
            'item 4: time 1767571200000 must be an ISO 8601 date-time string; ' +
            'location is required for monitor "console" (tokyo, osaka or singapore)',
        },
      ],
    ],
    [
      'checks',
      'checks-bad.ndjson',
      1,
      [
        { line: 3, reason: 'not valid JSON: Expected double-quoted property name in JSON at position 52' },
        { line: 4, reason: 'must be an object with the fields time, monitor, status, latency_ms, location' },
        { line: 5, reason: 'latency_ms [5] must be a string, a number or null' },
      ],
    ],
  ] as const)('reports every bad row of %s in %s with its line and reason', async (kind, name, goodRows, expected) => {
    const { values, errors } = await readAll(kind, fixture(name));
    expect(errors).toEqual(expected);
    expect(values).toHaveLength(goodRows);
  });

  it.each([
    ['LF', 'incidents-multiline.csv', 5, 'Console down\nafter the "v2" deploy,\nrolled back', 'Two\nlines'],
    ['CRLF', 'incidents-multiline-crlf.csv', 4, 'Console down\r\nrolled back', 'Three\r\n\r\nlines'],
  ])(
    'keeps line numbers right after quoted multi-line fields: %s',
    async (_name, file, unknownServiceLine, title1, title2) => {
      const { values, errors } = await readAll('incidents', fixture(file));
      expect(errors).toEqual([
        { line: unknownServiceLine, reason: 'service "nope" is not a configured service' },
        { line: 9, reason: `started_at "2026-02-04T10:00:00" ${noOffset}` },
      ]);
      expect(values.map((incident) => (incident as { title: string }).title)).toEqual([title1, title2]);
    },
  );

  it.each([
    [
      'unknown columns',
      'checks-unknown-column.csv',
      'header: unknown columns "latency", "region" (a checks file has the ' +
        'columns time,monitor,status and optionally latency_ms,location)',
    ],
    [
      'a missing and a duplicated column',
      'checks-missing-column.csv',
      'header: duplicate column "time"; missing column "monitor" (a checks file ' +
        'has the columns time,monitor,status and optionally latency_ms,location)',
    ],
    [
      'no header at all',
      'checks-empty.csv',
      'the file is empty; a checks file starts with the header time,monitor,status,latency_ms,location',
    ],
    [
      'a JSON file that is not an array',
      'checks-not-array.json',
      'the file must hold a JSON array of objects, one per row',
    ],
  ])('refuses a file with %s with one error at line 1', async (_name, file, reason) => {
    expect(await readAll('checks', fixture(file))).toEqual({ values: [], errors: [{ line: 1, reason }], batches: 1 });
  });

  it('reports invalid JSON at the line of the syntax error', async () => {
    const { errors } = await readAll('checks', fixture('checks-broken.json'));
    expect(errors).toEqual([
      {
        line: 3,
        reason: "the file is not valid JSON: Expected ',' or '}' after property value in JSON at position 109",
      },
    ]);
  });

  it('reports the rows before an unclosed quote, then the quote, and stops', async () => {
    const { values, errors } = await readAll('checks', fixture('checks-unclosed-quote.csv'));
    expect(errors).toEqual([
      { line: 3, reason: 'monitor "nope" is not a configured monitor' },
      { line: 4, reason: 'this row opens a quoted field that is never closed; the rest of the file was not read' },
    ]);
    expect(values).toHaveLength(1);
  });

  it('reads a header-only file as no rows and no errors', async () => {
    expect(await readAll('checks', fixture('checks-header-only.csv'))).toEqual({ values: [], errors: [], batches: 0 });
  });

  it('yields batches of batchSize rows', async () => {
    const sizes: number[] = [];
    for await (const batch of readImportFile('checks', fixture('checks-good.csv'), ctx, { batchSize: 2 })) {
      sizes.push(batch.values.length);
    }
    expect(sizes).toEqual([2, 2, 1]);
  });

  it.each(['checks-good.csv', 'checks-good.json', 'checks-good.ndjson'])(
    'reports progress up to the whole file and every row for %s',
    async (name) => {
      const calls: [number, number, number][] = [];
      await readAll('checks', fixture(name), { onProgress: (...args) => calls.push(args) });
      const { size } = await stat(fixture(name));
      expect(calls.at(-1)).toEqual([size, size, 5]);
    },
  );

  it('throws for an unsupported file type before reading', () => {
    expect(() => readImportFile('checks', 'checks.xlsx', ctx)).toThrow(
      new ImportFileError('checks.xlsx: unsupported file type ".xlsx"; use .csv, .json, .ndjson, .jsonl'),
    );
  });

  it('throws the I/O error for a missing file', async () => {
    await expect(readAll('checks', fixture('no-such-file.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets the caller stop after the first batch', async () => {
    for await (const batch of readImportFile('checks', fixture('checks-good.csv'), ctx, { batchSize: 1 })) {
      expect(batch.values).toHaveLength(1);
      break;
    }
  });

  describe('on a large bad file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'slawatch-import-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('keeps the first 10,000 errors and counts the rest', async () => {
      const file = join(dir, 'many-bad.csv');
      const rows = Array.from({ length: 10_005 }, () => '2026-01-05T00:00:00Z,nope,up,,');
      await writeFile(file, ['time,monitor,status,latency_ms,location', ...rows, ''].join('\n'));
      const { errors } = await readAll('checks', file);
      expect(errors).toHaveLength(10_001);
      expect(errors[0]).toEqual({ line: 2, reason: 'monitor "nope" is not a configured monitor' });
      expect(errors[9_999]).toEqual({ line: 10_001, reason: 'monitor "nope" is not a configured monitor' });
      expect(errors[10_000]).toEqual({ line: 10_002, reason: '… and 5 more errors' });
    });

    it('reads a CSV fed in many chunks with the right line numbers', async () => {
      const file = join(dir, 'long-titles.csv');
      const title = `"${'a long title, '.repeat(500)}\r\nsecond line"`;
      const lines = ['service,started_at,detected_at,notified_at,resolved_at,impact,title'];
      for (let i = 0; i < 300; i++) lines.push(`lanscope-cloud,2026-02-01T10:00:00Z,,,,,${title}`);
      lines.push('nope,2026-02-01T10:00:00Z,,,,,Last');
      await writeFile(file, lines.join('\r\n'));
      expect((await readFile(file)).length).toBeGreaterThan(1 << 20);
      const { values, errors } = await readAll('incidents', file);
      expect(values).toHaveLength(300);
      expect(errors).toEqual([{ line: 602, reason: 'service "nope" is not a configured service' }]);
    });
  });
});
