// The security pages (SPEC §6), one sub-app: sign-in and setup, the account page, and the admin
// pages for users, tokens and the audit log. Access to each is decided by the access table.
import { Hono } from 'hono';
import { registerAccountRoutes } from './account-route.ts';
import { registerAuditRoutes } from './audit-route.ts';
import type { SecurityPageDeps } from './security-page-kit.ts';
import { registerSignInRoutes } from './sign-in-route.ts';
import { registerTokensRoutes } from './tokens-route.ts';
import { registerUsersRoutes } from './users-route.ts';

export function createSecurityPages(deps: SecurityPageDeps): Hono {
  const app = new Hono();
  registerSignInRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerUsersRoutes(app, deps);
  registerTokensRoutes(app, deps);
  registerAuditRoutes(app, deps);
  return app;
}
