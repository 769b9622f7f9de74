// The console's guard, in order: where the request comes from (trusted proxies), the response
// headers, the allow-list, who it is (token or session), whether that may call this route, and
// CSRF. createApp mounts it before every route, so no route of the app is outside it.
import type { MiddlewareHandler } from 'hono';
import type { SecurityDeps } from '../security-deps.ts';
import { allowList } from './allow-list.ts';
import { authenticate, type AuthenticateOptions } from './authenticate.ts';
import { authorize } from './authorize.ts';
import { clientAddress } from './client-address.ts';
import { csrfProtection } from './csrf.ts';
import { securityHeaders } from './security-headers.ts';

export interface SecurityAppDeps extends SecurityDeps, AuthenticateOptions {
  /** This server terminates TLS itself (HSTS, Secure cookies). */
  tls: boolean;
}

export function securityMiddleware(deps: SecurityAppDeps): MiddlewareHandler[] {
  return [
    clientAddress({ trustedProxies: () => deps.settings().trustedProxies, tls: deps.tls }),
    securityHeaders(),
    allowList({ cidrs: () => deps.settings().allowList }),
    authenticate(deps, { foreignBearer: deps.foreignBearer }),
    authorize(deps),
    csrfProtection(),
  ];
}
