// Pages that show secrets or credentials (sign-in, the account, users, a new API token shown once)
// must not be kept by any cache: `no-store`. Other pages may be kept but must be revalidated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { addUser, Browser, securedApp, type SecuredApp } from './secured-app.ts';

describe.each(testStores.map((f) => [f.title, f] as const))('cache control on %s', (_title, factory) => {
  let db: TestStore;
  let s: SecuredApp;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    s = await securedApp(db.store);
  });
  afterEach(() => db?.cleanup());

  it('answers the security pages no-store and the dashboard no-cache', async () => {
    await addUser(s, 'root', 'admin');
    const anonymous = new Browser(s);
    expect((await anonymous.get('/login')).headers.get('cache-control')).toBe('no-store');
    const b = new Browser(s);
    await b.signIn('root');
    for (const path of ['/account', '/admin/users', '/admin/tokens']) {
      const res = await b.get(path);
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 200, 'no-store']);
    }
    const created = await b.post('/admin/tokens', { name: 'ci-reader', scopes: ['read'], expires_days: '30' });
    expect(created.status).toBe(200);
    expect(await created.text()).toContain('ci-reader');
    expect(created.headers.get('cache-control')).toBe('no-store');
    const dashboard = await b.get('/');
    expect([dashboard.status, dashboard.headers.get('cache-control')]).toEqual([200, 'no-cache']);
  });
});
