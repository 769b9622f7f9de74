// /admin/tokens: API tokens with their scopes, expiry and last use; create one (its value is
// shown once, on the answer to the POST, never stored), revoke one (SPEC §6). Admins only.
import type { Context, Hono } from 'hono';
import { tokenScopes } from '../../../db/security-store.ts';
import { createApiToken, revokeApiToken } from '../../security/api-tokens.ts';
import { CsrfField } from '../csrf-field.tsx';
import {
  actorOf,
  Errors,
  form,
  formAll,
  isoMinute,
  securityPage,
  type SecurityPageDeps,
} from './security-page-kit.tsx';

const dayMs = 86_400_000;

export function registerTokensPage(app: Hono, { security, pages }: SecurityPageDeps): void {
  const show = async (c: Context, view: { errors?: string[]; created?: string }, status?: 400 | 404) => {
    const tokens = await security.store.security.listTokens();
    return securityPage(
      c,
      pages,
      (m) => m.tokensTitle,
      (ctx, m) => (
        <>
          <h1>{m.tokensTitle}</h1>
          <Errors errors={view.errors ?? []} />
          {view.created ? (
            <p class="notice" role="status">
              {m.tokenShown} <code data-new-token>{view.created}</code>
            </p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th>{m.name}</th>
                <th>{m.scopes}</th>
                <th>{m.createdBy}</th>
                <th>{m.expires}</th>
                <th>{m.lastUsed}</th>
                <th>{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>{t.createdBy}</td>
                  <td>{isoMinute(t.expiresMs, m.never)}</td>
                  <td>{isoMinute(t.lastUsedMs, m.never)}</td>
                  <td>
                    {t.revokedMs !== null ? (
                      m.revoked
                    ) : (
                      <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit">{m.revoke}</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{m.newToken}</h2>
          <form method="post" action="/admin/tokens">
            <CsrfField ctx={ctx} />
            <label>
              {m.name} <input name="name" required maxlength={64} />
            </label>
            <fieldset>
              <legend>{m.scopes}</legend>
              {tokenScopes.map((s) => (
                <label>
                  <input type="checkbox" name="scopes" value={s} /> {s}
                </label>
              ))}
            </fieldset>
            <label>
              {m.expiresDays} <input name="expires_days" type="number" min={1} max={3650} value="90" />
            </label>
            <button type="submit">{m.create}</button>
          </form>
        </>
      ),
      status,
    );
  };

  app.get('/admin/tokens', (c) => show(c, {}));

  app.post('/admin/tokens', async (c) => {
    const body = await form(c);
    const days = (body.expires_days ?? '').trim();
    if (days !== '' && !/^\d{1,4}$/.test(days))
      return show(c, { errors: ['expires_days: a whole number of days, or empty for never'] }, 400);
    const expiresMs = days === '' ? null : security.nowMs() + Number(days) * dayMs;
    const created = await createApiToken(
      security,
      { name: body.name ?? '', scopes: await formAll(c, 'scopes'), expiresMs },
      actorOf(c),
    );
    if (!created.ok) return show(c, { errors: created.errors }, 400);
    c.header('Cache-Control', 'no-store');
    return show(c, { created: created.value });
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    const ok = await revokeApiToken(security, c.req.param('id') ?? '', actorOf(c));
    return ok ? c.redirect('/admin/tokens', 303) : show(c, { errors: ['no such live token'] }, 404);
  });
}
