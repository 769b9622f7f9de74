// /login (username and password, then /login/totp when the account has TOTP), /logout, and
// /setup: the first admin, from loopback only and only while no account exists (SPEC §6). Each
// route is one named step; the views are in sign-in-pages.tsx.
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createAccount } from '../../security/accounts.ts';
import { recordAudit } from '../../security/audit.ts';
import { socketAddress } from '../../security/http/client-address.ts';
import { clearCookie, readCookie, sessionCookie, writeCookie } from '../../security/http/cookies.ts';
import { createSession, endSession } from '../../security/sessions.ts';
import { signInSecondFactor, signInWithPassword } from '../../security/sign-in.ts';
import { isLoopbackHost } from '../../serve/loopback.ts';
import { actorOf, form, safeNext, securityPage, type SecurityPageDeps } from './security-page-kit.ts';
import { loginPage, setupPage, totpPage, type SignInFailure } from './sign-in-pages.tsx';

export function registerSignInRoutes(app: Hono, deps: SecurityPageDeps): void {
  app.get('/login', (c) => showLogin(c, deps));
  app.post('/login', (c) => signIn(c, deps));
  app.get('/login/totp', (c) => (pendingSession(c) ? showTotp(c, deps, null) : c.redirect('/login', 303)));
  app.post('/login/totp', (c) => verifySecondFactor(c, deps));
  app.post('/logout', (c) => signOut(c, deps));
  app.get('/setup', (c) => showSetup(c, deps));
  app.post('/setup', (c) => setUp(c, deps));
}

const secureCookies = ({ security }: SecurityPageDeps) => security.settings().session.secureCookies;

/** A failed attempt answers 401, or 429 while the lock lasts. */
const failureStatus = (failure: SignInFailure | null) =>
  failure ? (failure.reason === 'locked' ? 429 : 401) : undefined;

function loginForm(c: Context, deps: SecurityPageDeps, failure: SignInFailure | null, username = '') {
  const next = safeNext(c.req.query('next'));
  return securityPage(c, deps.pages, (ctx) => loginPage(ctx, { next, username, failure }), failureStatus(failure));
}

async function showLogin(c: Context, deps: SecurityPageDeps) {
  // Before the first account, the person at the machine is sent to create it.
  if ((await deps.security.store.security.listUsers()).length === 0 && isLoopbackHost(socketAddress(c)))
    return c.redirect('/setup', 303);
  return loginForm(c, deps, null);
}

async function signIn(c: Context, deps: SecurityPageDeps) {
  const body = await form(c);
  const { security } = deps;
  const result = await signInWithPassword(security, body.username ?? '', body.password ?? '', c.get('clientAddress'));
  if (!result.ok) return loginForm(c, deps, result, body.username);
  writeCookie(c, sessionCookie, result.cookie, secureCookies(deps));
  const next = safeNext(body.next);
  return c.redirect(result.secondFactorDue ? `/login/totp?next=${encodeURIComponent(next)}` : next, 303);
}

/** The session of a password sign-in still waiting for its TOTP step, or null. */
function pendingSession(c: Context) {
  const p = c.get('principal');
  return p.kind === 'user' && p.session.pending ? p : null;
}

function showTotp(c: Context, deps: SecurityPageDeps, failure: SignInFailure | null) {
  const next = safeNext(c.req.query('next'));
  return securityPage(c, deps.pages, (ctx) => totpPage(ctx, { next, failure }), failureStatus(failure));
}

async function verifySecondFactor(c: Context, deps: SecurityPageDeps) {
  const pending = pendingSession(c);
  if (!pending) return c.redirect('/login', 303);
  const body = await form(c);
  const result = await signInSecondFactor(
    deps.security,
    { user: pending.user, session: pending.session },
    body.code ?? '',
    c.get('clientAddress'),
  );
  if (!result.ok) return showTotp(c, deps, result);
  writeCookie(c, sessionCookie, result.cookie, secureCookies(deps));
  return c.redirect(safeNext(body.next), 303);
}

async function signOut(c: Context, deps: SecurityPageDeps) {
  const cookie = readCookie(c, sessionCookie, secureCookies(deps));
  if (cookie) await endSession(deps.security, cookie);
  clearCookie(c, sessionCookie, secureCookies(deps));
  await recordAudit(deps.security, actorOf(c), { action: 'sign_out', entity: 'session' });
  return c.redirect('/login', 303);
}

// The setup page is for the person at the machine: the socket peer must be loopback (a
// forwarded address does not count) and no account may exist yet.
async function requireSetupAllowed(c: Context, { security }: SecurityPageDeps): Promise<void> {
  const allowed = isLoopbackHost(socketAddress(c)) && (await security.store.security.listUsers()).length === 0;
  if (!allowed) throw new HTTPException(404, { message: 'not found' });
}

function setupForm(c: Context, deps: SecurityPageDeps, errors: string[], username = '') {
  const minPasswordLength = deps.security.settings().password.minLength;
  const status = errors.length ? 400 : undefined;
  return securityPage(c, deps.pages, (ctx) => setupPage(ctx, { errors, username, minPasswordLength }), status);
}

async function showSetup(c: Context, deps: SecurityPageDeps) {
  await requireSetupAllowed(c, deps);
  return setupForm(c, deps, []);
}

async function setUp(c: Context, deps: SecurityPageDeps) {
  await requireSetupAllowed(c, deps);
  const { security } = deps;
  const body = await form(c);
  const address = c.get('clientAddress');
  const created = await createAccount(
    security,
    { username: body.username ?? '', role: 'admin', password: body.password ?? '' },
    { name: 'setup', address },
  );
  if (!created.ok) return setupForm(c, deps, created.errors, body.username);
  writeCookie(c, sessionCookie, await createSession(security, created.value.id, address, false), secureCookies(deps));
  await recordAudit(
    security,
    { name: created.value.username, address },
    { action: 'sign_in.success', entity: 'session', entityId: created.value.id, after: { method: 'setup' } },
  );
  return c.redirect('/account', 303);
}
