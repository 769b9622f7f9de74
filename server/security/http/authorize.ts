// Enforces the access table (access-policy.ts): anonymous API calls get 401, anonymous page views
// a redirect to /login; a signed-in account below the role, or a token without the scope, gets
// 403. An account that must still enrol in TOTP or whose password expired may only reach
// /account and /logout until it has.
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { twoFactorRequired } from '../accounts.ts';
import { isPasswordExpired } from '../password-policy.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { accessFor, isApiPath, type Access } from './access-policy.ts';
import { hasRole, hasScope, type Principal } from './principal.ts';

export function authorize(deps: SecurityDeps): MiddlewareHandler {
  return async function authorize(c, next) {
    const access = accessFor(c.req.method, c.req.path);
    const principal = c.get('principal');
    const denied = deny(deps, c, access, principal);
    if (denied) return denied;
    await next();
  };
}

function deny(deps: SecurityDeps, c: Context, access: Access, principal: Principal): Response | null {
  if (access.kind === 'public') return null;
  if (access.kind === 'metrics') {
    if (!deps.settings().metricsToken) return null;
    if (hasScope(principal, 'read')) return null;
    if (hasRole(principal, 'viewer')) return null;
    throw new HTTPException(401, { message: '/metrics needs a token with the read scope' });
  }
  const api = isApiPath(c.req.path);
  if (access.kind === 'token') {
    if (hasScope(principal, access.scope)) return null;
    if (principal.kind === 'anonymous')
      throw new HTTPException(401, {
        message: `send Authorization: Bearer <API token with the ${access.scope} scope>`,
      });
    throw new HTTPException(403, { message: `this route takes an API token with the ${access.scope} scope` });
  }
  if (principal.kind === 'token') {
    if (!api)
      throw new HTTPException(401, { message: 'API tokens work on /api/ and /metrics only; sign in at /login' });
    if (access.scope === null || !principal.token.scopes.includes(access.scope)) {
      throw new HTTPException(403, {
        message: access.scope
          ? `this token lacks the ${access.scope} scope`
          : 'this needs a signed-in admin, not a token',
      });
    }
    return null;
  }
  if (principal.kind === 'anonymous' || principal.session.pending) {
    if (api) throw new HTTPException(401, { message: 'sign in, or send Authorization: Bearer <API token>' });
    const target = principal.kind === 'user' ? '/login/totp' : `/login?next=${encodeURIComponent(c.req.path)}`;
    return c.redirect(target, 303);
  }
  const gate = accountGate(deps, principal.user);
  if (gate && !/^\/(account|logout)(\/|$)/.test(c.req.path)) {
    if (api) throw new HTTPException(403, { message: gate });
    return c.redirect('/account', 303);
  }
  if (!hasRole(principal, access.role)) throw new HTTPException(403, { message: `this needs the ${access.role} role` });
  return null;
}

/** Why an account must visit /account before anything else, or null. */
export function accountGate(deps: SecurityDeps, user: Extract<Principal, { kind: 'user' }>['user']): string | null {
  if (twoFactorRequired(deps, user) && user.totpEnabledMs === null)
    return 'two-factor sign-in is required for this account: enrol at /account';
  if (isPasswordExpired(deps.settings().password, user.passwordChangedMs, deps.nowMs()))
    return 'the password has expired: change it at /account';
  return null;
}
