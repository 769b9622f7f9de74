// What every page handler knows about its request: the language, the period selection, the clock
// reading, and how to build links that keep `lang` and the period (so a view can be shared). It
// holds data only, never the store: a view given it can render, not read.
import type { Context } from 'hono';
import { commonMessages, pickLang, type CommonMessages, type Lang } from './i18n.ts';
import { parsePeriodQuery, periodParams, type PeriodSelection } from './period-query.ts';
import type { PageDeps } from './page-deps.ts';
import type { WebAssets } from './web-assets.ts';
import '../security/http/principal.ts';

export interface PageContext {
  lang: Lang;
  t: CommonMessages;
  selection: PeriodSelection;
  /** false: no period in the URL (the current year is shown). */
  explicitPeriod: boolean;
  nowMs: number;
  /** The request path, e.g. /services/shop. */
  path: string;
  /** Every query parameter of the request (search, page, …), for links that keep them all. */
  query: Record<string, string>;
  /** The config's timezone: the years the period selector offers, and times of no one service. */
  timezone: string;
  /** The bundled style sheet and script the page shell links. */
  assets: Pick<WebAssets, 'styleUrl' | 'scriptUrl'>;
  /** How often the open page polls for fresh content; 0: never (an edit form). */
  liveSeconds: number;
  /** The CSRF token every state-changing form of this page carries as `_csrf` (SPEC §6); '' without security. */
  csrfToken: string;
  /** The signed-in account, or null (anonymous, or an app without security). */
  account: { username: string; role: 'viewer' | 'editor' | 'admin' } | null;
  /** A link to `path` keeping lang and the period; `params` add or (undefined) remove parameters. */
  href(path: string, params?: Record<string, string | undefined>): string;
}

export type PageContextResult = { ok: true; ctx: PageContext } | { ok: false; lang: Lang; message: string };

export function createPageContext(c: Context, deps: PageDeps): PageContextResult {
  const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'));
  const nowMs = deps.nowMs();
  const timezone = deps.config().timezone;
  const parsed = parsePeriodQuery(
    { period: c.req.query('period'), from: c.req.query('from'), to: c.req.query('to') },
    nowMs,
    timezone,
  );
  if (!parsed.ok) return { ok: false, lang, message: parsed.message };
  const selection = parsed.selection;
  const keep: Record<string, string> = { lang, ...(parsed.explicit ? periodParams(selection) : {}) };
  return {
    ok: true,
    ctx: {
      lang,
      t: commonMessages(lang),
      selection,
      explicitPeriod: parsed.explicit,
      nowMs,
      path: c.req.path,
      query: c.req.query(),
      timezone,
      assets: deps.assets,
      liveSeconds: deps.liveIntervalSeconds ?? 30,
      csrfToken: c.get('csrfToken') ?? '',
      account: accountOf(c),
      href: (path, params = {}) => buildHref(path, { ...keep, ...params }),
    },
  };
}

function accountOf(c: Context): PageContext['account'] {
  const principal = c.get('principal');
  if (principal?.kind !== 'user' || principal.session.pending) return null;
  return { username: principal.user.username, role: principal.user.role };
}

export function buildHref(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
