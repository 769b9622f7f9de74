// Answers a page request: the whole page, or — for the live poll of web/live.ts (header
// `X-Slawatch-Live: 1`) — only the content of <main>, with an ETag so an unchanged view costs a
// 304 and no bytes. The views it renders are pure; reading the store is the route's part.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Fragment, jsx } from 'hono/jsx';
import { ErrorPage } from './error-page.tsx';
import type { Lang } from './i18n.ts';
import { Layout } from './layout.tsx';
import type { PageBody } from './page-body.ts';
import { createPageContext, type PageContext } from './page-context.ts';
import type { PageDeps } from './page-deps.ts';

export const liveHeader = 'x-slawatch-live';

export async function renderPage(c: Context, ctx: PageContext, page: PageBody): Promise<Response> {
  c.header('Vary', `Accept-Language, ${liveHeader}`);
  // A route that asked for no-store (pages with credentials or a secret shown once) keeps it.
  if (c.res.headers.get('Cache-Control') !== 'no-store') c.header('Cache-Control', 'no-cache');
  if (c.req.header(liveHeader) === '1') {
    // A fragment renders any Child (text, array, element) to HTML.
    const html = await jsx(Fragment, {}, page.body).toString();
    const etag = `"${createHash('sha1').update(html).digest('base64url')}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.html(html, page.status ?? 200);
  }
  const layout = { ctx, title: page.title, periodSelector: page.periodSelector };
  const html = await jsx(Layout, layout, page.body).toString();
  return c.html(`<!doctype html>${html}`, page.status ?? 200);
}

export function renderErrorPage(c: Context, lang: Lang, status: 400 | 404, message: string): Response {
  return c.html(`<!doctype html>${ErrorPage({ lang, status, message }).toString()}`, status);
}

/** Answers with the request's page context, or with the 400 page when its period query is invalid. */
export function withPageContext(
  c: Context,
  deps: PageDeps,
  answer: (ctx: PageContext) => Response | Promise<Response>,
): Response | Promise<Response> {
  const made = createPageContext(c, deps);
  return made.ok ? answer(made.ctx) : renderErrorPage(c, made.lang, 400, made.message);
}
