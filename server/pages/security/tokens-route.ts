// /admin/tokens and its actions: create a token (its value is shown once, on the answer to the
// POST, never stored) and revoke one, through server/security/api-tokens.ts. Admins only.
import type { Context, Hono } from 'hono';
import { createApiToken, revokeApiToken } from '../../security/api-tokens.ts';
import { actorOf, form, formAll, securityPage, type SecurityPageDeps } from './security-page-kit.ts';
import { tokensPage } from './tokens-page.tsx';

const dayMs = 86_400_000;

export function registerTokensRoutes(app: Hono, deps: SecurityPageDeps): void {
  app.get('/admin/tokens', (c) => show(c, deps, {}));
  app.post('/admin/tokens', (c) => createToken(c, deps));
  app.post('/admin/tokens/:id/revoke', (c) => revokeToken(c, deps));
}

async function show(
  c: Context,
  { security, pages }: SecurityPageDeps,
  outcome: { errors?: string[]; created?: string },
  status?: 400 | 404,
) {
  const tokens = await security.store.security.listTokens();
  const data = { tokens, errors: outcome.errors ?? [], created: outcome.created ?? null };
  return securityPage(c, pages, (ctx) => tokensPage(ctx, data), status);
}

async function createToken(c: Context, deps: SecurityPageDeps) {
  const body = await form(c);
  const days = (body.expires_days ?? '').trim();
  if (days !== '' && !/^\d{1,4}$/.test(days))
    return show(c, deps, { errors: ['expires_days: a whole number of days, or empty for never'] }, 400);
  const expiresMs = days === '' ? null : deps.security.nowMs() + Number(days) * dayMs;
  const created = await createApiToken(
    deps.security,
    { name: body.name ?? '', scopes: await formAll(c, 'scopes'), expiresMs },
    actorOf(c),
  );
  if (!created.ok) return show(c, deps, { errors: created.errors }, 400);
  c.header('Cache-Control', 'no-store');
  return show(c, deps, { created: created.value });
}

async function revokeToken(c: Context, deps: SecurityPageDeps) {
  const ok = await revokeApiToken(deps.security, c.req.param('id') ?? '', actorOf(c));
  return ok ? c.redirect('/admin/tokens', 303) : show(c, deps, { errors: ['no such live token'] }, 404);
}
