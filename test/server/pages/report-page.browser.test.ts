// The yearly report page in Debian's Chromium (playwright-core, never a downloaded browser): the
// filled sheet is shown, the console stays clean, and the XLSX download button gives a workbook
// exceljs can read. Without /usr/bin/chromium this skips with the reason, except under CI=true.
// A screenshot is written to $SLAWATCH_SCREENSHOTS (default the OS temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { testApp } from '../app/test-app.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { loadWebAssets } from '../../../server/pages/web-assets.ts';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import { readSheetFile } from '../../../server/sheets/read-sheet.ts';
import { extractSheetClaims } from '../../../server/sheets/extract-claims.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath} (apt-get install chromium)`;
const skip = missing !== null && process.env.CI !== 'true';
const nowMs = Date.parse('2027-01-10T00:00:00+09:00');
const jst = (t: string) => Date.parse(`${t}+09:00`);

describe.skipIf(skip)(
  skip ? `yearly report page in Chromium (skipped: ${missing})` : 'yearly report page in Chromium',
  () => {
    let db: TestStore;
    let server: ServerType;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      if (missing) throw new Error(`${missing} (CI=true: the browser tests must run)`);
      db = await openTestStore(testStores[0]!);
      const sheet = await readSheetFile('test/fixtures/sheets/lanscope-security-checksheet.tsv');
      const extraction = extractSheetClaims(sheet);
      if (!extraction.ok) throw new Error(extraction.reason);
      await db.store.putSheet({
        serviceId: 'cloud',
        fileName: 'lanscope.tsv',
        format: 'tsv',
        importedAtMs: nowMs,
        sheetJson: JSON.stringify(sheet),
        claimsJson: JSON.stringify(extraction.reading.claims),
      });
      await db.store.insertIncidents([
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
      ]);
      const parsed = parseConfigText(
        await readFile('test/fixtures/cli/sheet-service.yaml', 'utf8'),
        {},
        'sheet-service.yaml',
      );
      if (!parsed.ok) throw new Error('bad fixture');
      const { app } = testApp({
        nowMs: () => nowMs,
        pages: {
          store: db.store,
          config: () => parsed.config,
          nowMs: () => nowMs,
          assets: await loadWebAssets(),
          reports: createReportCache({ store: db.store, nowMs: () => nowMs }),
        },
      });
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await db?.cleanup();
    });

    it('shows the filled sheet and downloads a readable XLSX', async () => {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      // A failed request is reported by its URL; the browser's own favicon probe is not the page's.
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource'))
          problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${base}/services/cloud/report/2026?lang=ja`);
      // 30 min of downtime in 365 d: 1 − 1,800 ÷ 31,536,000 = 0.99994292… → 99.994 % (truncated).
      const row5 = page.locator('table[data-sheet="answered"] tr[data-row="5"]');
      await expect.poll(() => row5.innerText()).toContain('稼働率99.994%');
      expect(await row5.locator('.status').innerText()).toBe('達成');
      await page.screenshot({
        path: join(process.env.SLAWATCH_SCREENSHOTS ?? tmpdir(), 'slawatch-yearly-report-ja.png'),
        fullPage: true,
      });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'シート XLSX（ja）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('cloud-2026-sheet-ja.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      let status = '';
      workbook.worksheets[0]!.eachRow((row) => {
        if (row.getCell(1).text === '5') status = row.getCell(9).text;
      });
      expect(status).toBe('達成');
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  },
);
