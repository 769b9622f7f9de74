// What the security routes share: their deps, the acting account for the audit log, form fields,
// a safe "where to go after sign-in", and answering with a security page.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageBody } from '../page-body.ts';
import { renderPage, withPageContext } from '../render-page.ts';
import type { SecurityAppDeps } from '../../security/http/security-middleware.ts';
import { actorName } from '../../security/http/principal.ts';
import type { Actor } from '../../security/security-deps.ts';

export interface SecurityPageDeps {
  security: SecurityAppDeps;
  pages: PageDeps;
}

export function actorOf(c: Context): Actor {
  return { name: actorName(c.get('principal')), address: c.get('clientAddress') };
}

export async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** All values of a repeated field (checkboxes). */
export async function formAll(c: Context, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** Only a same-site path: `//evil.example` and `https://…` are not. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** A security page: no period selector, and not kept by caches. */
export function securityPage(
  c: Context,
  deps: PageDeps,
  page: (ctx: PageContext) => PageBody,
  status?: ContentfulStatusCode,
): Response | Promise<Response> {
  return withPageContext(c, deps, (ctx) => {
    c.header('Cache-Control', 'no-store');
    return renderPage(c, ctx, { ...page(ctx), periodSelector: false, status });
  });
}
