// Signing a browser test in (SPEC §6: every page needs an account): an account made in the
// store before serve starts, a real sign-in over HTTP, and browser contexts that carry its cookie.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { Store } from '../../db/store.ts';
import { createAccount } from '../../server/security/accounts.ts';
import { defaultSecurityConfig } from '../../server/config/security-schema.ts';

export const testPassword = 'e2e viewer pass phrase 7';

export async function addTestAccount(
  store: Store,
  username: string,
  role: 'viewer' | 'editor' | 'admin',
): Promise<void> {
  const made = await createAccount(
    { store, settings: () => defaultSecurityConfig, nowMs: Date.now },
    { username, role, password: testPassword },
    { name: 'test', address: 'test' },
  );
  if (!made.ok) throw new Error(made.errors.join('; '));
}

/** Signs in through /login like a browser; returns the session cookie (name=value). */
export async function signInOverHttp(
  baseUrl: string,
  username: string,
  password = testPassword,
): Promise<{ name: string; value: string }> {
  const form = await fetch(`${baseUrl}/login`);
  const csrfCookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username, password }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('slawatch_session='));
  if (res.status !== 303 || !session) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const [name, value] = session.split('=') as [string, string];
  return { name, value };
}

export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  cookie: { name: string; value: string },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addCookies([
    { name: cookie.name, value: cookie.value, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
  return context;
}
