// Who a request is (set by the authenticate middleware) and what the app's handlers may read
// from the context about it.
import type { ApiToken, Role, Session, User } from '../../../db/security-store.ts';

export type Principal =
  | { kind: 'anonymous' }
  /** A console session; `pending`: the TOTP step is still due. */
  | { kind: 'user'; user: User; session: Session }
  | { kind: 'token'; token: ApiToken };

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
    /** The client's address: the socket peer, or the forwarded one behind a trusted proxy. */
    clientAddress: string;
    /** The request reached us over HTTPS (TLS here, or a trusted proxy's X-Forwarded-Proto). */
    secureRequest: boolean;
    /** The token a form of this response must carry (the session's, or the pre-session cookie's). */
    csrfToken: string;
  }
}

export const roleRank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.kind === 'user' && !principal.session.pending && roleRank[principal.user.role] >= roleRank[role];
}

/** The audit log's name for a principal. */
export function actorName(principal: Principal): string {
  if (principal.kind === 'user') return principal.user.username;
  if (principal.kind === 'token') return `token:${principal.token.name}`;
  return 'anonymous';
}

/**
 * Who is acting, for records other code keeps (incident changes, notes): the signed-in account or
 * token; in an app without security (route tests only) the fallback the caller gives.
 */
export function requestActor(principal: Principal | undefined, fallback: () => string): string {
  return principal && principal.kind !== 'anonymous' ? actorName(principal) : fallback();
}

/** The request was made with an API token that has this scope (or a route's own config token). */
export function hasScope(principal: Principal | undefined, scope: ApiToken['scopes'][number]): boolean {
  return principal?.kind === 'token' && principal.token.scopes.includes(scope);
}
