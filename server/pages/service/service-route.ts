// `GET /services/:id`: reads the service's report, chart series, records and claims for the
// selected period (cut in the service's timezone), then renders them.
import type { Hono } from 'hono';
import { claimViews } from '../claim-views.ts';
import type { PageModule } from '../page-module.ts';
import { resolvePeriod } from '../period-query.ts';
import { renderErrorPage, renderPage, withPageContext } from '../render-page.ts';
import { servicePage } from './service-page.tsx';
import { loadServiceRecords } from './service-records.ts';
import { computeServiceSeries } from './service-series.ts';

export const serviceRoutes: PageModule = {
  name: 'service',
  register(app: Hono, deps) {
    app.get('/services/:id', (c) =>
      withPageContext(c, deps, async (ctx) => {
        const id = c.req.param('id');
        const service = deps.config().services.find((s) => s.spec.id === id);
        if (!service) return renderErrorPage(c, ctx.lang, 404, `no service "${id}"`);
        const { fromMs, toMs } = resolvePeriod(ctx.selection, service.spec.timezone);
        const [{ series, whole }, records, claims] = await Promise.all([
          computeServiceSeries(deps.reports, service.spec, fromMs, toMs, ctx.nowMs),
          loadServiceRecords(deps.store, service.spec, fromMs, toMs, ctx.nowMs),
          claimViews(deps.reports, service.spec, ctx.selection, ctx.nowMs),
        ]);
        const data = { service, report: whole, claims, series, records, fromMs, toMs };
        return renderPage(c, ctx, servicePage(ctx, data));
      }),
    );
  },
};
