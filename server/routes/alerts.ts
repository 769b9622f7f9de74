// Drift alerts (SPEC §4): the list and history, acknowledge (stops repeats), silence (sends
// nothing until a time), each recorded with who and when; and the delivery log.
import { Hono } from 'hono';
import { z } from 'zod';
import { alertStatuses, type AlertState } from '../../sla/alert-lifecycle.ts';
import { acknowledgeAlert, silenceAlert } from '../../jobs/alert-actions.ts';
import { parseDurationMs } from '../config/durations.ts';
import { actionContext, instant, iso, jsonBody, unwrap, type CommsDeps } from './comms-deps.ts';
import { changeJson, deliveryJson } from './incidents.ts';

export function alertJson(a: AlertState & { id: string }) {
  return {
    id: a.id,
    key: a.key,
    service: a.serviceId,
    name: a.name,
    severity: a.severity,
    status: a.status,
    claim: a.claimId,
    summary: a.summary,
    firedAt: iso(a.firedAtMs),
    resolvedAt: iso(a.resolvedAtMs),
    acknowledgedAt: iso(a.acknowledgedAtMs),
    acknowledgedBy: a.acknowledgedBy,
    silencedUntil: iso(a.silencedUntilMs),
    lastSent: Object.fromEntries(Object.entries(a.sentAtMs).map(([k, v]) => [k, iso(v)])),
  };
}

const silenceSchema = z.union([
  z.strictObject({ until: instant() }),
  z.strictObject({
    for: z.string().transform((s, ctx) => {
      const ms = parseDurationMs(s);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `invalid duration ${JSON.stringify(s)} (use 30m, 4h, 2d)` });
        return z.NEVER;
      }
      return ms;
    }),
  }),
]);

function silenceUntilMs(body: z.output<typeof silenceSchema>, nowMs: number): number {
  return 'until' in body ? body.until : nowMs + body.for;
}

export function createAlertRoutes(deps: CommsDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const status = c.req.query('status');
    const parsed = z.enum(alertStatuses).optional().safeParse(status);
    const alerts = await deps.store.comms.listAlerts({
      serviceId: c.req.query('service') || undefined,
      status: parsed.success ? parsed.data : undefined,
      limit: Number(c.req.query('limit') ?? 100) || 100,
    });
    return c.json({ alerts: alerts.map(alertJson) });
  });
  app.post('/:id/acknowledge', async (c) => {
    const result = unwrap(await acknowledgeAlert(actionContext(c, deps), c.req.param('id')));
    return c.json({ ok: true, acknowledgedAt: iso(result.acknowledgedAtMs) });
  });
  app.post('/:id/silence', async (c) => {
    const body = await jsonBody(c, silenceSchema);
    const ctx = actionContext(c, deps);
    const result = unwrap(await silenceAlert(ctx, c.req.param('id'), silenceUntilMs(body, ctx.nowMs)));
    return c.json({ ok: true, silencedUntil: iso(result.silencedUntilMs) });
  });
  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    const [changes, deliveries] = await Promise.all([
      deps.store.comms.listChanges({ entity: 'alert', entityId: id }),
      deps.store.comms.listDeliveries({ subject: `alert:${id}` }),
    ]);
    return c.json({ changes: changes.map(changeJson), deliveries: deliveries.map(deliveryJson) });
  });
  return app;
}

export function createDeliveryRoutes(deps: CommsDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const deliveries = await deps.store.comms.listDeliveries({
      serviceId: c.req.query('service') || undefined,
      limit: Number(c.req.query('limit') ?? 100) || 100,
    });
    return c.json({ deliveries: deliveries.map(deliveryJson) });
  });
  return app;
}
