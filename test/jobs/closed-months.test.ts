// People's changes to incidents and maintenance windows of closed months ("frozen
// months") through the action functions, on every store: refused without a reason (nothing
// written), and with one the month is measured again and the change recorded. A notice sent now
// (notify customers, a published note, an announcement) and an alert Alertmanager reports late
// need no reason, but measure the month again all the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freezeClosedMonths, frozenMonthsTouched } from '../../pipeline/frozen-months.ts';
import { loadReportInput } from '../../pipeline/report-from-store.ts';
import type { Store } from '../../db/store.ts';
import {
  addIncidentNote,
  createManualIncident,
  editIncident,
  notifyCustomers,
  type ActionContext,
  type IncidentFields,
} from '../../jobs/communications.ts';
import { announceMaintenance, createMaintenance, editMaintenance } from '../../jobs/maintenance-actions.ts';
import { applyAlertmanagerAlerts, type AlertmanagerAlert } from '../../pipeline/alertmanager-incidents.ts';
import { computeMonthSnapshot, figuresFromMonths, type MonthSnapshot } from '../../sla/month-snapshot.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';
import { service } from '../oracle/build.ts';

const utc = (t: string) => Date.parse(`${t}Z`);
const nowMs = utc('2026-06-10T00:00:00');
const spec = service({ id: 'shop', timezone: 'UTC', historyFromMs: utc('2026-01-01T00:00:00') });
const march = utc('2026-03-01T00:00:00');
const outage = (startedAt: string, resolvedAt: string | null): IncidentFields => ({
  title: 'Checkout down',
  impact: 'outage',
  startedAtMs: utc(startedAt),
  detectedAtMs: null,
  resolvedAtMs: resolvedAt === null ? null : utc(resolvedAt),
  cause: null,
});

async function storedMonth(store: Store, monthStartMs: number) {
  return (await store.listFrozenMonths('shop', monthStartMs, monthStartMs + 1))[0]!;
}

async function freshMonth(store: Store, monthStartMs: number, monthEndMs: number): Promise<MonthSnapshot> {
  return computeMonthSnapshot(
    await loadReportInput(store, { service: spec, fromMs: monthStartMs, toMs: monthEndMs, nowMs }),
  );
}

const figuresOf = (s: MonthSnapshot) => figuresFromMonths(spec, [s], s.asOfMs);

describe.each(testStores.map((f) => [f.title, f] as const))('changes to closed months on %s', (_title, factory) => {
  let db: TestStore;
  let ctx: ActionContext;
  beforeEach(async (c) => {
    if (factory.skipReason) c.skip();
    db = await openTestStore(factory);
    ctx = { store: db.store, nowMs, actor: 'ann', serviceSpec: (id) => (id === 'shop' ? spec : undefined) };
  });
  afterEach(async () => db?.cleanup());

  /** Freezes January to May 2026 (and 2025) a day before the changes. */
  const freeze = () => freezeClosedMonths(db.store, spec, nowMs - 86_400_000);

  it("counts a change over [from, to): a span ending at a month's first instant does not touch it", async () => {
    await freeze();
    const months = async (fromIso: string, toIso: string) =>
      (await frozenMonthsTouched(db.store, { serviceId: 'shop', fromMs: utc(fromIso), toMs: utc(toIso) })).map(
        (m) => m.monthStartMs,
      );
    expect(await months('2026-02-28T23:00:00', '2026-03-01T00:00:00')).toEqual([utc('2026-02-01T00:00:00')]);
    expect(await months('2026-02-28T23:00:00', '2026-03-01T00:00:01')).toEqual([
      utc('2026-02-01T00:00:00'),
      utc('2026-03-01T00:00:00'),
    ]);
    // An empty span is its instant.
    expect(await months('2026-03-01T00:00:00', '2026-03-01T00:00:00')).toEqual([utc('2026-03-01T00:00:00')]);
  });

  it('refuses a new incident in a closed month without a reason, and writes nothing', async () => {
    await freeze();
    const before = await storedMonth(db.store, march);
    const result = await createManualIncident(ctx, 'shop', outage('2026-03-02T10:00:00', '2026-03-02T10:30:00'));
    expect(result).toEqual({
      ok: false,
      status: 409,
      message: expect.stringContaining("shop's closed months (2026-03)"),
    });
    expect(!result.ok && result.message).toMatch(/give a reason/);
    // A blank reason is no reason.
    expect(
      (await createManualIncident(ctx, 'shop', outage('2026-03-02T10:00:00', '2026-03-02T10:30:00'), '   ')).ok,
    ).toBe(false);
    expect(await db.store.listIncidents('shop', 0, 8.64e15)).toEqual([]);
    expect(await storedMonth(db.store, march)).toEqual(before);
    expect(await db.store.listMonthChanges('shop', 0, 8.64e15)).toEqual([]);
    expect(await db.store.comms.listChanges({ entity: 'incident' })).toEqual([]);
  });

  it('with a reason, measures the closed month again and records who, what and why', async () => {
    await freeze();
    const result = await createManualIncident(
      ctx,
      'shop',
      outage('2026-03-02T10:00:00', '2026-03-02T10:30:00'),
      'found in the postmortem',
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : '';
    const stored = await storedMonth(db.store, march);
    const snapshot = JSON.parse(stored.snapshotJson) as MonthSnapshot;
    expect(snapshot).toEqual(await freshMonth(db.store, march, utc('2026-04-01T00:00:00')));
    expect(stored.frozenAtMs).toBe(nowMs);
    // March has 31 days = 2,678,400 s; a 30-minute outage is 1,800 s down: 1 − 1800 / 2678400 = 99.9328 %.
    expect(figuresOf(snapshot).downtimeSeconds).toBe(1800);
    expect(figuresOf(snapshot).availability).toBeCloseTo(1 - 1800 / 2_678_400, 9);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      monthStartMs: march,
      changedAtMs: nowMs,
      actor: 'ann',
      reason: 'found in the postmortem',
      change: expect.stringContaining(`incident ${id} created`),
    });
    expect(JSON.parse(changes[0]!.beforeJson!)).toMatchObject({ downtimeSeconds: 0, incidentCount: 0 });
    expect(JSON.parse(changes[0]!.afterJson)).toMatchObject({ downtimeSeconds: 1800, incidentCount: 1 });
    // The change record carries the reason too; April, untouched, keeps its first snapshot.
    expect((await db.store.comms.listChanges({ entity: 'incident', entityId: id }))[0]!.detail).toMatchObject({
      reason: 'found in the postmortem',
    });
    expect((await storedMonth(db.store, utc('2026-04-01T00:00:00'))).frozenAtMs).toBe(nowMs - 86_400_000);
  });

  it("an edit of an incident's times in a closed month needs a reason; its words do not", async () => {
    const [id] = await db.store.insertIncidents([
      {
        serviceId: 'shop',
        ...outage('2026-03-02T10:00:00', '2026-03-02T10:05:00'),
        notifiedAtMs: null,
        source: 'manual',
      },
    ]);
    await freeze();
    const before = await storedMonth(db.store, march);
    // 5 minutes down when frozen.
    expect(figuresOf(JSON.parse(before.snapshotJson)).downtimeSeconds).toBe(300);
    const refused = await editIncident(ctx, id!, { resolvedAtMs: utc('2026-03-02T10:45:00') });
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect((await db.store.comms.getIncident(id!))!.resolvedAtMs).toBe(utc('2026-03-02T10:05:00'));
    expect(await storedMonth(db.store, march)).toEqual(before);
    expect(await db.store.listMonthChanges('shop', 0, 8.64e15)).toEqual([]);

    expect((await editIncident(ctx, id!, { title: 'Payment provider down', cause: 'expired certificate' })).ok).toBe(
      true,
    );
    expect(await db.store.listMonthChanges('shop', 0, 8.64e15)).toEqual([]);

    expect(
      (
        await editIncident(
          { ...ctx, actor: 'bob' },
          id!,
          { resolvedAtMs: utc('2026-03-02T10:45:00') },
          'the fix was verified at 10:45',
        )
      ).ok,
    ).toBe(true);
    const snapshot = JSON.parse((await storedMonth(db.store, march)).snapshotJson) as MonthSnapshot;
    expect(snapshot).toEqual(await freshMonth(db.store, march, utc('2026-04-01T00:00:00')));
    // 10:00 → 10:45 is 45 min = 2,700 s.
    expect(figuresOf(snapshot).downtimeSeconds).toBe(2700);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actor: 'bob',
      reason: 'the fix was verified at 10:45',
      change: `incident ${id}: resolved_at 2026-03-02T10:05:00.000Z → 2026-03-02T10:45:00.000Z`,
    });
    expect(JSON.parse(changes[0]!.beforeJson!).downtimeSeconds).toBe(300);
    expect(JSON.parse(changes[0]!.afterJson).downtimeSeconds).toBe(2700);
  });

  it('an open incident runs up to now: started in a closed month, it touches that month', async () => {
    await freeze();
    const refused = await createManualIncident(ctx, 'shop', outage('2026-05-31T23:00:00', null));
    expect(refused).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('(2026-05)') });
  });

  it('a change outside the closed months needs no reason', async () => {
    await freeze();
    // June is still running, so not frozen.
    const created = await createManualIncident(ctx, 'shop', outage('2026-06-02T10:00:00', '2026-06-02T10:30:00'));
    expect(created.ok).toBe(true);
    expect(
      (await editIncident(ctx, created.ok ? created.value.id : '', { resolvedAtMs: utc('2026-06-02T11:00:00') })).ok,
    ).toBe(true);
    expect(
      (
        await createMaintenance(ctx, spec, {
          startMs: utc('2026-06-20T00:00:00'),
          endMs: utc('2026-06-20T02:00:00'),
          kind: 'downtime',
          title: 'Upgrade',
          announcedAtMs: null,
        })
      ).ok,
    ).toBe(true);
    // A window starting at June's first instant does not touch May.
    expect(
      (
        await createMaintenance(ctx, spec, {
          startMs: utc('2026-06-01T00:00:00'),
          endMs: utc('2026-06-01T01:00:00'),
          kind: 'downtime',
          title: 'At the month start',
          announcedAtMs: null,
        })
      ).ok,
    ).toBe(true);
    expect(await db.store.listMonthChanges('shop', 0, 8.64e15)).toEqual([]);
  });

  it('a maintenance window moved from January to March measures both months again, and not February', async () => {
    const jan = utc('2026-01-01T00:00:00');
    const feb = utc('2026-02-01T00:00:00');
    const [id] = await db.store.insertMaintenance([
      {
        serviceId: 'shop',
        startMs: utc('2026-01-15T00:00:00'),
        endMs: utc('2026-01-15T02:00:00'),
        kind: 'downtime',
        title: 'Upgrade',
        announcedAtMs: null,
      },
    ]);
    await freeze();
    const februaryBefore = await storedMonth(db.store, feb);
    const patch = { startMs: utc('2026-03-15T00:00:00'), endMs: utc('2026-03-15T02:00:00') };
    const refused = await editMaintenance(ctx, spec, id!, patch);
    expect(refused).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('(2026-01, 2026-03)') });
    expect((await db.store.comms.getMaintenance(id!))!.startMs).toBe(utc('2026-01-15T00:00:00'));

    expect((await editMaintenance(ctx, spec, id!, patch, 'it was postponed')).ok).toBe(true);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes.map((c) => c.monthStartMs).sort()).toEqual([jan, march]);
    const byMonth = new Map(changes.map((c) => [c.monthStartMs, c]));
    // The window leaves January (1 → 0 windows) and comes to March (0 → 1).
    expect(JSON.parse(byMonth.get(jan)!.beforeJson!).maintenanceCount).toBe(1);
    expect(JSON.parse(byMonth.get(jan)!.afterJson).maintenanceCount).toBe(0);
    expect(JSON.parse(byMonth.get(march)!.beforeJson!).maintenanceCount).toBe(0);
    expect(JSON.parse(byMonth.get(march)!.afterJson).maintenanceCount).toBe(1);
    expect(byMonth.get(march)!.change).toBe(
      `maintenance ${id}: start 2026-01-15T00:00:00.000Z → 2026-03-15T00:00:00.000Z; ` +
        `end 2026-01-15T02:00:00.000Z → 2026-03-15T02:00:00.000Z`,
    );
    for (const m of [jan, march]) {
      const next = utc(m === jan ? '2026-02-01T00:00:00' : '2026-04-01T00:00:00');
      expect(JSON.parse((await storedMonth(db.store, m)).snapshotJson)).toEqual(await freshMonth(db.store, m, next));
    }
    expect(await storedMonth(db.store, feb)).toEqual(februaryBefore);
    expect((await db.store.comms.listChanges({ entity: 'maintenance', entityId: id! }))[0]!.detail).toMatchObject({
      reason: 'it was postponed',
    });
  });

  it('a new maintenance window in a closed month needs a reason', async () => {
    await freeze();
    const fields = {
      startMs: utc('2026-03-20T00:00:00'),
      endMs: utc('2026-03-20T01:00:00'),
      kind: 'downtime' as const,
      title: 'Late entry',
      announcedAtMs: utc('2026-03-01T00:00:00'),
    };
    expect(await createMaintenance(ctx, spec, fields)).toMatchObject({ ok: false, status: 409 });
    // Spans are [start, end): a window ending at March's first instant touches February only.
    const lastHour = { ...fields, startMs: utc('2026-02-28T23:00:00'), endMs: march };
    expect(await createMaintenance(ctx, spec, lastHour)).toMatchObject({
      ok: false,
      message: expect.stringContaining('closed months (2026-02),'),
    });
    expect(await db.store.listMaintenance('shop', 0, 8.64e15)).toEqual([]);
    expect((await createMaintenance(ctx, spec, fields, 'x'.repeat(501))).ok).toBe(false);
    expect((await createMaintenance(ctx, spec, fields, 'recorded late')).ok).toBe(true);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ monthStartMs: march, reason: 'recorded late' });
    expect(JSON.parse((await storedMonth(db.store, march)).snapshotJson)).toEqual(
      await freshMonth(db.store, march, utc('2026-04-01T00:00:00')),
    );
  });
  /** A resolved March incident stored before March froze, never notified. */
  const marchIncident = async () => {
    const [id] = await db.store.insertIncidents([
      {
        serviceId: 'shop',
        startedAtMs: utc('2026-03-02T10:00:00'),
        detectedAtMs: null,
        notifiedAtMs: null,
        resolvedAtMs: utc('2026-03-02T10:30:00'),
        impact: 'outage',
        source: 'manual',
        title: 'Checkout down',
      },
    ]);
    await freeze();
    expect(
      figuresOf(JSON.parse((await storedMonth(db.store, march)).snapshotJson)).notificationDelayMaxSeconds,
    ).toBeNull();
    return id!;
  };
  // Notified at now, 2026-06-10 00:00, detected (= started) 2026-03-02 10:00: 31 + 30 + 31 + 8 = 100 days
  // to 2026-06-10 10:00, less 10 h: 8,640,000 − 36,000 = 8,604,000 s.
  const lateDelaySeconds = 8_604_000;

  it.each([
    [
      'notify customers',
      'customers notified after the month closed',
      (id: string) => notifyCustomers(ctx, { spec, notifyCustomers: ['mail'] }, id, null),
    ],
    [
      'a published note',
      'a note published on the status page after the month closed',
      (id: string) => addIncidentNote(ctx, id, 'We found the cause.', true),
    ],
  ])('%s on an incident of a closed month needs no reason and measures the month again', async (_what, reason, act) => {
    const id = await marchIncident();
    expect((await act(id)).ok).toBe(true);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      monthStartMs: march,
      actor: 'ann',
      reason,
      change: `incident ${id}: notified_at — → 2026-06-10T00:00:00.000Z`,
    });
    expect(JSON.parse(changes[0]!.beforeJson!).notificationDelayMaxSeconds).toBeNull();
    expect(JSON.parse(changes[0]!.afterJson).notificationDelayMaxSeconds).toBe(lateDelaySeconds);
    expect(JSON.parse((await storedMonth(db.store, march)).snapshotJson)).toEqual(
      await freshMonth(db.store, march, utc('2026-04-01T00:00:00')),
    );
    // notified_at is set once: notifying again changes no figure and records no month change.
    expect((await act(id)).ok).toBe(true);
    expect(await db.store.listMonthChanges('shop', 0, 8.64e15)).toHaveLength(1);
  });

  it('announcing a window of a closed month needs no reason and measures the month again', async () => {
    const [id] = await db.store.insertMaintenance([
      {
        serviceId: 'shop',
        startMs: utc('2026-03-20T00:00:00'),
        endMs: utc('2026-03-20T01:00:00'),
        kind: 'downtime',
        title: 'Upgrade',
        announcedAtMs: null,
      },
    ]);
    await freeze();
    expect((await announceMaintenance(ctx, { spec, notifyCustomers: ['mail'] }, id!, null)).ok).toBe(true);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      monthStartMs: march,
      actor: 'ann',
      reason: 'maintenance announced after the month closed',
      change: `maintenance ${id}: announced_at — → 2026-06-10T00:00:00.000Z`,
    });
    const stored = JSON.parse((await storedMonth(db.store, march)).snapshotJson) as MonthSnapshot;
    expect(stored.windows.map((w) => w.announcedAtMs)).toEqual([nowMs]);
    expect(stored).toEqual(await freshMonth(db.store, march, utc('2026-04-01T00:00:00')));
  });

  it('an Alertmanager alert reported late into a closed month measures it again, on open and on resolve', async () => {
    await freeze();
    const alert: AlertmanagerAlert = {
      status: 'firing',
      fingerprint: 'f1',
      serviceId: 'shop',
      startsAtMs: utc('2026-03-05T00:00:00'),
      endsAtMs: null,
      title: 'DB down',
      cause: null,
      impact: 'outage',
    };
    const specOf = (id: string) => (id === 'shop' ? spec : undefined);
    const [opened] = await applyAlertmanagerAlerts(db.store, [alert], nowMs, specOf);
    await applyAlertmanagerAlerts(
      db.store,
      [{ ...alert, status: 'resolved', endsAtMs: utc('2026-03-05T01:00:00') }],
      nowMs,
      specOf,
    );
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15); // in the order written
    // Open, it runs up to now and touches March to May (frozen); resolving it gives April and May
    // back their time, so all three are measured again.
    const april = utc('2026-04-01T00:00:00');
    const may = utc('2026-05-01T00:00:00');
    const june = utc('2026-06-01T00:00:00');
    expect(changes.map((c) => c.monthStartMs)).toEqual([march, april, may, march, april, may]);
    expect(new Set(changes.map((c) => `${c.actor}: ${c.reason}`))).toEqual(
      new Set(['alertmanager: reported by Alertmanager after the month closed']),
    );
    // Counted in March, where it started; resolved after 1 h: MTTR 3,600 s, none while open.
    expect(changes.map((c) => JSON.parse(c.afterJson).incidentCount)).toEqual([1, 0, 0, 1, 0, 0]);
    expect([changes[0], changes[3]].map((c) => JSON.parse(c!.afterJson).mttrSeconds)).toEqual([null, 3600]);
    // The service's incident record is complete (no monitors): open, the outage is April's whole
    // 30 days of downtime (2,592,000 s); resolved, none.
    expect([changes[1], changes[4]].map((c) => JSON.parse(c!.afterJson).downtimeSeconds)).toEqual([2_592_000, 0]);
    for (const [from, to] of [
      [march, april],
      [april, may],
      [may, june],
    ] as const) {
      expect(JSON.parse((await storedMonth(db.store, from)).snapshotJson)).toEqual(
        await freshMonth(db.store, from, to),
      );
    }
    expect(changes[3]!.change).toBe(
      `incident ${opened!.incidentId}: resolved_at — → 2026-03-05T01:00:00.000Z (fingerprint f1)`,
    );
    expect(JSON.parse((await storedMonth(db.store, march)).snapshotJson)).toEqual(
      await freshMonth(db.store, march, utc('2026-04-01T00:00:00')),
    );
  });
});
