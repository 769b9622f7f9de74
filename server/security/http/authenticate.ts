// Who is calling: `Authorization: Bearer swt_…` (an API token) or the session cookie. A bearer
// value that is not a live token is refused at once (401), so a typo never falls back to a
// session. Sets `principal` and the `csrfToken` that forms of this response carry.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { resolveApiToken } from '../api-tokens.ts';
import { randomToken } from '../secrets.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { resolveSession } from '../sessions.ts';
import { preSessionCsrfCookie, readCookie, sessionCookie, writeCookie } from './cookies.ts';
import type { Principal } from './principal.ts';
import type { TokenScope } from '../../../db/security-store.ts';

export interface AuthenticateOptions {
  /**
   * Bearer values the config defines for one route (the Alertmanager receiver's `alertmanager.token`):
   * the name and scopes they stand for, or null. They act like an API token of those scopes.
   */
  foreignBearer?: (path: string, value: string) => { name: string; scopes: TokenScope[] } | null;
}

export function bearerOf(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
}

export function authenticate(deps: SecurityDeps, options: AuthenticateOptions = {}): MiddlewareHandler {
  return async function authenticate(c, next) {
    const forceSecure = deps.settings().session.secureCookies;
    let principal: Principal = { kind: 'anonymous' };
    const bearer = bearerOf(c.req.header('authorization'));
    const foreign = bearer ? (options.foreignBearer?.(c.req.path, bearer) ?? null) : null;
    if (foreign) {
      principal = {
        kind: 'token',
        token: {
          id: 'config',
          name: foreign.name,
          tokenHash: '',
          scopes: foreign.scopes,
          createdBy: 'config',
          createdMs: 0,
          expiresMs: null,
          lastUsedMs: null,
          revokedMs: null,
        },
      };
    } else if (bearer) {
      const token = await resolveApiToken(deps, bearer);
      if (!token) throw new HTTPException(401, { message: 'invalid, expired or revoked API token' });
      principal = { kind: 'token', token };
    } else {
      const active = await resolveSession(deps, readCookie(c, sessionCookie, forceSecure));
      if (active) principal = { kind: 'user', user: active.user, session: active.session };
    }
    c.set('principal', principal);
    if (principal.kind === 'user') c.set('csrfToken', principal.session.csrfToken);
    else {
      let token = readCookie(c, preSessionCsrfCookie, forceSecure);
      if (!token || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) {
        token = randomToken(24);
        writeCookie(c, preSessionCsrfCookie, token, forceSecure);
      }
      c.set('csrfToken', token);
    }
    await next();
  };
}
