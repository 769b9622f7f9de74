// The dashboard end to end: `slawatch serve` over a seeded database (test/server/pages/
// dashboard-fixture.ts), Debian's Chromium through playwright-core. Every page opens in both
// languages with no console error; each chart's canvas is drawn and its points equal the figures
// of the API URL it names; the language switch and the period selector work. Screenshots of every
// page in both languages go to test-artifacts/screenshots/ (git ignores test-artifacts/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../db/open-store.ts';
import { dashboardConfig, dashboardYaml, seedDashboard } from '../server/pages/dashboard-fixture.ts';
import { launchBrowser, skipBrowser, browserMissing } from './browser.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { addTestAccount, signedInContext, signInOverHttp } from './sign-in.ts';

const screenshotDir = 'test-artifacts/screenshots';

const pages = [
  { name: 'overview-now', path: '/', charts: 0 },
  { name: 'overview-2025', path: '/?period=2025', charts: 0 },
  { name: 'service-shop-2025', path: '/services/shop?period=2025', charts: 6 },
  { name: 'service-shop-2025-05', path: '/services/shop?period=2025-05', charts: 6 },
  { name: 'service-batch-2025-12', path: '/services/batch?period=2025-12', charts: 5 },
  { name: 'monitor-web-2025-05', path: '/monitors/web?period=2025-05', charts: 1 },
] as const;

interface DatasetSpec {
  label: string;
  from?: { path: string; scale?: number; truncateDecimals?: number };
}

/** An independent reading of a `from` path (`a.b[].c.d`): one value per element, scaled and truncated. */
function expectedPoints(json: unknown, from: NonNullable<DatasetSpec['from']>): (number | null)[] {
  const [arrayPath, itemPath] = from.path.split('[].') as [string, string];
  const get = (value: unknown, path: string) =>
    path
      .split('.')
      .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
  const items = get(json, arrayPath) as unknown[];
  return items.map((item) => {
    const v = get(item, itemPath);
    if (typeof v !== 'number') return null;
    const scaled = v * (from.scale ?? 1);
    if (from.truncateDecimals === undefined) return scaled;
    const f = 10 ** from.truncateDecimals;
    return Math.floor(scaled * f + 1e-7) / f;
  });
}

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  return problems;
}

describe.skipIf(skipBrowser)(
  skipBrowser ? `dashboard in Chromium (skipped: ${browserMissing})` : 'dashboard in Chromium',
  () => {
    let dir: string;
    let serve: ServeProcess;
    let browser: Browser;
    let session: { name: string; value: string };
    /** Every page needs an account (SPEC §6): contexts and fetches carry the viewer's session. */
    const newContext = (options: Parameters<Browser['newContext']>[0] = {}) =>
      signedInContext(browser, serve.url, session, options);
    const newPage = async () => (await newContext()).newPage();
    const authed = (init: RequestInit = {}): RequestInit => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: `${session.name}=${session.value}` },
    });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'slawatch-e2e-'));
      const configPath = join(dir, 'slawatch.yaml');
      await writeFile(configPath, dashboardYaml());
      const databaseUrl = `file:${join(dir, 'slawatch.db')}`;
      const store = await openStore(databaseUrl);
      await seedDashboard(store, dashboardConfig(), Date.now());
      await addTestAccount(store, 'watcher', 'viewer');
      await store.close();
      serve = await startServe(configPath, databaseUrl);
      session = await signInOverHttp(serve.url, 'watcher');
      browser = await launchBrowser();
      await mkdir(screenshotDir, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await serve?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    describe.each(pages)('$name', ({ name, path, charts }) => {
      it.each(['en', 'ja'] as const)(
        'opens in %s with no console error, its charts drawn from the API figures',
        async (lang) => {
          const context = await newContext({
            viewport: { width: 1280, height: 900 },
            locale: lang === 'ja' ? 'ja-JP' : 'en-US',
          });
          const page = await context.newPage();
          const problems = watchConsole(page);
          const response = await page.goto(`${serve.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, {
            waitUntil: 'networkidle',
          });
          expect(response?.status()).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          await page.waitForFunction(() => typeof window.slawatch === 'object');

          const drawn = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].map((canvas) => {
              const ctx = canvas.getContext('2d')!;
              const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
              let painted = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
              const spec = JSON.parse(canvas.parentElement!.querySelector('script[data-chart-spec]')!.textContent!) as {
                id: string;
                source: string;
                datasets: DatasetSpec[];
              };
              return {
                id: spec.id,
                source: spec.source,
                datasets: spec.datasets,
                painted,
                width: canvas.width,
                height: canvas.height,
              };
            }),
          );
          expect(drawn).toHaveLength(charts);
          const summaries = await page.evaluate(() => window.slawatch.charts());
          for (const chart of drawn) {
            expect(chart.width * chart.height, chart.id).toBeGreaterThan(10_000);
            // Axes, grid and lines: a drawn chart paints well over a thousand pixels.
            expect(chart.painted, `${chart.id} painted pixels`).toBeGreaterThan(1_000);
            const api = await (await fetch(`${serve.url}${chart.source}`, authed())).json();
            const summary = summaries.find((s) => s.id === chart.id)!;
            let compared = 0;
            chart.datasets.forEach((dataset, i) => {
              if (!dataset.from) return;
              expect(summary.datasets[i]!.data, `${chart.id} / ${dataset.label}`).toEqual(
                expectedPoints(api, dataset.from),
              );
              compared++;
            });
            expect(compared, `${chart.id} has data from the API`).toBeGreaterThan(0);
          }
          await page.screenshot({ path: join(screenshotDir, `${name}-${lang}.png`), fullPage: true });
          expect(problems).toEqual([]);
          await context.close();
        },
      );
    });

    it('switches language by the switch and keeps the period', async () => {
      const page = await newPage();
      const problems = watchConsole(page);
      await page.goto(`${serve.url}/services/shop?period=2025-Q2&lang=en`, { waitUntil: 'networkidle' });
      expect(await page.textContent('#claims-heading')).toBe('Claims');
      await page.click('.lang-switch a[data-lang="ja"]');
      await page.waitForURL(/lang=ja/);
      expect(new URL(page.url()).searchParams.get('period')).toBe('2025-Q2');
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      expect(await page.textContent('#claims-heading')).toBe('公表値');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('changes the period with the selector, and the figures follow', async () => {
      const page = await newPage();
      const problems = watchConsole(page);
      await page.goto(`${serve.url}/services/shop?period=2025&lang=en`, { waitUntil: 'networkidle' });
      await page.selectOption('#period-select', '2025-08');
      await page.waitForURL(/period=2025-08/);
      await page.waitForFunction(() => typeof window.slawatch === 'object');
      // August 2025 in Tokyo: 2025-08-01T00:00+09:00 = 2025-07-31T15:00Z.
      expect(await page.getAttribute('.period-shown', 'data-period-from')).toBe('2025-07-31T15:00:00.000Z');
      // The api outage of 2025-08-20 (2 h) is August's one incident: MTTR 2 h.
      const mttr = await page.textContent('tr[data-claim="mttr"] [data-measured]');
      expect(mttr).toBe('2 h');
      const charts = await page.evaluate(() => window.slawatch.charts());
      expect(charts.find((c) => c.id === 'chart-availability')!.labels).toHaveLength(31); // days of August
      expect(problems).toEqual([]);
      await page.close();
    });

    it('a custom range from the form shows its own instants', async () => {
      const page = await newPage();
      await page.goto(`${serve.url}/?period=2025&lang=en`, { waitUntil: 'networkidle' });
      await page.click('.period-custom summary');
      await page.fill('.range-form input[name="from"]', '2025-05-01');
      await page.fill('.range-form input[name="to"]', '2025-05-15');
      await page.click('.range-form button[type="submit"]');
      await page.waitForURL(/from=2025-05-01/);
      expect(await page.getAttribute('.period-shown', 'data-period-to')).toBe('2025-05-14T15:00:00.000Z');
      await page.close();
    });

    it('works at phone width: no horizontal page scroll, tables scroll in their own box', async () => {
      const context = await newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(`${serve.url}/services/shop?period=2025&lang=ja`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshotDir, 'service-shop-2025-ja-phone-top.png') });
      await page.locator('#claims-heading').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'service-shop-2025-ja-phone-claims.png') });
      expect(problems).toEqual([]);
      await context.close();
    });

    it('refreshes itself while open: polls its own URL for the main content and redraws the charts', async () => {
      const page = await newPage();
      const problems = watchConsole(page);
      await page.clock.install();
      const polls: { status: number; ifNoneMatch: string | undefined }[] = [];
      page.on('response', async (response) => {
        const headers = await response.request().allHeaders();
        if (headers['x-slawatch-live'])
          polls.push({ status: response.status(), ifNoneMatch: headers['if-none-match'] });
      });
      await page.goto(`${serve.url}/services/shop?period=2025-05&lang=en`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => typeof window.slawatch === 'object');
      expect(await page.textContent('[data-live-status]')).toBe('Live: updates every 30 s');
      await page.clock.runFor(30_000);
      await page.waitForFunction(() =>
        document.querySelector('[data-live-status]')?.textContent?.startsWith('Updated'),
      );
      // The first poll has no ETag yet: a 200 with the main content, charts drawn again. (The
      // response listener awaits the request's headers, so it may log the poll after the page drew it.)
      await expect.poll(() => polls.length).toBeGreaterThanOrEqual(1);
      expect(polls[0]).toEqual({ status: 200, ifNoneMatch: undefined });
      expect(await page.evaluate(() => window.slawatch.charts().length)).toBe(6);
      await page.clock.runFor(30_000);
      await expect.poll(() => polls.length).toBe(2);
      // Nothing changed in May 2025: the browser revalidates with the ETag (its cache then hands the
      // page a 200 from the 304), and the server answers exactly that request with a bodiless 304.
      expect(polls[1]!.ifNoneMatch).toMatch(/^"[\w-]+"$/);
      const replay = await fetch(
        `${serve.url}/services/shop?period=2025-05&lang=en`,
        authed({ headers: { 'x-slawatch-live': '1', 'if-none-match': polls[1]!.ifNoneMatch! } }),
      );
      expect(replay.status).toBe(304);
      expect(await page.textContent('[data-live-status]')).toMatch(/^Updated/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('is keyboard reachable: the skip link comes first and leads to the content', async () => {
      const page = await newPage();
      await page.goto(`${serve.url}/?period=2025&lang=en`, { waitUntil: 'networkidle' });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.close();
    });

    it('lets a keyboard user step through the periods without loading a page per step, then show one', async () => {
      const page = await newPage();
      await page.goto(`${serve.url}/?period=2025&lang=en`, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => typeof window.slawatch === 'object');
      await page.focus('#period-select');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(new URL(page.url()).searchParams.get('period')).toBe('2025');
      expect(await page.inputValue('#period-select')).toBe('2025-Q2');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/period=2025-Q2/);
      await page.close();
    });
  },
);
