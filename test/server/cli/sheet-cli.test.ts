// The check sheet in and out from the CLI, on every store dialect: the seed sheet's claims read
// (dry run and stored), a year of incidents imported, the sheet exported with the measured
// answers in CSV, XLSX (read back with exceljs) and Markdown, the incidents CSV, frozen months.
//
// The year 2026 (Asia/Tokyo) by hand: P = 365 d = 31,536,000 s (no maintenance, no calendar).
// D = 30 min + 25 h = 1,800 + 90,000 = 91,800 s. availability = 1 − 91,800 ÷ 31,536,000
// = 0.99708904… → 99.708 % (the claim has 2 decimals: shown to 3, truncated).
// MTTR = (1,800 + 90,000) ÷ 2 = 45,900 s = 765 min = 12時間45分. Incidents 2, long (≥ 24 h) 1.
// Notification delays: 10:45 − 10:05 = 40 min; 05:10 − 00:10 = 5 h > 4 h → breached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { parseCsvStrictly } from '../strict-csv.ts';
import ExcelJS from 'exceljs';
import { runCli } from '../../../server/cli/main.ts';
import { openStore } from '../../../db/open-store.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';

const seed = 'test/fixtures/sheets/lanscope-security-checksheet.tsv';
const asOf = '2027-01-10T00:00:00+09:00';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

describe.each(testStores.map((f) => [f.title, f] as const))('check sheet in and out on %s', (_title, factory) => {
  let db: TestStore;
  let dir: string;
  let config: string;
  const cli = async (...args: string[]) => {
    const out = capture();
    const err = capture();
    const code = await runCli([...args, '--config', config], {
      stdout: out.stream,
      stderr: err.stream,
      env: { DATABASE_URL: db.url, USER: 'tester' },
    });
    return { code, stdout: out.text(), stderr: err.text() };
  };
  const withStore = async <T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>) => {
    const store = await openStore(db.url);
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    dir = await mkdtemp(join(tmpdir(), 'slawatch-sheet-cli-'));
    config = join(dir, 'slawatch.yaml');
    await copyFile('test/fixtures/cli/sheet-service.yaml', config);
  });
  afterEach(async () => {
    await db?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function importYear() {
    const sheet = await cli('import', 'sheet', seed, '--service', 'cloud');
    expect(sheet.code).toBe(0);
    const incidents = await cli('import', 'incidents', 'test/fixtures/cli/sheet-incidents-2026.csv');
    expect(incidents.stderr).toBe('');
    expect(incidents.code).toBe(0);
  }

  it("prints the seed sheet's claims as JSON in a dry run and stores nothing", async () => {
    const result = await cli('import', 'sheet', seed, '--service', 'cloud', '--dry-run', '--format', 'json');
    expect(result.code).toBe(0);
    const claims = JSON.parse(result.stdout);
    expect(
      claims.map((c: { sheetRow: number; metric: string; bound: number; kind?: string }) => [
        c.sheetRow,
        c.metric,
        c.kind ?? null,
        c.bound,
      ]),
    ).toEqual([
      [1, 'service_hours', null, 604_800],
      [2, 'maintenance_notice', 'downtime', 604_800],
      [2, 'maintenance_notice', 'no-downtime', 259_200],
      [5, 'availability', null, 0.9999],
      [10, 'mttr', null, 2520],
      [12, 'incident_count', null, 27],
      [12, 'long_incident_count', null, 13],
      [15, 'notification_delay', null, 14_400],
      [28, 'backup_freshness', null, 86_400],
    ]);
    expect(claims[3].sourceText).toContain('稼働率99.99%');
    expect(result.stderr).toContain(':28: row 19 (応答時間) not read: the answer says the figure is not published');
    expect(await withStore((s) => s.getSheet('cloud'))).toBeNull();
    expect(await readFile(config, 'utf8')).toBe(await readFile('test/fixtures/cli/sheet-service.yaml', 'utf8'));
  });

  it('writes the claims into the config with --write-config, and the config still loads', async () => {
    const result = await cli(
      'import',
      'sheet',
      'test/fixtures/sheets/en-variant.csv',
      '--service',
      'cloud',
      '--write-config',
    );
    expect(result.code).toBe(0);
    const text = await readFile(config, 'utf8');
    expect(text).toContain('{ id: sheet-availability, sheet_row: 3, metric: availability, min: 99.9% }');
    expect(text).toContain('{ id: sheet-mttr, sheet_row: 4, metric: mttr, max: 1h30m }');
    expect(text).toContain('calendar: 24x7');
    expect(text).toContain('# A service without monitors'); // comments kept
    expect(result.stderr).toContain('backup_freshness needs a push monitor');
    expect((await cli('check')).code).toBe(0);
  });

  it("exports the seed sheet with the year's answers in its own words (CSV, Japanese)", async () => {
    await importYear();
    const result = await cli(
      'export',
      'sheet',
      '--service',
      'cloud',
      '--year',
      '2026',
      '--format',
      'csv',
      '--lang',
      'ja',
      '--template',
      seed,
      '--as-of',
      asOf,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsvStrictly(result.stdout);
    const template: string[][] = parse(await readFile(seed, 'utf8'), {
      delimiter: '\t',
      relax_column_count: true,
      relax_quotes: true,
    });
    const row = (n: string) => rows.find((r) => r[0] === n)!;
    expect(row('5')[5]).toBe(
      '2026年実績でサービス全体としては稼働率99.708%となります。 ただし、緊急時などで機能の一部について利用が制限されることはありまし た。',
    );
    expect(row('5').slice(6)).toEqual(['99.99%以上', '99.708%', '未達']);
    expect(row('10')[5]).toBe('2026年実績で以下となります。 12時間45分');
    expect(row('12')[5]).toBe('2026年実績で以下となります 障害件数:2件 長時間要した障害件数:1件');
    expect(row('12').slice(6)).toEqual([
      '27件以内\n13件以内',
      '障害件数：2件\n長時間要した障害件数：1件',
      '達成\n達成',
    ]);
    expect(row('15')[5]).toBe(
      '異常検出後、4時間以内を目標に対応しています。 2026年実績：障害通知時間（最長）5時間（未達）。',
    );
    expect(rows.find((r) => r[0] === 'No.')!.slice(6)).toEqual(['目標値', '実績値', '判定']);
    // Every row no claim answers is exactly the template's.
    const answered = new Set(['2', '5', '10', '12', '15', '28']);
    template.forEach((cells, i) => {
      if (answered.has(cells[0]!) || cells[0] === 'No.') return;
      expect(rows[i]!.slice(0, cells.length)).toEqual(cells);
    });
    expect(rows.some((r) => r[0]?.includes('切り捨て'))).toBe(true);
    // An incident never notified counts up to the export in the longest notification time; the notes say so.
    expect(rows.some((r) => r[0]?.includes('まだ通知していない障害を、検知から出力時点までの時間として含めます'))).toBe(
      true,
    );
  });

  it('exports XLSX with a styled header, widths and status colours, read back with exceljs', async () => {
    await importYear();
    const out = join(dir, 'sheet.xlsx');
    const result = await cli(
      'export',
      'sheet',
      '--service',
      'cloud',
      '--year',
      '2026',
      '--format',
      'xlsx',
      '--lang',
      'en',
      '--out',
      out,
      '--as-of',
      asOf,
    );
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.worksheets[0]!;
    const rowOf = (n: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).text === n) return ws.getRow(r);
      throw new Error(`no row ${n}`);
    };
    const header = rowOf('No.');
    expect([header.getCell(7).text, header.getCell(8).text, header.getCell(9).text]).toEqual([
      'Claimed',
      'Measured',
      'Status',
    ]);
    expect(header.getCell(7).font?.bold).toBe(true);
    expect(ws.getColumn(6).width).toBe(60);
    const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
    // The stored seed sheet is the template; answers stay Japanese, the added columns are English.
    expect(rowOf('5').getCell(6).text).toContain('2026年実績でサービス全体としては稼働率99.708%となります。');
    expect(rowOf('5').getCell(9).text).toBe('breached');
    // Excel's own "Bad" (light red) and "Good" (light green) fills.
    expect(fill(rowOf('5').getCell(9))).toBe('FFFFC7CE');
    expect(rowOf('12').getCell(9).text).toBe('met\nmet');
    expect(fill(rowOf('12').getCell(9))).toBe('FFC6EFCE');
    expect(rowOf('3').getCell(7).text).toBe('');
  });

  it('keeps every other cell of an XLSX template, style included', async () => {
    await importYear();
    const templatePath = join(dir, 'template.xlsx');
    const template = new ExcelJS.Workbook();
    const ws = template.addWorksheet('SLA');
    const variant = (await readFile('test/fixtures/sheets/ja-variant.tsv', 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    for (const cells of variant) ws.addRow(cells);
    ws.getCell('C4').font = { italic: true };
    await template.xlsx.writeFile(templatePath);
    const out = join(dir, 'filled.xlsx');
    const result = await cli(
      'export',
      'sheet',
      '--service',
      'cloud',
      '--year',
      '2026',
      '--format',
      'xlsx',
      '--lang',
      'ja',
      '--template',
      templatePath,
      '--out',
      out,
      '--as-of',
      asOf,
    );
    expect(result.code).toBe(0);
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    const fws = filled.worksheets[0]!;
    // Row 3 of the variant (line 5) claims 99.95 %: shown to 3 decimals, truncated.
    expect(fws.getCell('D5').text).toBe('2026年度実績で稼働率99.708%となりました。');
    expect(fws.getCell('C4').font?.italic).toBe(true);
    variant.forEach((cells, i) => {
      if (['2', '3', '4', '5', '6', '8'].includes(cells[0]!)) return;
      cells.forEach((text, c) => expect(fws.getRow(i + 1).getCell(c + 1).text).toBe(text));
    });
  });

  it("exports Markdown in English and the year's incidents as CSV", async () => {
    await importYear();
    const md = await cli(
      'export',
      'sheet',
      '--service',
      'cloud',
      '--year',
      '2026',
      '--format',
      'md',
      '--lang',
      'en',
      '--as-of',
      asOf,
    );
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(
      '| No. | 種別 | サービスレベル項目例 | 規定内容 | 測定単位 | 回答 | Claimed | Measured | Status |',
    );
    expect(md.stdout).toMatch(
      /\| 10 \|.*\| 2026年実績で以下となります。 12時間45分 \| ≤ 42 minutes \| 12 hours 45 minutes \| breached \|/,
    );
    const incidents = await cli('export', 'incidents', '--service', 'cloud', '--year', '2026', '--as-of', asOf);
    const rows = parseCsvStrictly<Record<string, string>>(incidents.stdout, { columns: true });
    expect(rows.map((r) => [r.started_at, r.duration_seconds, r.notification_delay_seconds, r.impact])).toEqual([
      ['2026-03-10T10:00:00+09:00', '1800', '2400', 'outage'],
      ['2026-06-01T00:00:00+09:00', '90000', '18000', 'outage'],
    ]);
  });

  it('freezes closed months, keeps their figures, and records who changed one and why', async () => {
    await importYear();
    const exportRow5 = async () => {
      const r = await cli(
        'export',
        'sheet',
        '--service',
        'cloud',
        '--year',
        '2026',
        '--format',
        'csv',
        '--lang',
        'ja',
        '--as-of',
        asOf,
      );
      return parseCsvStrictly(r.stdout).find((row) => row[0] === '5')![7];
    };
    expect(await exportRow5()).toBe('99.708%');
    expect(await withStore((s) => s.listFrozenMonths('cloud', 0, 8.64e15))).toHaveLength(12);

    // Without history_from the months would now be unknown time; the frozen ones do not change.
    await copyFile('test/fixtures/cli/sheet-service.yaml', config);
    const text = (await readFile(config, 'utf8')).replace(/\n\s*history_from:.*/, '');
    await (await import('node:fs/promises')).writeFile(config, text);
    expect(await exportRow5()).toBe('99.708%');

    // A new incident in March (a frozen month) needs a reason, and is then recorded.
    const late = join(dir, 'late.csv');
    await (await import('node:fs/promises')).writeFile(
      late,
      'service,started_at,detected_at,notified_at,resolved_at,impact,title\n' +
        'cloud,2026-03-20T00:00:00+09:00,,,2026-03-20T01:00:00+09:00,outage,Found later\n',
    );
    const refused = await cli('import', 'incidents', late);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("changes cloud's closed months (2026-03)");
    expect(await withStore((s) => s.listIncidents('cloud', 0, 8.64e15))).toHaveLength(2);

    const accepted = await cli('import', 'incidents', late, '--actor', 'alice', '--reason', 'found in the postmortem');
    expect(accepted.code).toBe(0);
    const changes = await withStore((s) => s.listMonthChanges('cloud', 0, 8.64e15));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actor: 'alice',
      reason: 'found in the postmortem',
      change: expect.stringContaining('import of 1 incidents'),
    });
    expect(JSON.parse(changes[0]!.beforeJson!).incidentCount).toBe(1);
    expect(JSON.parse(changes[0]!.afterJson).incidentCount).toBe(2);
  });
});
