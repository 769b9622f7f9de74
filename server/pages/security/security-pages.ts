// The security pages (SPEC §6), one sub-app: sign-in and setup, the account page, and the admin
// pages for users, tokens and the audit log. Access to each is decided by the access table.
import { Hono } from 'hono';
import { registerAccountPage } from './account-page.tsx';
import { registerAuditPage } from './audit-page.tsx';
import type { SecurityPageDeps } from './security-page-kit.tsx';
import { registerSignInPages } from './sign-in-pages.tsx';
import { registerTokensPage } from './tokens-page.tsx';
import { registerUsersPage } from './users-page.tsx';

export function createSecurityPages(deps: SecurityPageDeps): Hono {
  const app = new Hono();
  registerSignInPages(app, deps);
  registerAccountPage(app, deps);
  registerUsersPage(app, deps);
  registerTokensPage(app, deps);
  registerAuditPage(app, deps);
  return app;
}
