// /admin/users and its actions: create an account, change a role, reset 2FA, delete, unlock a
// sign-in lock. Each route is one named step that acts through server/security/ and comes back to
// the list, or shows it with the errors. Admins only.
import type { Context, Hono } from 'hono';
import type { User } from '../../../db/security-store.ts';
import { changeRole, createAccount, deleteAccount, disableTotp } from '../../security/accounts.ts';
import { unlock } from '../../security/lockout.ts';
import { actorOf, form, securityPage, type SecurityPageDeps } from './security-page-kit.ts';
import { usersPage } from './users-page.tsx';

const backToUsers = (c: Context) => c.redirect('/admin/users', 303);

export function registerUsersRoutes(app: Hono, deps: SecurityPageDeps): void {
  app.get('/admin/users', (c) => show(c, deps));
  app.post('/admin/users', (c) => addAccount(c, deps));
  app.post('/admin/users/:id/role', (c) => withTarget(c, deps, changeAccountRole));
  app.post('/admin/users/:id/two-factor/reset', (c) => withTarget(c, deps, resetTwoFactor));
  app.post('/admin/users/:id/delete', (c) => withTarget(c, deps, removeAccount));
  app.post('/admin/locks/unlock', (c) => unlockKey(c, deps));
}

async function show(c: Context, { security, pages }: SecurityPageDeps, errors: string[] = [], status?: 400 | 404) {
  const users = await security.store.security.listUsers();
  const locks = await security.store.security.listLocks(security.nowMs());
  return securityPage(c, pages, (ctx) => usersPage(ctx, { users, locks, errors }), status);
}

async function addAccount(c: Context, deps: SecurityPageDeps) {
  const body = await form(c);
  const created = await createAccount(
    deps.security,
    { username: body.username ?? '', role: body.role ?? '', password: body.password ?? '' },
    actorOf(c),
  );
  return created.ok ? backToUsers(c) : show(c, deps, created.errors, 400);
}

type TargetAction = (c: Context, deps: SecurityPageDeps, user: User) => Promise<Response>;

/** Runs an action on the account of the path, or answers 404 in the page. */
async function withTarget(c: Context, deps: SecurityPageDeps, action: TargetAction) {
  const user = await deps.security.store.security.getUser(c.req.param('id') ?? '');
  return user ? action(c, deps, user) : show(c, deps, ['no such user'], 404);
}

async function changeAccountRole(c: Context, deps: SecurityPageDeps, user: User) {
  const changed = await changeRole(deps.security, user, (await form(c)).role ?? '', actorOf(c));
  if (!changed.ok) return show(c, deps, changed.errors, 400);
  await deps.security.store.security.deleteUserSessions(user.id); // the new role applies at the next sign-in
  return backToUsers(c);
}

async function resetTwoFactor(c: Context, deps: SecurityPageDeps, user: User) {
  await disableTotp(deps.security, user, actorOf(c));
  return backToUsers(c);
}

async function removeAccount(c: Context, deps: SecurityPageDeps, user: User) {
  const deleted = await deleteAccount(deps.security, user, actorOf(c));
  return deleted.ok ? backToUsers(c) : show(c, deps, deleted.errors, 400);
}

async function unlockKey(c: Context, deps: SecurityPageDeps) {
  const key = (await form(c)).key ?? '';
  if (!/^(user|ip):/.test(key)) return show(c, deps, ['key: user:NAME or ip:ADDRESS'], 400);
  await unlock(deps.security, key, actorOf(c));
  return backToUsers(c);
}
