// /admin/users: every account with its role and 2FA state; create one, change a role, reset 2FA,
// delete; the sign-in locks in force, each with an unlock button (SPEC §6). A pure view of what
// users-route.ts reads.
import { roles, type User } from '../../../db/security-store.ts';
import { CsrfField } from '../csrf-field.tsx';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { securityMessages } from './security-messages.ts';
import { Errors, isoMinute } from './security-page-parts.tsx';

export interface UsersPageData {
  users: User[];
  /** The sign-in locks in force now: `user:NAME` or `ip:ADDRESS` until an instant. */
  locks: { key: string; untilMs: number }[];
  errors: string[];
}

type Messages = ReturnType<typeof securityMessages>;

export function usersPage(ctx: PageContext, { users, locks, errors }: UsersPageData): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.usersTitle,
    body: (
      <>
        <h1>{m.usersTitle}</h1>
        <Errors errors={errors} />
        <UsersTable ctx={ctx} m={m} users={users} />
        <h2>{m.newUser}</h2>
        <NewUserForm ctx={ctx} m={m} />
        <h2>{m.locksTitle}</h2>
        {locks.length === 0 ? <p>{m.noLocks}</p> : <LocksTable ctx={ctx} m={m} locks={locks} />}
      </>
    ),
  };
}

function UsersTable({ ctx, m, users }: { ctx: PageContext; m: Messages; users: User[] }) {
  return (
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
  );
}

function NewUserForm({ ctx, m }: { ctx: PageContext; m: Messages }) {
  return (
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
  );
}

function LocksTable({ ctx, m, locks }: { ctx: PageContext; m: Messages; locks: UsersPageData['locks'] }) {
  return (
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
  );
}
