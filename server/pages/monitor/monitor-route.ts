// `GET /monitors/:id`: reads the monitor's locations, checks and blips over the last 24 hours of the
// selected period (never past now), then renders them.
import type { Hono } from 'hono';
import type { PageModule } from '../page-module.ts';
import { resolvePeriod } from '../period-query.ts';
import { renderErrorPage, renderPage, withPageContext } from '../render-page.ts';
import { checksCharted, monitorPage } from './monitor-page.tsx';
import { loadMonitorView } from './monitor-view.ts';

const windowMs = 24 * 3_600_000;

export const monitorRoutes: PageModule = {
  name: 'monitor',
  register(app: Hono, deps) {
    app.get('/monitors/:id', (c) =>
      withPageContext(c, deps, async (ctx) => {
        const id = c.req.param('id');
        const service = deps.config().services.find((s) => s.monitors.some((m) => m.id === id));
        const monitor = service?.monitors.find((m) => m.id === id);
        if (!service || !monitor) return renderErrorPage(c, ctx.lang, 404, `no monitor "${id}"`);
        const period = resolvePeriod(ctx.selection, service.spec.timezone);
        const toMs = Math.max(period.fromMs + 1, Math.min(period.toMs, ctx.nowMs + 1));
        const fromMs = Math.max(period.fromMs, toMs - windowMs);
        const view = await loadMonitorView(deps.store, monitor, fromMs, toMs, ctx.nowMs, checksCharted);
        return renderPage(c, ctx, monitorPage(ctx, { service, monitor, view, fromMs, toMs }));
      }),
    );
  },
};
