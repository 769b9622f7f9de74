// Every transaction that writes a service's derived records or a person's change to its
// incidents and windows holds the service first (Store.lockServices), so two processes on one
// store serialize instead of overwriting what the other read. Here another process (a second
// store on the same database) holds the service for 300 ms, and each writer must wait for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../db/store.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { applyAlertmanagerAlerts } from '../../pipeline/alertmanager-incidents.ts';
import { syncServicesMaintenance } from '../../pipeline/service-maintenance.ts';
import {
  addIncidentNote,
  createManualIncident,
  editIncident,
  notifyCustomers,
  type ActionContext,
} from '../../jobs/communications.ts';
import { announceMaintenance, createMaintenance, editMaintenance } from '../../jobs/maintenance-actions.ts';
import { acknowledgeAlert, silenceAlert } from '../../jobs/alert-actions.ts';
import { runAlertEvaluation } from '../../jobs/alert-job.ts';
import { claim, monitor, service } from '../oracle/build.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const nowMs = Date.parse('2026-06-10T00:00:00Z');
// Customers are to be told within 30 min: the incident set up below (1 h old, not notified) fires an alert.
const spec = service({ id: 'svc', monitors: [monitor('api')], claims: [claim('notification_delay', 30 * 60_000)] });
/** Holds serviceId in a transaction of `holder` for holdMs; resolves once held, with when it let go. */
async function hold(holder: Store, serviceId: string, holdMs: number): Promise<{ released: Promise<number> }> {
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const released = holder.transaction(async (tx) => {
    await tx.lockServices([serviceId]);
    held();
    await sleep(holdMs);
    return performance.now();
  });
  await holding;
  return { released };
}

describe.each(testStores.map((f) => [f.title, f] as const))('service locks on %s', (_title, factory) => {
  let db: TestStore;
  let ctx: ActionContext;
  let incidentId: string;
  let windowId: string;
  let alertId: string;
  beforeEach(async (c) => {
    if (factory.skipReason) c.skip();
    db = await openTestStore(factory);
    ctx = { store: db.store, nowMs, actor: 'ann', serviceSpec: (id) => (id === 'svc' ? spec : undefined) };
    const incident = await createManualIncident(ctx, 'svc', {
      title: 'down',
      impact: 'outage',
      startedAtMs: nowMs - 3_600_000,
      detectedAtMs: null,
      resolvedAtMs: null,
      cause: null,
    });
    const window = await createMaintenance(ctx, spec, {
      startMs: nowMs + 86_400_000,
      endMs: nowMs + 90_000_000,
      kind: 'downtime',
      title: 'patch',
      announcedAtMs: null,
    });
    if (!incident.ok || !window.ok) throw new Error('setup failed');
    incidentId = incident.value.id;
    windowId = window.value.id;
    alertId = await db.store.comms.insertAlert({
      key: 'claim_at_risk:x',
      serviceId: 'svc',
      name: 'claim_at_risk',
      severity: 'ticket',
      claimId: null,
      summary: 'at risk',
      status: 'firing',
      firedAtMs: nowMs - 60_000,
      resolvedAtMs: null,
      sentAtMs: {},
      acknowledgedAtMs: null,
      acknowledgedBy: null,
      silencedUntilMs: null,
    });
  });
  afterEach(() => db?.cleanup());

  const channels = { spec, notifyCustomers: ['mail'] };
  const writers: [string, () => Promise<unknown>][] = [
    [
      'a live batch of checks',
      () =>
        ingestChecks(
          db.store,
          [spec],
          [{ monitorId: 'api', location: 'local', timeMs: nowMs - 1000, status: 'down', latencyMs: null }],
          nowMs,
        ),
    ],
    [
      'a new incident',
      () =>
        createManualIncident(ctx, 'svc', {
          title: 'slow',
          impact: 'partial',
          startedAtMs: nowMs - 60_000,
          detectedAtMs: null,
          resolvedAtMs: null,
          cause: null,
        }),
    ],
    ['an incident edit', () => editIncident(ctx, incidentId, { title: 'checkout down' })],
    ['a published note', () => addIncidentNote(ctx, incidentId, 'we are on it', true)],
    ['notify customers', () => notifyCustomers(ctx, channels, incidentId, null)],
    [
      'a new window',
      () =>
        createMaintenance(ctx, spec, {
          startMs: nowMs + 2 * 86_400_000,
          endMs: nowMs + 2 * 86_400_000 + 3_600_000,
          kind: 'downtime',
          title: 'more',
          announcedAtMs: null,
        }),
    ],
    ['a window edit', () => editMaintenance(ctx, spec, windowId, { title: 'patch db' })],
    ['an announcement', () => announceMaintenance(ctx, channels, windowId, null)],
    [
      'an Alertmanager alert',
      () =>
        applyAlertmanagerAlerts(
          db.store,
          [
            {
              status: 'firing',
              fingerprint: 'f1',
              serviceId: 'svc',
              startsAtMs: nowMs - 5000,
              endsAtMs: null,
              title: 'db',
              cause: null,
              impact: 'outage',
            },
          ],
          nowMs,
          ctx.serviceSpec,
        ),
    ],
    ['an acknowledgement', () => acknowledgeAlert(ctx, alertId)],
    ['a silence', () => silenceAlert(ctx, alertId, nowMs + 3_600_000)],
    [
      'the alert job firing an alert',
      async () => {
        const { sent } = await runAlertEvaluation({
          store: db.store,
          services: [{ spec, notify: ['hook'] }],
          channels: [{ id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/h', secret: null, repeatMs: 3_600_000 }],
          settings: { budgetWindowMs: 30 * 86_400_000, tlsExpiryWithinMs: 14 * 86_400_000 },
          nowMs,
          claimsOf: () => [],
          certificates: new Map(),
        });
        if (sent === 0) throw new Error('the alert job changed nothing: the case tests no write');
      },
    ],
    [
      'config windows synced',
      () =>
        syncServicesMaintenance(
          db.store,
          [
            {
              spec,
              maintenance: [
                {
                  serviceId: 'svc',
                  startMs: nowMs + 3 * 86_400_000,
                  endMs: nowMs + 3 * 86_400_000 + 60_000,
                  kind: 'downtime',
                  title: 'cfg',
                  announcedAtMs: null,
                },
              ],
            },
          ],
          nowMs,
        ),
    ],
  ];

  it.each(writers)('%s waits while another process holds the service', async (_name, write) => {
    const other = await db.openAnother();
    const { released } = await hold(other, 'svc', 300);
    await write();
    const doneAtMs = performance.now();
    expect(doneAtMs).toBeGreaterThanOrEqual(await released);
  });

  // SQLite's write transactions exclude each other whatever they touch; PostgreSQL's lock is per
  // service. The hold is long so that a writer on a loaded machine still ends inside it.
  if (factory.dialect === 'postgres') {
    it.each(writers)('%s does not wait for another service (PostgreSQL)', async (_name, write) => {
      const other = await db.openAnother();
      const { released } = await hold(other, 'another-service', 1500);
      await write();
      const doneAtMs = performance.now();
      expect(doneAtMs).toBeLessThan(await released);
    });
  }

  it('still holds a service asked for again after a savepoint that took it rolled back', async () => {
    const other = await db.openAnother();
    let releasedAtMs = 0;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = db.store.transaction(async (tx) => {
      // A nested transaction is a savepoint: the lock it takes goes when it rolls back.
      await tx
        .transaction(async (inner) => {
          await inner.lockServices(['svc']);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await tx.lockServices(['svc']);
      held();
      await sleep(300);
      releasedAtMs = performance.now();
    });
    await holding;
    await other.transaction((tx) => tx.lockServices(['svc']));
    const doneAtMs = performance.now();
    await holder;
    expect(doneAtMs).toBeGreaterThanOrEqual(releasedAtMs);
  });

  it('refuses a lock outside a transaction, where it would hold nothing', async () => {
    await expect(db.store.lockServices(['svc'])).rejects.toThrow(/tx argument/);
  });
});
