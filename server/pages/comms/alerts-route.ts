// `/alerts`: reads the firing alerts, the recent history and the delivery log, then renders them;
// acknowledge and silence post here and come back with any error in the query.
import type { Hono } from 'hono';
import { acknowledgeAlert, silenceAlert } from '../../../jobs/alert-actions.ts';
import type { PageModule } from '../page-module.ts';
import { alertsPage, silenceChoices } from './alerts-page.tsx';
import { pageAction, withPage } from './comms-page-context.ts';
import { field } from './form-values.ts';

const backToAlerts = (result: { ok: true } | { ok: false; message: string }) =>
  result.ok ? '/alerts' : `/alerts?error=${encodeURIComponent(result.message)}`;

export const alertsRoutes: PageModule = {
  name: 'alerts',
  register(app: Hono, deps) {
    app.get('/alerts', (c) =>
      withPage(c, deps, { live: true }, async (ctx) => {
        const [firing, recent, deliveries] = await Promise.all([
          deps.store.comms.listAlerts({ status: 'firing', limit: 500 }),
          deps.store.comms.listAlerts({ limit: 50 }),
          deps.store.comms.listDeliveries({ limit: 50 }),
        ]);
        return alertsPage(ctx, { firing, recent, deliveries, error: c.req.query('error') ?? null });
      }),
    );
    app.post('/alerts/:id/acknowledge', async (c) => {
      const result = await acknowledgeAlert(pageAction(c, deps), c.req.param('id'));
      return c.redirect(backToAlerts(result), 303);
    });
    app.post('/alerts/:id/silence', async (c) => {
      const form = await c.req.parseBody();
      const choice = silenceChoices.find(([label]) => label === field(form, 'for'));
      const ctx = pageAction(c, deps);
      const result = choice
        ? await silenceAlert(ctx, c.req.param('id'), ctx.nowMs + choice[1])
        : { ok: false as const, message: `choose one of ${silenceChoices.map(([l]) => l).join(', ')}` };
      return c.redirect(backToAlerts(result), 303);
    });
  },
};
