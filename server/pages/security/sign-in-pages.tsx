// /login (username and password, then /login/totp when the account has TOTP), /logout, and
// /setup: the first admin, from loopback only and only while no account exists (SPEC §6).
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createAccount } from '../../security/accounts.ts';
import { signInSecondFactor, signInWithPassword } from '../../security/sign-in.ts';
import { createSession, endSession } from '../../security/sessions.ts';
import { clearCookie, readCookie, sessionCookie, writeCookie } from '../../security/http/cookies.ts';
import { socketAddress } from '../../security/http/client-address.ts';
import { isLoopbackHost } from '../../serve/loopback.ts';
import { recordAudit } from '../../security/audit.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill } from '../i18n.ts';
import type { securityMessages } from './security-messages.ts';
import {
  actorOf,
  Errors,
  form,
  isoMinute,
  safeNext,
  securityPage,
  type SecurityPageDeps,
} from './security-page-kit.tsx';

export function registerSignInPages(app: Hono, { security, pages }: SecurityPageDeps): void {
  const forceSecure = () => security.settings().session.secureCookies;

  type Msgs = ReturnType<typeof securityMessages>;
  const loginForm = (c: Context, errors: (m: Msgs) => string[], status?: 401 | 429, username = '') =>
    securityPage(
      c,
      pages,
      (m) => m.signIn,
      (ctx, m) => (
        <section class="auth-form">
          <h1>{m.signIn}</h1>
          <Errors errors={errors(m)} />
          <form method="post" action="/login">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="next" value={safeNext(c.req.query('next'))} />
            <label>
              {m.username} <input name="username" autocomplete="username" required value={username} />
            </label>
            <label>
              {m.password} <input name="password" type="password" autocomplete="current-password" required />
            </label>
            <button type="submit">{m.signIn}</button>
          </form>
        </section>
      ),
      status,
    );

  app.get('/login', async (c) => {
    if ((await security.store.security.listUsers()).length === 0 && isLoopbackHost(socketAddress(c)))
      return c.redirect('/setup', 303);
    return loginForm(c, () => []);
  });

  app.post('/login', async (c) => {
    const body = await form(c);
    const result = await signInWithPassword(security, body.username ?? '', body.password ?? '', c.get('clientAddress'));
    if (!result.ok) {
      if (result.reason === 'locked') {
        const until = isoMinute(result.untilMs, '');
        return loginForm(c, (m) => [fill(m.locked, { until })], 429, body.username);
      }
      return loginForm(c, (m) => [m.signInFailed], 401, body.username);
    }
    writeCookie(c, sessionCookie, result.cookie, forceSecure());
    const next = safeNext(body.next);
    return c.redirect(result.secondFactorDue ? `/login/totp?next=${encodeURIComponent(next)}` : next, 303);
  });

  const pendingSession = async (c: Context) => {
    const p = c.get('principal');
    return p.kind === 'user' && p.session.pending ? p : null;
  };

  const totpForm = (c: Context, errors: (m: Msgs) => string[], status?: 401 | 429) =>
    securityPage(
      c,
      pages,
      (m) => m.totpTitle,
      (ctx, m) => (
        <section class="auth-form">
          <h1>{m.totpTitle}</h1>
          <Errors errors={errors(m)} />
          <form method="post" action="/login/totp">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="next" value={safeNext(c.req.query('next'))} />
            <label>
              {m.totpCode} <input name="code" autocomplete="one-time-code" inputmode="numeric" required />
            </label>
            <button type="submit">{m.verify}</button>
          </form>
        </section>
      ),
      status,
    );

  app.get('/login/totp', async (c) => ((await pendingSession(c)) ? totpForm(c, () => []) : c.redirect('/login', 303)));

  app.post('/login/totp', async (c) => {
    const pending = await pendingSession(c);
    if (!pending) return c.redirect('/login', 303);
    const body = await form(c);
    const result = await signInSecondFactor(
      security,
      { user: pending.user, session: pending.session },
      body.code ?? '',
      c.get('clientAddress'),
    );
    if (!result.ok) {
      if (result.reason === 'locked') {
        const until = isoMinute(result.untilMs, '');
        return totpForm(c, (m) => [fill(m.locked, { until })], 429);
      }
      return totpForm(c, (m) => [m.totpFailed], 401);
    }
    writeCookie(c, sessionCookie, result.cookie, forceSecure());
    return c.redirect(safeNext(body.next), 303);
  });

  app.post('/logout', async (c) => {
    const cookie = readCookie(c, sessionCookie, forceSecure());
    if (cookie) await endSession(security, cookie);
    clearCookie(c, sessionCookie, forceSecure());
    await recordAudit(security, actorOf(c), { action: 'sign_out', entity: 'session' });
    return c.redirect('/login', 303);
  });

  // The setup page is for the person at the machine: the socket peer must be loopback (a
  // forwarded address does not count) and no account may exist yet.
  const setupAllowed = async (c: Context) =>
    isLoopbackHost(socketAddress(c)) && (await security.store.security.listUsers()).length === 0;
  const setupForm = (c: Context, errors: string[], username = '') =>
    securityPage(
      c,
      pages,
      (m) => m.setupTitle,
      (ctx, m) => (
        <section class="auth-form">
          <h1>{m.setupTitle}</h1>
          <p>{m.setupIntro}</p>
          <Errors errors={errors} />
          <form method="post" action="/setup">
            <CsrfField ctx={ctx} />
            <label>
              {m.username} <input name="username" autocomplete="username" required value={username} />
            </label>
            <label>
              {m.password}{' '}
              <input
                name="password"
                type="password"
                autocomplete="new-password"
                required
                minlength={security.settings().password.minLength}
              />
            </label>
            <button type="submit">{m.create}</button>
          </form>
        </section>
      ),
      errors.length ? 400 : undefined,
    );

  app.get('/setup', async (c) => {
    if (!(await setupAllowed(c))) throw new HTTPException(404, { message: 'not found' });
    return setupForm(c, []);
  });

  app.post('/setup', async (c) => {
    if (!(await setupAllowed(c))) throw new HTTPException(404, { message: 'not found' });
    const body = await form(c);
    const created = await createAccount(
      security,
      { username: body.username ?? '', role: 'admin', password: body.password ?? '' },
      { name: 'setup', address: c.get('clientAddress') },
    );
    if (!created.ok) return setupForm(c, created.errors, body.username);
    writeCookie(
      c,
      sessionCookie,
      await createSession(security, created.value.id, c.get('clientAddress'), false),
      forceSecure(),
    );
    await recordAudit(
      security,
      { name: created.value.username, address: c.get('clientAddress') },
      { action: 'sign_in.success', entity: 'session', entityId: created.value.id, after: { method: 'setup' } },
    );
    return c.redirect('/account', 303);
  });
}
