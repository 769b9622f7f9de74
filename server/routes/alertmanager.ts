// POST /api/v1/alertmanager: the receiver of Alertmanager webhooks (version 4). Configure it in
// alertmanager.yml as a webhook_config with `http_config: { authorization: { credentials: TOKEN } }`
// (a Bearer token; the config's `alertmanager.token`, compared in constant time). An alert's
// `service` label names the slawatch service (else `alertmanager.service`); `impact: partial`
// makes a partial incident, anything else an outage.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import type { ServiceSpec } from '../../sla/model.ts';
import { applyAlertmanagerAlerts, type AlertmanagerAlert } from '../../pipeline/alertmanager-incidents.ts';
import { jsonBody } from './comms-deps.ts';
import { hasScope } from '../security/http/principal.ts';
import { bearerOf } from '../security/http/authenticate.ts';
import { sameSecret } from '../security/secrets.ts';

export interface AlertmanagerRoutesDeps {
  store: Store;
  /** Read per request: the receiver's token and default service, or null when not configured. */
  receiver: () => { token: string; serviceId: string | null } | null;
  serviceIds: () => readonly string[];
  /** The configured service of an id: an alert reaching into a closed month measures it again. */
  serviceSpec: (serviceId: string) => ServiceSpec | undefined;
  nowMs: () => number;
}

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an RFC 3339 time' });

const payloadSchema = z.object({
  version: z.literal('4', { message: 'only Alertmanager webhook version 4 is understood' }),
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(
    z.object({
      status: z.enum(['firing', 'resolved']),
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()).default({}),
      startsAt: isoTime,
      endsAt: z.string().optional(),
      fingerprint: z.string().min(1).max(200),
    }),
  ),
});

export function createAlertmanagerRoutes(deps: AlertmanagerRoutesDeps): Hono {
  const app = new Hono();
  app.post(
    '/',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new HTTPException(413, { message: 'the body is too large' });
      },
    }),
    async (c) => {
      const receiver = deps.receiver();
      if (!receiver)
        throw new HTTPException(404, { message: 'the Alertmanager receiver is not configured (alertmanager.token)' });
      // The config's token, or an API token with the alertmanager scope (SPEC §6).
      if (
        !hasScope(c.get('principal'), 'alertmanager') &&
        !sameSecret(bearerOf(c.req.header('authorization')) ?? '', receiver.token)
      ) {
        throw new HTTPException(401, { message: 'a valid Bearer token is required' });
      }
      const payload = await jsonBody(c, payloadSchema);
      const known = new Set(deps.serviceIds());
      const alerts: AlertmanagerAlert[] = [];
      const skipped: { fingerprint: string; reason: string }[] = [];
      for (const a of payload.alerts) {
        const serviceId = a.labels.service && known.has(a.labels.service) ? a.labels.service : receiver.serviceId;
        if (!serviceId) {
          skipped.push({
            fingerprint: a.fingerprint,
            reason:
              `no service: label service=${JSON.stringify(a.labels.service ?? null)} names none ` +
              'and alertmanager.service is not set',
          });
          continue;
        }
        const endsAtMs =
          a.endsAt && a.status === 'resolved' && !Number.isNaN(Date.parse(a.endsAt)) ? Date.parse(a.endsAt) : null;
        alerts.push({
          status: a.status,
          fingerprint: a.fingerprint,
          serviceId,
          startsAtMs: Date.parse(a.startsAt),
          endsAtMs,
          title: a.annotations.summary ?? a.labels.alertname ?? 'Alertmanager alert',
          cause: a.annotations.description ?? null,
          impact: a.labels.impact === 'partial' ? 'partial' : 'outage',
        });
      }
      const outcomes = await applyAlertmanagerAlerts(deps.store, alerts, deps.nowMs(), deps.serviceSpec);
      return c.json({ ok: true, incidents: outcomes, skipped });
    },
  );
  return app;
}
