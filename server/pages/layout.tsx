// The page shell of every page: head with the bundled CSS/JS of web/, a skip link, the navigation,
// the language switch and the period selector, and a <main> that web/ refreshes in place while
// the page is open (render-page.ts answers those polls with the main content only).
import type { Child } from 'hono/jsx';
import { fill, langs, type Lang } from './i18n.ts';
import { buildHref, type PageContext } from './page-context.ts';
import { navLinks } from './nav-links.ts';
import { PeriodSelector } from './period-selector.tsx';
import { periodParams } from './period-query.ts';
import { AccountMenu } from './account-menu.tsx';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** false: a page without periods (e.g. an error page); default true. */
  periodSelector?: boolean;
  children?: Child;
}

const langNames: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function Layout({ ctx, title, periodSelector = true, children }: LayoutProps) {
  const { t } = ctx;
  const live = ctx.liveSeconds;
  const periodKeep = ctx.explicitPeriod ? periodParams(ctx.selection) : {};
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.appName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.styleUrl} />
        <meta name="csrf-token" content={ctx.csrfToken} />
        <script type="module" src={ctx.assets.scriptUrl}></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <nav class="site-nav" aria-label={t.appName}>
            <a class="brand" href={ctx.href('/')}>
              {t.appName}
            </a>
            <ul>
              {navLinks.map((link) => (
                <li>
                  <a
                    href={link.keepPeriod === false ? link.path : ctx.href(link.path)}
                    aria-current={ctx.path === link.path ? 'page' : undefined}
                  >
                    {link.label(ctx.lang)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <nav class="lang-switch" aria-label={t.language}>
            <ul>
              {langs.map((lang) => (
                <li>
                  <a
                    href={buildHref(ctx.path, { ...ctx.query, ...periodKeep, lang })}
                    hreflang={lang}
                    lang={lang}
                    aria-current={lang === ctx.lang ? 'true' : undefined}
                    data-lang={lang}
                  >
                    {langNames[lang]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <AccountMenu ctx={ctx} />
          {periodSelector ? <PeriodSelector ctx={ctx} /> : null}
        </header>
        <main id="main" tabindex={-1} data-live-seconds={String(live)}>
          {children}
        </main>
        <footer class="site-footer">
          {/* Not a live region: announcing "updated" every 30 s would drown a screen reader. */}
          <p
            class="live-status"
            data-live-status
            data-text-on={fill(t.liveOn, { seconds: live })}
            data-text-updated={t.liveUpdated}
            data-text-failed={t.liveFailed}
          ></p>
        </footer>
      </body>
    </html>
  );
}
