// /admin/users: every account with its role and 2FA state; create one, change a role, reset 2FA,
// delete; the sign-in locks in force, each with an unlock button (SPEC §6). Admins only.
import type { Context, Hono } from 'hono';
import { roles } from '../../../db/security-store.ts';
import { changeRole, createAccount, deleteAccount, disableTotp } from '../../security/accounts.ts';
import { unlock } from '../../security/lockout.ts';
import { CsrfField } from '../csrf-field.tsx';
import { actorOf, Errors, form, isoMinute, securityPage, type SecurityPageDeps } from './security-page-kit.tsx';

export function registerUsersPage(app: Hono, { security, pages }: SecurityPageDeps): void {
  const show = async (c: Context, errors: string[] = [], status?: 400 | 404) => {
    const users = await security.store.security.listUsers();
    const locks = await security.store.security.listLocks(security.nowMs());
    return securityPage(
      c,
      pages,
      (m) => m.usersTitle,
      (ctx, m) => (
        <>
          <h1>{m.usersTitle}</h1>
          <Errors errors={errors} />
          <table>
            <thead>
              <tr>
                <th>{m.username}</th>
                <th>{m.role}</th>
                <th>{m.twoFactorShort}</th>
                <th>{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>{u.username}</td>
                  <td>
                    <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <select name="role" aria-label={`${m.role} ${u.username}`}>
                        {roles.map((r) => (
                          <option value={r} selected={r === u.role}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <button type="submit">{m.save}</button>
                    </form>
                  </td>
                  <td>{u.totpEnabledMs !== null ? m.yes : m.no}</td>
                  <td>
                    <form method="post" action={`/admin/users/${u.id}/two-factor/reset`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit">{m.resetTwoFactor}</button>
                    </form>
                    <form method="post" action={`/admin/users/${u.id}/delete`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit">{m.delete}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{m.newUser}</h2>
          <form method="post" action="/admin/users">
            <CsrfField ctx={ctx} />
            <label>
              {m.username} <input name="username" required />
            </label>
            <label>
              {m.role}{' '}
              <select name="role">
                {roles.map((r) => (
                  <option value={r}>{r}</option>
                ))}
              </select>
            </label>
            <label>
              {m.password} <input name="password" type="password" autocomplete="new-password" required />
            </label>
            <button type="submit">{m.create}</button>
          </form>
          <h2>{m.locksTitle}</h2>
          {locks.length === 0 ? (
            <p>{m.noLocks}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{m.lockKey}</th>
                  <th>{m.until}</th>
                  <th>{m.actions}</th>
                </tr>
              </thead>
              <tbody>
                {locks.map((l) => (
                  <tr>
                    <td>
                      <code>{l.key}</code>
                    </td>
                    <td>{isoMinute(l.untilMs, '')}</td>
                    <td>
                      <form method="post" action="/admin/locks/unlock" class="inline-form">
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="key" value={l.key} />
                        <button type="submit">{m.unlock}</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ),
      status,
    );
  };

  const target = async (c: Context) => security.store.security.getUser(c.req.param('id') ?? '');

  app.get('/admin/users', (c) => show(c));

  app.post('/admin/users', async (c) => {
    const body = await form(c);
    const created = await createAccount(
      security,
      { username: body.username ?? '', role: body.role ?? '', password: body.password ?? '' },
      actorOf(c),
    );
    return created.ok ? c.redirect('/admin/users', 303) : show(c, created.errors, 400);
  });

  app.post('/admin/users/:id/role', async (c) => {
    const user = await target(c);
    if (!user) return show(c, ['no such user'], 404);
    const changed = await changeRole(security, user, (await form(c)).role ?? '', actorOf(c));
    if (changed.ok) await security.store.security.deleteUserSessions(user.id); // the new role applies at the next sign-in
    return changed.ok ? c.redirect('/admin/users', 303) : show(c, changed.errors, 400);
  });

  app.post('/admin/users/:id/two-factor/reset', async (c) => {
    const user = await target(c);
    if (!user) return show(c, ['no such user'], 404);
    await disableTotp(security, user, actorOf(c));
    return c.redirect('/admin/users', 303);
  });

  app.post('/admin/users/:id/delete', async (c) => {
    const user = await target(c);
    if (!user) return show(c, ['no such user'], 404);
    const deleted = await deleteAccount(security, user, actorOf(c));
    return deleted.ok ? c.redirect('/admin/users', 303) : show(c, deleted.errors, 400);
  });

  app.post('/admin/locks/unlock', async (c) => {
    const key = (await form(c)).key ?? '';
    if (!/^(user|ip):/.test(key)) return show(c, ['key: user:NAME or ip:ADDRESS'], 400);
    await unlock(security, key, actorOf(c));
    return c.redirect('/admin/users', 303);
  });
}
