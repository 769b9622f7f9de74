// The alerting and incident API over real stores (both dialects) with app.request(): the Alertmanager
// receiver, incidents with notes and "notify customers", maintenance with "announce", alerts
// acknowledged and silenced, and the change record of each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testApp } from '../app/test-app.ts';
import type { CommsService } from '../../../server/routes/comms-deps.ts';
import { runDueDeliveries } from '../../../jobs/notifiers/delivery.ts';
import { sendOutgoing } from '../../../jobs/notifiers/transports.ts';
import type { NotificationConfig } from '../../../jobs/notifiers/channel-settings.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { startHttpReceiver, type HttpReceiver } from '../../jobs/notifiers/receivers.ts';
import { service } from '../../oracle/build.ts';

const token = 'am-token-0123456789abcdef';
const nowMs = Date.parse('2026-06-01T03:00:00Z');

function amPayload(
  status: 'firing' | 'resolved',
  alerts: {
    fingerprint: string;
    status: 'firing' | 'resolved';
    labels?: Record<string, string>;
    startsAt?: string;
    endsAt?: string;
  }[],
) {
  return {
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status,
    receiver: 'slawatch',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://127.0.0.1:9093',
    alerts: alerts.map((a) => ({
      status: a.status,
      labels: { alertname: 'HighErrorRate', service: 'shop', ...a.labels },
      annotations: { summary: 'Error rate above 5 %', description: 'upstream 5xx' },
      startsAt: a.startsAt ?? '2026-06-01T02:00:00Z',
      endsAt: a.endsAt ?? '0001-01-01T00:00:00Z',
      generatorURL: 'http://127.0.0.1:9090/graph',
      fingerprint: a.fingerprint,
    })),
  };
}

describe.each(testStores.map((f) => [f.title, f] as const))(
  '%s incident, maintenance and alert API',
  (_title, factory) => {
    let db: TestStore;
    let hook: HttpReceiver;
    let app: Hono;
    let channels: NotificationConfig[];
    const services: CommsService[] = [
      { spec: service({ id: 'shop', name: 'Shop' }), notifyCustomers: ['customers'], statusPage: true },
      { spec: service({ id: 'quiet', name: 'Quiet' }), notifyCustomers: [], statusPage: false },
    ];
    beforeEach(async (ctx) => {
      if (factory.skipReason) ctx.skip();
      db = await openTestStore(factory);
      hook = await startHttpReceiver();
      channels = [
        { id: 'customers', type: 'webhook', url: `${hook.url}/customers`, secret: null, repeatMs: 3_600_000 },
      ];
      ({ app } = testApp({
        nowMs: () => nowMs,
        reportError: (r) => {
          throw r.error;
        },
        comms: {
          store: db.store,
          services: () => services,
          nowMs: () => nowMs,
          alertmanager: () => ({ token, serviceId: null }),
        },
      }));
    });
    afterEach(async () => {
      await hook?.close();
      await db?.cleanup();
    });

    const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-slawatch-actor': 'ann', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const am = (body: unknown, auth = `Bearer ${token}`) =>
      send('POST', '/api/v1/alertmanager', body, { authorization: auth });
    const deliver = () =>
      runDueDeliveries({ store: db.store, channels: () => channels, send: (o) => sendOutgoing(o), nowMs: () => nowMs });

    it('the Alertmanager receiver needs its token', async () => {
      expect((await am(amPayload('firing', []), 'Bearer wrong-token-0000000000')).status).toBe(401);
      expect((await am(amPayload('firing', []), '')).status).toBe(401);
    });

    it('turns firing alerts into alertmanager incidents once per fingerprint and startsAt; resolves them', async () => {
      const first = await am(amPayload('firing', [{ fingerprint: 'a1', status: 'firing' }]));
      expect(first.status).toBe(200);
      const { incidents } = (await first.json()) as { incidents: { incidentId: string; action: string }[] };
      expect(incidents).toEqual([{ fingerprint: 'a1', incidentId: expect.any(String), action: 'opened' }]);
      // Alertmanager re-sends the group every repeat_interval: no second incident.
      expect(
        (
          (await (await am(amPayload('firing', [{ fingerprint: 'a1', status: 'firing' }]))).json()) as {
            incidents: { action: string }[];
          }
        ).incidents[0]!.action,
      ).toBe('unchanged');
      const stored = await db.store.listIncidents('shop', 0, nowMs + 1);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        source: 'alertmanager',
        impact: 'outage',
        title: 'Error rate above 5 %',
        cause: 'upstream 5xx',
        startedAtMs: Date.parse('2026-06-01T02:00:00Z'),
        resolvedAtMs: null,
      });
      await am(amPayload('resolved', [{ fingerprint: 'a1', status: 'resolved', endsAt: '2026-06-01T02:30:00Z' }]));
      expect((await db.store.listIncidents('shop', 0, nowMs + 1))[0]!.resolvedAtMs).toBe(
        Date.parse('2026-06-01T02:30:00Z'),
      );
      // The same fingerprint firing again later is a new incident.
      await am(amPayload('firing', [{ fingerprint: 'a1', status: 'firing', startsAt: '2026-06-01T02:50:00Z' }]));
      expect(await db.store.listIncidents('shop', 0, nowMs + 1)).toHaveLength(2);
      const changes = await db.store.comms.listChanges({ entity: 'incident' });
      expect(changes.map((c) => [c.actor, c.action])).toEqual([
        ['alertmanager', 'create'],
        ['alertmanager', 'resolve'],
        ['alertmanager', 'create'],
      ]);
    });

    it('refuses a payload that is not version 4 and skips alerts of no known service', async () => {
      const bad = await am({ ...amPayload('firing', []), version: '3' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^version: only Alertmanager webhook version 4/);
      const skipped = (await (
        await am(amPayload('firing', [{ fingerprint: 'z', status: 'firing', labels: { service: 'nope' } }]))
      ).json()) as { skipped: { reason: string }[] };
      expect(skipped.skipped[0]!.reason).toMatch(/no service/);
    });

    it('creates and edits a manual incident, recording who changed what', async () => {
      const created = await send('POST', '/api/v1/incidents', {
        service: 'shop',
        title: 'Checkout down',
        started_at: '2026-06-01T11:00:00+09:00',
      });
      expect(created.status).toBe(201);
      const { incident } = (await created.json()) as { incident: { id: string; source: string; startedAt: string } };
      expect(incident).toMatchObject({ source: 'manual', startedAt: '2026-06-01T02:00:00.000Z' });
      const edited = await send(
        'PATCH',
        `/api/v1/incidents/${incident.id}`,
        { cause: 'disk full', resolved_at: '2026-06-01T02:42:00Z' },
        { 'x-slawatch-actor': 'bob' },
      );
      expect(edited.status).toBe(200);
      const history = (await (await send('GET', `/api/v1/incidents/${incident.id}/history`)).json()) as {
        changes: { actor: string; action: string; detail: unknown }[];
      };
      expect(history.changes.map((c) => [c.actor, c.action])).toEqual([
        ['bob', 'edit'],
        ['ann', 'create'],
      ]);
      expect(history.changes[0]!.detail).toEqual({
        resolvedAtMs: [null, Date.parse('2026-06-01T02:42:00Z')],
        cause: [null, 'disk full'],
      });
      const backwards = await send('PATCH', `/api/v1/incidents/${incident.id}`, {
        resolved_at: '2026-06-01T01:00:00Z',
      });
      expect(backwards.status).toBe(400);
      expect(
        (await send('POST', '/api/v1/incidents', { service: 'shop', title: 'x', started_at: 'yesterday' })).status,
      ).toBe(400);
      expect(
        (await send('POST', '/api/v1/incidents', { service: 'nope', title: 'x', started_at: '2026-06-01T00:00:00Z' }))
          .status,
      ).toBe(404);
    });

    it("keeps a probe incident's times as its checks made them", async () => {
      const [id] = await db.store.insertIncidents([
        {
          serviceId: 'shop',
          startedAtMs: nowMs - 60_000,
          detectedAtMs: nowMs - 60_000,
          notifiedAtMs: null,
          resolvedAtMs: null,
          impact: 'outage',
          source: 'probe',
          title: 'web down',
        },
      ]);
      expect((await send('PATCH', `/api/v1/incidents/${id}`, { started_at: '2026-06-01T00:00:00Z' })).status).toBe(409);
      expect((await send('PATCH', `/api/v1/incidents/${id}`, { title: 'Database failover' })).status).toBe(200);
    });

    it('"notify customers" sends to the customer channels and records notified_at once', async () => {
      const { incident } = (await (
        await send('POST', '/api/v1/incidents', {
          service: 'shop',
          title: 'Checkout down',
          started_at: '2026-06-01T02:00:00Z',
          detected_at: '2026-06-01T02:05:00Z',
        })
      ).json()) as { incident: { id: string } };
      const notified = await send('POST', `/api/v1/incidents/${incident.id}/notify`, { message: 'We are on it.' });
      expect(await notified.json()).toEqual({ ok: true, notifiedAt: new Date(nowMs).toISOString(), queued: 1 });
      await deliver();
      expect(hook.received).toHaveLength(1);
      expect(JSON.parse(hook.received[0]!.body)).toMatchObject({
        kind: 'incident',
        serviceId: 'shop',
        status: 'firing',
        details: 'We are on it.',
        summary: 'Checkout down (outage, ongoing)',
      });
      expect((await db.store.comms.getIncident(incident.id))!.notifiedAtMs).toBe(nowMs);
      const quiet = (await (
        await send('POST', '/api/v1/incidents', { service: 'quiet', title: 'q', started_at: '2026-06-01T02:00:00Z' })
      ).json()) as { incident: { id: string } };
      expect((await send('POST', `/api/v1/incidents/${quiet.incident.id}/notify`, {})).status).toBe(409);
    });

    it('a published timeline note counts as notifying customers', async () => {
      const { incident } = (await (
        await send('POST', '/api/v1/incidents', {
          service: 'shop',
          title: 'Slow',
          impact: 'partial',
          started_at: '2026-06-01T02:00:00Z',
        })
      ).json()) as { incident: { id: string } };
      const internal = (await (
        await send('POST', `/api/v1/incidents/${incident.id}/notes`, { text: 'looking at the db' })
      ).json()) as { notifiedAt: string | null };
      expect(internal.notifiedAt).toBeNull();
      const published = (await (
        await send('POST', `/api/v1/incidents/${incident.id}/notes`, {
          text: 'We are investigating slow pages.',
          publish: true,
        })
      ).json()) as { notifiedAt: string | null };
      expect(published.notifiedAt).toBe(new Date(nowMs).toISOString());
      const history = (await (await send('GET', `/api/v1/incidents/${incident.id}/history`)).json()) as {
        notes: { publishedAt: string | null }[];
        changes: { action: string }[];
      };
      expect(history.notes.map((n) => n.publishedAt)).toEqual([null, new Date(nowMs).toISOString()]);
      // Newest first (same instant: last written first).
      expect(history.changes.map((c) => c.action)).toEqual(['notified', 'publish_note', 'note', 'create']);
    });

    it('creates maintenance and "announce" sends it and records announced_at', async () => {
      const created = await send('POST', '/api/v1/maintenance', {
        service: 'shop',
        start: '2026-06-10T01:00:00Z',
        end: '2026-06-10T03:00:00Z',
        kind: 'downtime',
        title: 'Database upgrade',
      });
      expect(created.status).toBe(201);
      const { maintenance } = (await created.json()) as { maintenance: { id: string; announcedAt: string | null } };
      expect(maintenance.announcedAt).toBeNull();
      const announced = await send('POST', `/api/v1/maintenance/${maintenance.id}/announce`, {});
      expect(await announced.json()).toEqual({ ok: true, announcedAt: new Date(nowMs).toISOString(), queued: 1 });
      await deliver();
      expect(JSON.parse(hook.received[0]!.body)).toMatchObject({
        kind: 'maintenance',
        name: 'maintenance',
        startsAt: '2026-06-10T01:00:00.000Z',
        endsAt: '2026-06-10T03:00:00.000Z',
      });
      expect((await db.store.comms.getMaintenance(maintenance.id))!.announcedAtMs).toBe(nowMs);
      expect(
        (await send('PATCH', `/api/v1/maintenance/${maintenance.id}`, { end: '2026-06-10T00:00:00Z' })).status,
      ).toBe(400);
      expect((await send('PATCH', `/api/v1/maintenance/${maintenance.id}`, { title: 'DB upgrade' })).status).toBe(200);
      const history = (await (await send('GET', `/api/v1/maintenance/${maintenance.id}/history`)).json()) as {
        changes: { action: string }[];
        deliveries: { status: string }[];
      };
      expect(history.changes.map((c) => c.action)).toEqual(['edit', 'announce', 'create']);
      expect(history.deliveries.map((d) => d.status)).toEqual(['sent']);
    });

    it('acknowledges and silences a firing alert, and lists the history', async () => {
      const id = await db.store.comms.insertAlert({
        key: 'mttr_over_bound:mttr',
        serviceId: 'shop',
        name: 'mttr_over_bound',
        severity: 'ticket',
        claimId: 'mttr',
        summary: 'MTTR high',
        status: 'firing',
        firedAtMs: nowMs - 1000,
        resolvedAtMs: null,
        sentAtMs: { ops: nowMs - 1000 },
        acknowledgedAtMs: null,
        acknowledgedBy: null,
        silencedUntilMs: null,
      });
      expect(await (await send('POST', `/api/v1/alerts/${id}/acknowledge`)).json()).toEqual({
        ok: true,
        acknowledgedAt: new Date(nowMs).toISOString(),
      });
      expect(await (await send('POST', `/api/v1/alerts/${id}/silence`, { for: '2h' })).json()).toEqual({
        ok: true,
        silencedUntil: new Date(nowMs + 7_200_000).toISOString(),
      });
      expect((await send('POST', `/api/v1/alerts/${id}/silence`, { for: 'soon' })).status).toBe(400);
      expect((await send('POST', '/api/v1/alerts/999/acknowledge')).status).toBe(404);
      const list = (await (await send('GET', '/api/v1/alerts?service=shop&status=firing')).json()) as {
        alerts: { acknowledgedBy: string; silencedUntil: string }[];
      };
      expect(list.alerts).toHaveLength(1);
      expect(list.alerts[0]).toMatchObject({
        acknowledgedBy: 'ann',
        silencedUntil: new Date(nowMs + 7_200_000).toISOString(),
      });
      const history = (await (await send('GET', `/api/v1/alerts/${id}/history`)).json()) as {
        changes: { action: string; actor: string }[];
      };
      expect(history.changes.map((c) => `${c.actor} ${c.action}`)).toEqual(['ann silence', 'ann acknowledge']);
    });
  },
);
