// XSS payloads in every text field a person or a config can fill (SPEC §6), shown in Chromium:
// no script runs, no payload becomes an element, and the text is visible as text. Fields: the
// sign-in username (echoed in the form, and as the actor of the audit log), an API token's name,
// a service's name, an incident's title and cause, a maintenance window's title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../db/open-store.ts';
import { launchBrowser, skipBrowser, browserMissing } from './browser.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { addTestAccount, signedInContext, signInOverHttp } from './sign-in.ts';

/** A payload that, if parsed as HTML anywhere, records its field in window.__xss. */
const payload = (field: string) =>
  `<img src=x onerror="window.__xss=(window.__xss||[]).concat('${field}')">` +
  `<script>window.__xss=(window.__xss||[]).concat('${field}-script')</script>"'>`;

const t2026 = Date.parse('2026-03-01T00:00:00Z');

describe.skipIf(skipBrowser)(
  skipBrowser ? `XSS payloads in Chromium (skipped: ${browserMissing})` : 'XSS payloads in Chromium',
  () => {
    let dir: string;
    let serve: ServeProcess;
    let browser: Browser;
    let incidentId: string | undefined;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'slawatch-xss-'));
      const configPath = join(dir, 'slawatch.yaml');
      await writeFile(
        configPath,
        `security: { two_factor: none }\nservices:\n  - id: xss\n    status_page: ` +
          `true\n    name: ${JSON.stringify(payload('service-name'))}\n`,
      );
      const databaseUrl = `file:${join(dir, 'slawatch.db')}`;
      const store = await openStore(databaseUrl);
      [incidentId] = await store.insertIncidents([
        {
          serviceId: 'xss',
          startedAtMs: Date.now() - 60_000,
          detectedAtMs: null,
          notifiedAtMs: null,
          resolvedAtMs: null,
          impact: 'partial',
          source: 'manual',
          title: payload('open-incident-title'),
        },
        {
          serviceId: 'xss',
          startedAtMs: t2026,
          detectedAtMs: t2026,
          notifiedAtMs: null,
          resolvedAtMs: t2026 + 3_600_000,
          impact: 'outage',
          source: 'manual',
          title: payload('incident-title'),
          cause: payload('incident-cause'),
        },
      ]);
      await store.insertMaintenance([
        {
          serviceId: 'xss',
          startMs: t2026 + 86_400_000,
          endMs: t2026 + 90_000_000,
          kind: 'downtime',
          announcedAtMs: t2026,
          title: payload('maintenance-title'),
        },
      ]);
      await addTestAccount(store, 'boss', 'admin');
      await store.close();
      serve = await startServe(configPath, databaseUrl);
      browser = await launchBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await serve?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    async function expectInert(page: Page, fields: string[]): Promise<void> {
      expect(await page.evaluate(() => (window as unknown as { __xss?: string[] }).__xss ?? [])).toEqual([]);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      const text = await page.evaluate(() => document.documentElement.outerHTML);
      for (const field of fields) expect(text).toContain(`concat('${field}')`); // present, as text
    }

    it('keeps the sign-in form and the audit log inert with a payload as the username', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => void dialogs.push(d.message()));
      await page.goto(`${serve.url}/login`);
      await page.fill('input[name="username"]', payload('username'));
      await page.fill('input[name="password"]', 'not the password at all');
      await page.click('button[type="submit"]');
      await page.waitForSelector('.form-errors');
      expect(await page.inputValue('input[name="username"]')).toBe(payload('username'));
      await expectInert(page, []);

      const admin = await signedInContext(browser, serve.url, await signInOverHttp(serve.url, 'boss'));
      const adminPage = await admin.newPage();
      adminPage.on('dialog', (d) => void dialogs.push(d.message()));
      await adminPage.goto(`${serve.url}/admin/tokens`);
      await adminPage.fill('input[name="name"]', payload('token-name').slice(0, 64));
      await adminPage.check('input[name="scopes"][value="read"]');
      await adminPage.click('form[action="/admin/tokens"] button[type="submit"]');
      await adminPage.waitForSelector('[data-new-token]');
      await expectInert(adminPage, []);
      await adminPage.goto(`${serve.url}/admin/audit`);
      await expectInert(adminPage, []);
      // The audit log keeps the first 64 characters of a username tried: they show as text.
      expect(await adminPage.locator('td', { hasText: payload('username').slice(0, 40) }).count()).toBeGreaterThan(0);
      expect(await adminPage.locator('td', { hasText: 'sign_in.failure' }).count()).toBe(1);
      expect(dialogs).toEqual([]);
      await admin.close();
      await context.close();
    });

    it('keeps the dashboard inert with payloads in the names, incident title and cause, window title', async () => {
      const context = await signedInContext(browser, serve.url, await signInOverHttp(serve.url, 'boss'));
      const page = await context.newPage();
      await page.goto(`${serve.url}/?period=2026`);
      await expectInert(page, ['service-name']);
      await page.goto(`${serve.url}/services/xss?period=2026`);
      await expectInert(page, ['service-name', 'incident-title', 'maintenance-title']);
      await context.close();
    });

    it('keeps an incident note inert on the incident page and on the public status page', async () => {
      const context = await signedInContext(browser, serve.url, await signInOverHttp(serve.url, 'boss'));
      const page = await context.newPage();
      await page.goto(`${serve.url}/incidents/${incidentId}?lang=en`);
      await expectInert(page, ['open-incident-title']);
      await page.getByLabel('Add a note').fill(payload('note'));
      await page.getByLabel('Publish on the status page').check();
      await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: 'Add a note' }).click()]);
      await expectInert(page, ['open-incident-title', 'note']);
      const anonymous = await browser.newContext();
      const status = await anonymous.newPage();
      await status.goto(`${serve.url}/status/xss?lang=en`);
      await expectInert(status, ['note']);
      await anonymous.close();
      await context.close();
    });
  },
);
