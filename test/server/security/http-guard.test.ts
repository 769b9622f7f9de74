// The HTTP guard (SPEC §6): CSRF on every state-changing form, security headers (CSP without
// 'unsafe-inline', frame-ancestors 'none', HSTS only over HTTPS), the allow-list, trusted
// proxies, bearer tokens (expiry, revocation), the /metrics token and cookie attributes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { parseCidr } from '../../../server/security/cidr.ts';
import { createApiToken, revokeApiToken } from '../../../server/security/api-tokens.ts';
import { addUser, Browser, emptyConfig, securedApp, type SecuredApp } from './secured-app.ts';

const cidrs = (...texts: string[]) =>
  texts.map((t) => {
    const r = parseCidr(t);
    if (!r.ok) throw new Error(r.message);
    return r.cidr;
  });

describe('the HTTP guard', () => {
  let db: TestStore;
  let s: SecuredApp;
  beforeEach(async () => {
    db = await openTestStore(testStores[0]!);
    s = await securedApp(db.store);
    await addUser(s, 'admin1', 'admin');
  });
  afterEach(() => db?.cleanup());

  const deps = () => ({ store: s.store, settings: () => s.settings, nowMs: () => s.clock.now });

  it.each([
    ['no token', (b: Browser) => b.request('POST', '/admin/tokens', { name: 'x', scopes: 'read' })],
    [
      'a wrong token',
      (b: Browser) => b.request('POST', '/admin/tokens', { name: 'x', scopes: 'read', _csrf: 'A'.repeat(32) }),
    ],
    [
      'the pre-session token of another browser',
      async (b: Browser) => {
        const other = new Browser(s);
        await other.get('/login');
        return b.request('POST', '/admin/tokens', { name: 'x', scopes: 'read', _csrf: other.csrf });
      },
    ],
    [
      'a cross-origin Origin',
      (b: Browser) =>
        b.request(
          'POST',
          '/admin/tokens',
          { name: 'x', scopes: 'read', _csrf: b.csrf },
          { origin: 'https://evil.example', host: 'localhost' },
        ),
    ],
  ])('refuses a signed-in form post with %s (403) and changes nothing', async (_name, send) => {
    const b = new Browser(s);
    await b.signIn('admin1');
    const res = await send(b);
    expect(res.status).toBe(403);
    expect(await s.store.security.listTokens()).toEqual([]);
    // with the page's token it works
    expect((await b.post('/admin/tokens', { name: 'x', scopes: 'read' })).status).toBe(200);
    expect(await s.store.security.listTokens()).toHaveLength(1);
  });

  it('refuses the sign-in form without its CSRF token', async () => {
    const b = new Browser(s);
    await b.get('/login');
    expect((await b.request('POST', '/login', { username: 'admin1', password: 'x' })).status).toBe(403);
  });

  it('sends a CSP without unsafe-inline, frame-ancestors none, and HSTS only over HTTPS', async () => {
    const page = await new Browser(s).request('GET', '/login');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    const cookie = page.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    s.settings.trustedProxies = cidrs('127.0.0.0/8');
    const viaProxy = await new Browser(s).request('GET', '/login', undefined, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.5',
    });
    expect(viaProxy.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(viaProxy.headers.getSetCookie().join('\n')).toMatch(/^__Host-slawatch_csrf=.*Secure/m);
  });

  it('applies the allow-list to console and API (IPv4 and IPv6), not to /healthz', async () => {
    s.settings.allowList = cidrs('10.0.0.0/8', '2001:db8::/32');
    expect((await new Browser(s, '192.0.2.1').request('GET', '/')).status).toBe(403);
    expect((await new Browser(s, '192.0.2.1').request('GET', '/api/v1/services')).status).toBe(403);
    expect((await new Browser(s, '192.0.2.1').request('GET', '/healthz')).status).toBe(200);
    expect((await new Browser(s, '10.2.3.4').request('GET', '/')).status).toBe(303); // allowed, then sign-in
    expect((await new Browser(s, '::ffff:10.2.3.4').request('GET', '/')).status).toBe(303);
    expect((await new Browser(s, '2001:db8:0:0::17').request('GET', '/api/v1/services')).status).toBe(401);
    expect((await new Browser(s, '2001:db9::1').request('GET', '/api/v1/services')).status).toBe(403);
  });

  it('believes X-Forwarded-For only from a trusted proxy, taking the right-most untrusted hop', async () => {
    s.settings.allowList = cidrs('198.51.100.0/24');
    const spoofed = { 'x-forwarded-for': '198.51.100.9' };
    expect((await new Browser(s, '192.0.2.1').request('GET', '/', undefined, spoofed)).status).toBe(403); // not a proxy
    s.settings.trustedProxies = cidrs('192.0.2.1');
    expect((await new Browser(s, '192.0.2.1').request('GET', '/', undefined, spoofed)).status).toBe(303);
    // The client wrote the left entry; the proxy appended the real peer.
    expect(
      (
        await new Browser(s, '192.0.2.1').request('GET', '/', undefined, {
          'x-forwarded-for': '198.51.100.9, 203.0.113.1',
        })
      ).status,
    ).toBe(403);
  });

  it('takes live bearer tokens and refuses expired, revoked and unknown ones (401)', async () => {
    const actor = { name: 'admin1', address: '127.0.0.1' };
    const live = await createApiToken(deps(), { name: 'ci', scopes: ['read'], expiresMs: s.clock.now + 60_000 }, actor);
    if (!live.ok) throw new Error();
    const call = (token: string) =>
      new Browser(s).request('GET', '/api/v1/services', undefined, { authorization: `Bearer ${token}` });
    expect((await call(live.value)).status).toBe(200);
    expect((await call(`${live.value}x`)).status).toBe(401);
    s.clock.now += 60_000;
    expect((await call(live.value)).status).toBe(401);
    const other = await createApiToken(deps(), { name: 'ci2', scopes: ['read'], expiresMs: null }, actor);
    if (!other.ok) throw new Error();
    await revokeApiToken(deps(), other.token.id, actor);
    expect((await call(other.value)).status).toBe(401);
    expect(JSON.stringify(await s.store.security.listAudit({ entity: 'token' }))).not.toContain(other.value);
  });

  it('keeps /metrics public unless metrics_token is set, then needs a read token', async () => {
    expect((await new Browser(s).request('GET', '/metrics')).status).toBe(200);
    s.settings.metricsToken = true;
    expect((await new Browser(s).request('GET', '/metrics')).status).toBe(401);
    const made = await createApiToken(
      deps(),
      { name: 'prom', scopes: ['read'], expiresMs: null },
      { name: 'admin1', address: '::1' },
    );
    if (!made.ok) throw new Error();
    expect(
      (await new Browser(s).request('GET', '/metrics', undefined, { authorization: `Bearer ${made.value}` })).status,
    ).toBe(200);
  });

  it('serves /setup only from loopback and only while no account exists', async () => {
    expect((await new Browser(s).request('GET', '/setup')).status).toBe(404); // an admin exists
    const fresh = await securedApp(s.store, emptyConfig());
    await s.store.security.deleteUser((await s.store.security.getUserByName('admin1'))!.id);
    expect((await new Browser(fresh, '192.0.2.5').request('GET', '/setup')).status).toBe(404);
    const local = new Browser(fresh);
    expect((await local.get('/setup')).status).toBe(200);
    expect((await local.post('/setup', { username: 'first', password: 'short' })).status).toBe(400);
    const made = await local.post('/setup', { username: 'first', password: 'a long enough pass phrase' });
    expect(made.headers.get('location')).toBe('/account');
    expect((await s.store.security.getUserByName('first'))?.role).toBe('admin');
    expect((await new Browser(fresh).request('GET', '/setup')).status).toBe(404);
  });
});
