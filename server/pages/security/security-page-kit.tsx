// What the security pages share: their deps, the page context of a request, the acting account
// for the audit log, form fields, and a safe "where to go after sign-in".
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PageDeps } from '../page-deps.ts';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.ts';
import type { SecurityAppDeps } from '../../security/http/security-middleware.ts';
import { actorName } from '../../security/http/principal.ts';
import type { Actor } from '../../security/security-deps.ts';
import { securityMessages } from './security-messages.ts';

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

export async function securityPage(
  c: Context,
  deps: PageDeps,
  title: (m: ReturnType<typeof securityMessages>) => string,
  body: (ctx: PageContext, m: ReturnType<typeof securityMessages>) => Child,
  status?: ContentfulStatusCode,
): Promise<Response> {
  const made = createPageContext(c, deps);
  if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
  const m = securityMessages(made.ctx.lang);
  c.header('Cache-Control', 'no-store');
  return renderPage(c, made.ctx, { title: title(m), body: body(made.ctx, m), periodSelector: false, status });
}

export function Errors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul class="form-errors" role="alert">
      {errors.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  );
}

export const isoMinute = (ms: number | null, never: string) =>
  ms === null ? never : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
