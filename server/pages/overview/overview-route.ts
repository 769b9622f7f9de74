// `GET /`: reads the overview's rows for the request's search, filter and period, then renders them.
import type { Hono } from 'hono';
import type { PageModule } from '../page-module.ts';
import { renderPage, withPageContext } from '../render-page.ts';
import { overviewPage } from './overview-page.tsx';
import { loadOverview, parseOverviewQuery } from './overview-rows.ts';

export const overviewRoutes: PageModule = {
  name: 'overview',
  register(app: Hono, deps) {
    app.get('/', (c) =>
      withPageContext(c, deps, async (ctx) => {
        const query = parseOverviewQuery(c.req.query());
        const data = await loadOverview(deps, ctx.selection, query, ctx.nowMs);
        return renderPage(c, ctx, overviewPage(ctx, query, data));
      }),
    );
  },
};
