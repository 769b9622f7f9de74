// The whole app as serve builds it (pages, API, security in front), over a real store, with a
// clock the test moves, and helpers to sign in like a browser (cookies, CSRF field, TOTP step).
import { createApp } from '../../../server/app/create-app.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import { loadWebAssets, type WebAssets } from '../../../server/pages/web-assets.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { defaultSecurityConfig, type SecurityConfig } from '../../../server/config/security-schema.ts';
import type { Store } from '../../../db/store.ts';
import { createAccount } from '../../../server/security/accounts.ts';
import { appSecurity } from '../../../server/serve/app-security.ts';
import type { ErrorReport } from '../../../server/app/http-errors.ts';

export const t0 = Date.UTC(2026, 2, 1, 9, 0, 0);

let assets: WebAssets | null = null;

export interface SecuredApp {
  app: ReturnType<typeof createApp>;
  clock: { now: number };
  settings: SecurityConfig;
  errors: ErrorReport[];
  store: Store;
}

export function emptyConfig(security: Partial<SecurityConfig> = {}): SlawatchConfig {
  // Every default of a file with no services, then the security settings of the test.
  const parsed = parseConfigText('services: []\n', {}, 'empty.yaml');
  if (!parsed.ok) throw new Error('the empty config must load');
  return { ...parsed.config, security: { ...defaultSecurityConfig, ...security } };
}

export async function securedApp(
  store: Store,
  config: SlawatchConfig = emptyConfig({ twoFactor: 'none' }),
  options: { tls?: boolean } = {},
): Promise<SecuredApp> {
  const clock = { now: t0 };
  const nowMs = () => clock.now;
  const errors: ErrorReport[] = [];
  assets ??= await loadWebAssets();
  const app = createApp({
    registry: createMetricsRegistry({ processMetrics: false }),
    pushMonitors: () => [],
    recordPush: () => false,
    health: () => ({ ok: true, detail: 'test' }),
    nowMs,
    reportError: (r) => errors.push(r),
    security: appSecurity(store, () => config, nowMs, options.tls ?? false),
    comms: {
      store,
      services: () => config.services,
      nowMs,
      alertmanager: () => config.alertmanager,
    },
    pages: { store, config: () => config, nowMs, assets, reports: createReportCache({ store, nowMs }) },
  });
  return { app, clock, settings: config.security, errors, store };
}

export const goodPassword = 'correct horse battery staple 42';

export async function addUser(s: SecuredApp, username: string, role: 'admin' | 'editor' | 'viewer') {
  const made = await createAccount(
    { store: s.store, settings: () => s.settings, nowMs: () => s.clock.now },
    { username, role, password: goodPassword },
    { name: 'test', address: '127.0.0.1' },
  );
  if (!made.ok) throw new Error(made.errors.join('; '));
  return made.value;
}

/** A browser: keeps cookies, sends them, reads the CSRF field of the last page. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly s: SecuredApp,
    readonly address = '127.0.0.1',
  ) {}

  async request(
    method: string,
    path: string,
    body?: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    // Like a browser: a form post names its origin (same-site here, as the page's own form would).
    const browserHeaders: Record<string, string> =
      method === 'GET' || method === 'HEAD' ? {} : { origin: 'http://localhost', host: 'localhost' };
    const init: RequestInit = {
      method,
      headers: { ...browserHeaders, ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      redirect: 'manual',
    };
    if (body) {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
      init.body = form;
      (init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.s.app.request(path, init, { incoming: { socket: { remoteAddress: this.address } } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    const res = await this.request('GET', path);
    const text = await res.clone().text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** A form post carrying the CSRF token of the last page seen. */
  post(path: string, body: Record<string, string | string[]> = {}): Promise<Response> {
    return this.request('POST', path, { _csrf: this.csrf, ...body });
  }

  async signIn(username: string, password = goodPassword): Promise<Response> {
    await this.get('/login');
    const res = await this.post('/login', { username, password });
    await this.get('/'); // picks up the session's CSRF token
    return res;
  }
}
