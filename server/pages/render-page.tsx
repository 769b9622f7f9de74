// Answers a page request: the whole page, or — for the live poll of web/live.ts (header
// `X-Slawatch-Live: 1`) — only the content of <main>, with an ETag so an unchanged view costs a
// 304 and no bytes.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';
import { commonMessages, type Lang } from './i18n.ts';

export const liveHeader = 'x-slawatch-live';

export interface PageBody {
  title: string;
  body: Child;
  periodSelector?: boolean;
  status?: ContentfulStatusCode;
}

export async function renderPage(c: Context, ctx: PageContext, page: PageBody): Promise<Response> {
  c.header('Vary', `Accept-Language, ${liveHeader}`);
  c.header('Cache-Control', 'no-cache');
  if (c.req.header(liveHeader) === '1') {
    // biome-ignore lint/complexity/noUselessFragments: the fragment renders any Child (text, array, element) to HTML
    const html = await (<>{page.body}</>).toString();
    const etag = `"${createHash('sha1').update(html).digest('base64url')}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.html(html, page.status ?? 200);
  }
  const html = await (
    <Layout ctx={ctx} title={page.title} periodSelector={page.periodSelector}>
      {page.body}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, page.status ?? 200);
}

/** A plain error page without the app shell's dependencies (bad period, unknown service). */
export function renderErrorPage(c: Context, lang: Lang, status: 400 | 404, message: string): Response {
  const t = commonMessages(lang);
  const heading = status === 404 ? t.notFound : t.badRequest;
  const html = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${heading} · ${t.appName}`}</title>
      </head>
      <body>
        <main>
          <h1>{heading}</h1>
          <p>{message}</p>
          <p>
            <a href={`/?lang=${lang}`}>{t.navOverview}</a>
          </p>
        </main>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${html.toString()}`, status);
}
