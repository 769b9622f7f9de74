// Every route of the app, taken from the app itself (hono's route list), hit anonymously and as
// each role, and with each kind of API token (SPEC §6). The expected access is restated here on
// its own terms — public paths by name, admin areas by prefix, reads for viewers, changes for
// editors — not read from server/security/http/access-policy.ts, so a mistake there shows.
// ROUTE_MATRIX_OUT=FILE writes the matrix as a Markdown table.
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { createApiToken } from '../../../server/security/api-tokens.ts';
import { addUser, Browser, securedApp, type SecuredApp } from './secured-app.ts';

const publicPaths = [
  /^\/healthz$/,
  /^\/metrics$/,
  /^\/api\/v1\/push\//,
  /^\/assets\//,
  /^\/login(\/|$)/,
  /^\/setup$/,
  /^\/status(\/|$)/,
];
/** Machine endpoints: an API token of the scope only, never a signed-in person. */
const tokenOnlyPaths: [RegExp, string][] = [[/^\/api\/v1\/alertmanager$/, 'alertmanager']];
const adminPaths = [/^\/admin(\/|$)/, /^\/api\/v1\/(users|tokens|audit|config)(\/|$)/];
const roleOrder = ['viewer', 'editor', 'admin'] as const;
type Role = (typeof roleOrder)[number];

interface Route {
  method: string;
  path: string;
  concrete: string;
}

function routesOf(app: SecuredApp['app']): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const r of app.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue; // middleware
    const method = r.method === 'ALL' ? 'GET' : r.method;
    const key = `${method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({
      method,
      path: r.path,
      concrete: r.path.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, 'x1').replace(/\*/g, 'x1'),
    });
  }
  // /logout ends the session it is called with: last.
  return routes.sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
}

const isPublic = (path: string) => publicPaths.some((p) => p.test(path));
const isApi = (path: string) => path.startsWith('/api/') || path === '/metrics';
function neededRole(route: Route): Role | 'token' {
  if (tokenOnlyPaths.some(([p]) => p.test(route.path))) return 'token';
  if (adminPaths.some((p) => p.test(route.path))) return 'admin';
  if (/^\/(account|logout)(\/|$)/.test(route.path)) return 'viewer';
  return route.method === 'GET' || route.method === 'HEAD' ? 'viewer' : 'editor';
}

const factory = testStores[0]!; // the matrix is about routes; the store contract runs on both dialects elsewhere

describe('every route of the app', () => {
  let db: TestStore;
  let s: SecuredApp;
  beforeEach(async () => {
    db = await openTestStore(factory);
    s = await securedApp(db.store);
  });
  afterEach(() => db?.cleanup());

  it('is enumerated from the app (and there are many)', () => {
    const routes = routesOf(s.app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.path)).toContain('/admin/users');
  });

  it('answers anonymous API calls 401 and anonymous page views a redirect to /login, but public ones', async () => {
    const failures: string[] = [];
    for (const route of routesOf(s.app)) {
      const res = await new Browser(s).request(route.method, route.concrete, route.method === 'GET' ? undefined : {});
      const location = res.headers.get('location') ?? '';
      // The guard's redirect names the page to come back to; /login/totp's own redirect to /login does not.
      const blocked = isApi(route.path)
        ? res.status === 401
        : res.status === 303 && location.startsWith('/login?next=');
      if (isPublic(route.path) ? blocked || res.status === 401 : !blocked)
        failures.push(`${route.method} ${route.path}: ${res.status} ${location}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives each role exactly the routes of its rank (403 above it), and tokens only their scopes', async () => {
    await addUser(s, 'admin1', 'admin');
    const browsers = {} as Record<Role, Browser>;
    for (const role of roleOrder) {
      if (role !== 'admin') await addUser(s, `${role}1`, role);
      browsers[role] = new Browser(s);
      await browsers[role].signIn(`${role}1`);
    }
    const actor = { name: 'admin1', address: '127.0.0.1' };
    const deps = { store: s.store, settings: () => s.settings, nowMs: () => s.clock.now };
    const tokens: Record<string, string> = {};
    for (const scope of ['read', 'write', 'push', 'alertmanager']) {
      const made = await createApiToken(deps, { name: scope, scopes: [scope], expiresMs: null }, actor);
      if (!made.ok) throw new Error(made.errors.join());
      tokens[scope] = made.value;
    }
    const rows: string[] = [
      '| route | needs | viewer | editor | admin | read token | write token | alertmanager token |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const failures: string[] = [];
    for (const route of routesOf(s.app).filter((r) => !isPublic(r.path))) {
      const need = neededRole(route);
      const cells: string[] = [];
      for (const role of roleOrder) {
        const b = browsers[role];
        const res = route.method === 'GET' ? await b.request('GET', route.concrete) : await b.post(route.concrete);
        const denied = res.status === 403;
        const signedOut = res.status === 401 || (res.headers.get('location') ?? '').startsWith('/login?next=');
        const allowed = need !== 'token' && roleOrder.indexOf(role) >= roleOrder.indexOf(need);
        cells.push(`${res.status}${denied ? ' ✗' : ' ✓'}`);
        if (signedOut || denied === allowed)
          failures.push(
            `${role} ${route.method} ${route.path}: ${res.status}, expected ${allowed ? 'allowed' : '403'}`,
          );
      }
      for (const scope of ['read', 'write', 'alertmanager']) {
        const res = await new Browser(s).request(
          route.method,
          route.concrete,
          route.method === 'GET' ? undefined : {},
          { authorization: `Bearer ${tokens[scope]}` },
        );
        const tokenRoute = tokenOnlyPaths.find(([p]) => p.test(route.path));
        const allowed = tokenRoute
          ? tokenRoute[1] === scope
          : isApi(route.path) &&
            need !== 'admin' &&
            (scope === 'read' ? route.method === 'GET' : scope === 'write' && route.method !== 'GET');
        const blocked = res.status === 401 || res.status === 403;
        cells.push(`${res.status}${blocked ? ' ✗' : ' ✓'}`);
        if (blocked === allowed)
          failures.push(
            `${scope} token ${route.method} ${route.path}: ${res.status}, expected ${allowed ? 'allowed' : '401/403'}`,
          );
      }
      rows.push(`| ${route.method} ${route.path} | ${need} | ${cells.join(' | ')} |`);
    }
    // Every state-changing form on every page an admin sees carries the CSRF field.
    const formsWithout: string[] = [];
    for (const route of routesOf(s.app).filter((r) => r.method === 'GET' && !isApi(r.path))) {
      const html = await (await browsers.admin.request('GET', route.concrete)).text();
      for (const form of html.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)) {
        if (!form[1]!.includes('name="_csrf"')) formsWithout.push(`${route.path}: ${form[0].slice(0, 80)}`);
      }
    }
    expect(formsWithout).toEqual([]);
    if (process.env.ROUTE_MATRIX_OUT) await writeFile(process.env.ROUTE_MATRIX_OUT, `${rows.join('\n')}\n`);
    expect(failures).toEqual([]);
  }, 120_000);
});
