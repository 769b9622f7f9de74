// The alert job over real stores with a fake clock: fire once, repeat per channel's repeat,
// resolve, and a fresh evaluation (as after a restart) reading only the store sends no duplicate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAlertEvaluation, type AlertJobInput } from '../../jobs/alert-job.ts';
import type { Message } from '../../jobs/notifiers/message.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';
import { claim, monitor, service } from '../oracle/build.ts';

const hourMs = 3_600_000;
const T = Date.parse('2026-06-01T03:00:00Z');

describe.each(testStores.map((f) => [f.title, f] as const))('%s alert job', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  const spec = service({
    id: 'shop',
    name: 'Shop',
    claims: [claim('notification_delay', 4 * hourMs)],
    monitors: [monitor('cert', { type: 'tls' })],
  });
  const input = (nowMs: number, certificates = new Map<string, number>()): AlertJobInput => ({
    store: db.store,
    services: [{ spec, notify: ['ops', 'hook'] }],
    channels: [
      { id: 'ops', type: 'slack', url: 'http://127.0.0.1:9/s', repeatMs: 4 * hourMs },
      { id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/h', secret: null, repeatMs: hourMs },
    ],
    settings: { budgetWindowMs: 30 * 24 * hourMs, tlsExpiryWithinMs: 14 * 24 * hourMs },
    nowMs,
    claimsOf: () => [],
    certificates,
  });
  const queued = async () =>
    (await db.store.comms.listDeliveries({ serviceId: 'shop', limit: 1000 })).reverse().map((d) => {
      const m = JSON.parse(d.messageJson) as Message;
      return `${d.channelId} ${m.name} ${m.status}${m.repeat ? ' repeat' : ''}`;
    });

  it('a notice 3.5 h late pages once, repeats per channel, and resolves once customers are notified', async () => {
    const [id] = await db.store.insertIncidents([
      {
        serviceId: 'shop',
        startedAtMs: T - 3.5 * hourMs,
        detectedAtMs: T - 3.5 * hourMs,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'probe',
        title: 'web down',
      },
    ]);
    expect((await runAlertEvaluation(input(T))).sent).toBe(2);
    expect(await queued()).toEqual(['ops notification_due firing', 'hook notification_due firing']);
    // A fresh evaluation a minute later (as after a restart): the stored state says both were sent.
    expect((await runAlertEvaluation(input(T + 60_000))).sent).toBe(0);
    // 30 min later the bound has passed: notification_due clears, notification_overdue fires.
    await runAlertEvaluation(input(T + 0.5 * hourMs + 1000));
    expect((await queued()).slice(2)).toEqual([
      'ops notification_overdue firing',
      'hook notification_overdue firing',
      'ops notification_due resolved',
      'hook notification_due resolved',
    ]);
    // The webhook repeats after its 1 h, Slack (4 h) does not.
    await runAlertEvaluation(input(T + 1.5 * hourMs + 1000));
    expect((await queued()).slice(6)).toEqual(['hook notification_overdue firing repeat']);
    const incident = (await db.store.comms.getIncident(id!))!;
    await db.store.updateIncident({ ...incident, id: id!, notifiedAtMs: T + 1.6 * hourMs });
    await runAlertEvaluation(input(T + 1.7 * hourMs));
    expect((await queued()).slice(7)).toEqual([
      'ops notification_overdue resolved',
      'hook notification_overdue resolved',
    ]);
    const history = await db.store.comms.listAlerts({ serviceId: 'shop' });
    expect(history.map((a) => `${a.name} ${a.status}`)).toEqual([
      'notification_overdue resolved',
      'notification_due resolved',
    ]);
  });

  it('a push monitor whose last recorded check is down is overdue; one up or never checked is not', async () => {
    const pushed = service({
      id: 'shop',
      name: 'Shop',
      monitors: ['backup', 'nightly', 'never'].map((id) => monitor(id, { type: 'push' })),
    });
    const check = (monitorId: string, status: 'up' | 'down') => ({
      monitorId,
      location: 'local',
      timeMs: T - 60_000,
      status,
      latencyMs: null,
      detail: null,
    });
    await ingestChecks(db.store, [pushed], [check('backup', 'down'), check('nightly', 'up')], T - 59_000);
    await runAlertEvaluation({ ...input(T), services: [{ spec: pushed, notify: [] }] });
    expect((await db.store.comms.listAlerts({ status: 'firing' })).map((a) => a.key)).toEqual(['push_overdue:backup']);
  });

  it('a certificate within 14 days of expiry is a ticket; a renewed one resolves it', async () => {
    await runAlertEvaluation(input(T, new Map([['cert', T + 10 * 24 * hourMs]])));
    const [alert] = await db.store.comms.listAlerts({ status: 'firing' });
    expect(alert).toMatchObject({ name: 'tls_expiring', severity: 'ticket', key: 'tls_expiring:cert' });
    // After a restart the certificate is unknown until the next probe: the alert neither resolves nor fires again.
    expect((await runAlertEvaluation(input(T + 30_000))).sent).toBe(0);
    expect(await db.store.comms.listAlerts({ status: 'firing' })).toHaveLength(1);
    await runAlertEvaluation(input(T + 60_000, new Map([['cert', T + 90 * 24 * hourMs]])));
    expect(await db.store.comms.listAlerts({ status: 'firing' })).toEqual([]);
  });
});
