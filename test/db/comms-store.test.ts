// The comms store (db/comms-store.ts) on both dialects: alerts, the delivery outbox, notes,
// change records, Alertmanager links and single-record reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from './test-stores.ts';
import type { AlertState } from '../../sla/alert-lifecycle.ts';

const T = Date.parse('2026-03-02T00:00:00Z');

const alert = (over: Partial<AlertState> = {}): AlertState => ({
  key: 'mttr_over_bound:mttr',
  serviceId: 'shop',
  name: 'mttr_over_bound',
  severity: 'ticket',
  claimId: 'mttr',
  summary: 'MTTR high',
  status: 'firing',
  firedAtMs: T,
  resolvedAtMs: null,
  sentAtMs: { ops: T },
  acknowledgedAtMs: null,
  acknowledgedBy: null,
  silencedUntilMs: null,
  ...over,
});

describe.each(testStores.map((f) => [f.title, f] as const))('%s comms store', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it('stores, updates and lists alerts newest first, filtered by service and status', async () => {
    const { comms } = db.store;
    const a = await comms.insertAlert(alert());
    const b = await comms.insertAlert(alert({ key: 'x:1', firedAtMs: T + 1000, serviceId: 'other' }));
    await comms.updateAlert({
      ...alert(),
      id: a,
      status: 'resolved',
      resolvedAtMs: T + 5000,
      sentAtMs: { ops: T, hook: T + 10 },
      acknowledgedAtMs: T + 1,
      acknowledgedBy: 'ann',
    });
    expect(await comms.getAlert(a)).toEqual({
      ...alert(),
      id: a,
      status: 'resolved',
      resolvedAtMs: T + 5000,
      sentAtMs: { ops: T, hook: T + 10 },
      acknowledgedAtMs: T + 1,
      acknowledgedBy: 'ann',
    });
    expect((await comms.listAlerts({})).map((x) => x.id)).toEqual([b, a]);
    expect(await comms.listAlerts({ serviceId: 'shop', status: 'firing' })).toEqual([]);
    expect((await comms.listAlerts({ status: 'firing' })).map((x) => x.id)).toEqual([b]);
    expect(await comms.getAlert('999')).toBeNull();
    await expect(comms.updateAlert({ ...alert(), id: '999' })).rejects.toThrow(/no alert has id 999/);
  });

  it('queues deliveries, hands out the due ones for a claim and keeps the log', async () => {
    const { comms } = db.store;
    const [d1, d2] = await comms.enqueueDeliveries([
      {
        channelId: 'ops',
        serviceId: 'shop',
        subject: 'alert:1',
        messageJson: '{"a":1}',
        createdMs: T,
        nextAttemptMs: T,
      },
      {
        channelId: 'hook',
        serviceId: 'shop',
        subject: 'alert:1',
        messageJson: '{"a":2}',
        createdMs: T,
        nextAttemptMs: T + 60_000,
      },
    ]);
    const claimMs = 300_000;
    const [claimed, ...more] = await comms.claimDueDeliveries(T, T + claimMs, 10);
    expect(more).toEqual([]);
    expect(claimed).toMatchObject({ id: d1, status: 'pending', nextAttemptMs: T + claimMs });
    // d1 is claimed until T + 5 min: at T + 1 min only d2 is due.
    expect((await comms.claimDueDeliveries(T + 60_000, T + 60_000 + claimMs, 10)).map((d) => d.id)).toEqual([d2]);
    await comms.updateDelivery({ ...claimed!, status: 'sent', attempts: 1, sentMs: T + 1 });
    // d2's claim ran out without an update (its sender died): it is due again, d1 (sent) is not.
    expect((await comms.claimDueDeliveries(T + 60_000 + claimMs, T + 2 * claimMs, 10)).map((d) => d.id)).toEqual([d2]);
    const log = await comms.listDeliveries({ subject: 'alert:1' });
    expect(log.map((d) => [d.id, d.status, d.attempts])).toEqual([
      [d2, 'pending', 0],
      [d1, 'sent', 1],
    ]);
  });

  it('gives each due delivery to one of several processes claiming at once', async () => {
    const others = [await db.openAnother(), await db.openAnother()];
    const rows = Array.from({ length: 60 }, (_, i) => ({
      channelId: 'ops',
      serviceId: 'shop',
      subject: `alert:${i}`,
      messageJson: '{}',
      createdMs: T,
      nextAttemptMs: T + i,
    }));
    const ids = await db.store.comms.enqueueDeliveries(rows);
    // Three stores on one database stand for three processes; each claims in small pages, all at once.
    const claimAll = async (store: typeof db.store) => {
      const mine: string[] = [];
      for (let page = 0; page < 10; page += 1)
        mine.push(...(await store.comms.claimDueDeliveries(T + 60, T + 300_000, 7)).map((d) => d.id));
      return mine;
    };
    const claimed = (await Promise.all([db.store, ...others].map(claimAll))).flat();
    // Every row claimed exactly once: sorted, the claims are the 60 ids.
    expect([...claimed].sort((a, b) => Number(a) - Number(b))).toEqual(ids);
  });

  it('keeps incident notes in time order, change records newest first, and links Alertmanager alerts', async () => {
    const store = db.store;
    const [incident] = await store.insertIncidents([
      {
        serviceId: 'shop',
        startedAtMs: T,
        detectedAtMs: T,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'alertmanager',
        title: 'x',
      },
    ]);
    const n2 = await store.comms.insertIncidentNote({
      incidentId: incident!,
      timeMs: T + 2,
      author: 'bob',
      text: 'fixed',
      publishedMs: null,
    });
    await store.comms.insertIncidentNote({
      incidentId: incident!,
      timeMs: T + 1,
      author: 'ann',
      text: 'looking',
      publishedMs: T + 1,
    });
    await store.comms.updateIncidentNote({
      id: n2,
      incidentId: incident!,
      timeMs: T + 2,
      author: 'bob',
      text: 'fixed it',
      publishedMs: T + 3,
    });
    expect((await store.comms.listIncidentNotes(incident!)).map((n) => [n.author, n.text, n.publishedMs])).toEqual([
      ['ann', 'looking', T + 1],
      ['bob', 'fixed it', T + 3],
    ]);
    await store.comms.recordChange({
      timeMs: T,
      actor: 'ann',
      entity: 'incident',
      entityId: incident!,
      action: 'create',
      detail: { title: 'x' },
    });
    await store.comms.recordChange({
      timeMs: T + 1,
      actor: 'bob',
      entity: 'incident',
      entityId: incident!,
      action: 'edit',
      detail: { title: ['x', 'y'] },
    });
    expect(
      (await store.comms.listChanges({ entity: 'incident', entityId: incident! })).map((c) => [
        c.actor,
        c.action,
        c.detail,
      ]),
    ).toEqual([
      ['bob', 'edit', { title: ['x', 'y'] }],
      ['ann', 'create', { title: 'x' }],
    ]);
    expect(await store.comms.findAlertmanagerIncident('fp', T)).toBeNull();
    await store.comms.linkAlertmanagerIncident('fp', T, incident!);
    expect(await store.comms.findAlertmanagerIncident('fp', T)).toBe(incident);
    expect(await store.comms.alertmanagerIncidentsOf('fp')).toEqual([incident]);
    await expect(store.comms.linkAlertmanagerIncident('fp', T, incident!)).rejects.toThrow();
    expect((await store.comms.getIncident(incident!))?.title).toBe('x');
  });

  it('reads and edits one maintenance window', async () => {
    const [id] = await db.store.insertMaintenance([
      { serviceId: 'shop', startMs: T, endMs: T + 3600_000, kind: 'downtime', announcedAtMs: null, title: 'db' },
    ]);
    await db.store.comms.updateMaintenance({
      id: id!,
      serviceId: 'shop',
      startMs: T,
      endMs: T + 3600_000,
      kind: 'downtime',
      announcedAtMs: T - 1000,
      title: 'db upgrade',
    });
    expect(await db.store.comms.getMaintenance(id!)).toEqual({
      id,
      serviceId: 'shop',
      startMs: T,
      endMs: T + 3600_000,
      kind: 'downtime',
      announcedAtMs: T - 1000,
      title: 'db upgrade',
    });
    expect(await db.store.comms.getMaintenance('abc')).toBeNull();
  });

  it('joins a transaction: a failed one leaves no alert behind', async () => {
    await expect(
      db.store.transaction(async (tx) => {
        await tx.comms.insertAlert(alert());
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.store.comms.listAlerts({})).toEqual([]);
  });
});
