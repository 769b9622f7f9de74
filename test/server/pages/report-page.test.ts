// The yearly report page on every store: the filled sheet as a table (each answer beside its
// claim, measured figure and status), which months are frozen, and a working download for every
// format. Figures by hand as in test/server/cli/sheet-cli.test.ts: availability 99.708 %, MTTR
// 12時間45分, 2 incidents of which 1 long, longest notification 5 h.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parseCsvStrictly } from '../strict-csv.ts';
import { parseAllDocuments } from 'yaml';
import { testApp } from '../app/test-app.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { loadWebAssets } from '../../../server/pages/web-assets.ts';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import { readSheetFile } from '../../../server/sheets/read-sheet.ts';
import { extractSheetClaims } from '../../../server/sheets/extract-claims.ts';
import { reportFiles } from '../../../server/pages/report/report-downloads.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import type { Store } from '../../../db/store.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';

const nowMs = Date.parse('2027-01-10T00:00:00+09:00');
const jst = (t: string) => Date.parse(`${t}+09:00`);

async function seedStore(store: Store) {
  const sheet = await readSheetFile('test/fixtures/sheets/lanscope-security-checksheet.tsv');
  const extraction = extractSheetClaims(sheet);
  if (!extraction.ok) throw new Error(extraction.reason);
  await store.putSheet({
    serviceId: 'cloud',
    fileName: 'lanscope-security-checksheet.tsv',
    format: 'tsv',
    importedAtMs: nowMs,
    sheetJson: JSON.stringify(sheet),
    claimsJson: JSON.stringify(extraction.reading.claims),
  });
  await store.insertIncidents([
    {
      serviceId: 'cloud',
      startedAtMs: jst('2026-03-10T10:00:00'),
      detectedAtMs: jst('2026-03-10T10:05:00'),
      notifiedAtMs: jst('2026-03-10T10:45:00'),
      resolvedAtMs: jst('2026-03-10T10:30:00'),
      impact: 'outage',
      source: 'import',
      title: 'Login errors',
    },
    {
      serviceId: 'cloud',
      startedAtMs: jst('2026-06-01T00:00:00'),
      detectedAtMs: jst('2026-06-01T00:10:00'),
      notifiedAtMs: jst('2026-06-01T05:10:00'),
      resolvedAtMs: jst('2026-06-02T01:00:00'),
      impact: 'outage',
      source: 'import',
      title: 'Storage failure',
    },
  ]);
}

describe.each(testStores.map((f) => [f.title, f] as const))('yearly report page on %s', (_title, factory) => {
  let db: TestStore;
  let config: SlawatchConfig;
  let app: ReturnType<typeof testApp>['app'];
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    const parsed = parseConfigText(
      await readFile('test/fixtures/cli/sheet-service.yaml', 'utf8'),
      {},
      'sheet-service.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    config = parsed.config;
    await seedStore(db.store);
    app = testApp({
      nowMs: () => nowMs,
      pages: {
        store: db.store,
        config: () => config,
        nowMs: () => nowMs,
        assets: await loadWebAssets(),
        reports: createReportCache({ store: db.store, nowMs: () => nowMs }),
      },
    }).app;
  });
  afterEach(async () => db?.cleanup());

  it('shows each answer beside its claim, measured figure and status, in Japanese', async () => {
    const res = await app.request('/services/cloud/report/2026?lang=ja');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Cloud — 2026年のチェックシート');
    const row5 = html.match(/<tr data-row="5"[^>]*>(.*?)<\/tr>/s)![1]!;
    expect(row5).toContain('2026年実績でサービス全体としては稼働率99.708%となります。');
    expect(row5).toContain('99.99%以上');
    expect(row5).toContain('status status-breached');
    const row12 = html.match(/<tr data-row="12"[^>]*>(.*?)<\/tr>/s)![1]!;
    expect(row12).toContain('障害件数:2件 長時間要した障害件数:1件');
    expect(row12).toContain('status status-met');
    // A page view measures but never freezes.
    expect(html).toContain('data-frozen="false"');
    expect(await db.store.listFrozenMonths('cloud', 0, 8.64e15)).toEqual([]);
    for (const file of reportFiles) expect(html).toContain(`/services/cloud/report/2026/${file}?lang=`);
  });

  it('serves every download: the sheet in CSV, XLSX and Markdown, incidents, OpenSLO and rules', async () => {
    const csv = await app.request('/services/cloud/report/2026/sheet.csv?lang=en');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="cloud-2026-sheet-en.csv"');
    const rows = parseCsvStrictly(await csv.text());
    expect(rows.find((r) => r[0] === '10')!.slice(5)).toEqual([
      '2026年実績で以下となります。 12時間45分',
      '≤ 42 minutes',
      '12 hours 45 minutes',
      'breached',
    ]);

    const xlsx = await app.request('/services/cloud/report/2026/sheet.xlsx?lang=ja');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const ws = workbook.worksheets[0]!;
    let found = '';
    ws.eachRow((row) => {
      if (row.getCell(1).text === '15') found = row.getCell(8).text;
    });
    expect(found).toBe('5時間');

    const md = await (await app.request('/services/cloud/report/2026/sheet.md?lang=ja')).text();
    expect(md).toContain('| 目標値 | 実績値 | 判定 |');

    const incidents = parseCsvStrictly<Record<string, string>>(
      await (await app.request('/services/cloud/report/2026/incidents.csv')).text(),
      { columns: true },
    );
    expect(incidents.map((i) => i.title)).toEqual(['Login errors', 'Storage failure']);

    const slo = parseAllDocuments(await (await app.request('/services/cloud/report/2026/openslo.yaml')).text()).map(
      (d) => d.toJS(),
    );
    // The claims of the imported sheet: availability ≥ 99.99 % from row 5.
    expect(slo.find((d) => d.kind === 'SLO').spec.objectives[0].target).toBe(0.9999);
    const rules = await (await app.request('/services/cloud/report/2026/prometheus-rules.yml')).text();
    expect(rules).toContain('SlawatchErrorBudgetBurnFast');
  });

  it('answers 404 for an unknown service or file and 400 for a bad year', async () => {
    expect((await app.request('/services/nope/report/2026')).status).toBe(404);
    expect((await app.request('/services/cloud/report/2026/secret.txt')).status).toBe(404);
    expect((await app.request('/services/cloud/report/20x6')).status).toBe(400);
  });

  const upload = async (file: string, action: string, origin = 'http://127.0.0.1:8080') => {
    const form = new FormData();
    form.set('sheet', new File([await readFile(file)], file.split('/').pop()!));
    form.set('action', action);
    return app.request('http://127.0.0.1:8080/services/cloud/sheet?lang=en', {
      method: 'POST',
      body: form,
      headers: { origin, host: '127.0.0.1:8080' },
    });
  };

  it('previews an uploaded sheet without storing it, then imports it and answers from it', async () => {
    const preview = await upload('test/fixtures/sheets/en-variant.csv', 'preview');
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('en-variant.csv: 9 claims read (nothing stored)');
    expect(html).toMatch(/<tr data-metric="mttr"><td class="num">4<\/td><td>mttr<\/td><td class="num">5400<\/td>/);
    expect(html).toContain('line 9, row 7 (Response time): no duration found');
    expect((await db.store.getSheet('cloud'))!.fileName).toBe('lanscope-security-checksheet.tsv');

    const imported = await upload('test/fixtures/sheets/en-variant.csv', 'import');
    expect(await imported.text()).toContain('en-variant.csv: 9 claims imported');
    expect((await db.store.getSheet('cloud'))!.fileName).toBe('en-variant.csv');
    const page = await (await app.request('/services/cloud/report/2026?lang=en')).text();
    // The variant claims 99.9 % (1 decimal): 0.99708904… is shown as 99.70 %, truncated.
    const row3 = page.match(/<tr data-row="3"[^>]*>(.*?)<\/tr>/s)![1]!;
    expect(row3).toContain('In 2026 the service as a whole was available 99.70% of the time.');
    expect(row3).toContain('status status-breached');
  });

  it('refuses an upload posted from another site, and stores nothing', async () => {
    const res = await upload('test/fixtures/sheets/en-variant.csv', 'import', 'https://evil.example');
    expect(res.status).toBe(403);
    expect((await db.store.getSheet('cloud'))!.fileName).toBe('lanscope-security-checksheet.tsv');
  });

  it('lists every service with links to its yearly reports', async () => {
    const html = await (await app.request('/reports?lang=en')).text();
    expect(html).toContain('href="/services/cloud/report/2027?lang=en"');
    expect(html).toContain('href="/services/cloud/report/2026?lang=en"');
  });

  it("offers the years of the service's own calendar: just after New Year's midnight in Tokyo, 2027", async () => {
    // 2026-12-31T15:30Z is 2027-01-01 00:30 in Tokyo (UTC+9), still 2026 in UTC.
    const newYearMs = Date.parse('2026-12-31T15:30:00Z');
    const atNewYear = testApp({
      nowMs: () => newYearMs,
      pages: {
        store: db.store,
        config: () => config,
        nowMs: () => newYearMs,
        assets: await loadWebAssets(),
        reports: createReportCache({ store: db.store, nowMs: () => newYearMs }),
      },
    }).app;
    const html = await (await atNewYear.request('/reports?lang=en')).text();
    expect(html).toContain('href="/services/cloud/report/2027?lang=en"');
    expect(html).toContain('href="/services/cloud/report/2026?lang=en"');
    expect(html).not.toContain('href="/services/cloud/report/2025?lang=en"');
  });
});
