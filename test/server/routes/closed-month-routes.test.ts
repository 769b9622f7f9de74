// The incident and maintenance API on closed months ("frozen months") over real stores
// with app.request(): 409 without a reason (nothing written), and with one the month's stored
// figures are measured again and the change recorded with who, what and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { testApp } from '../app/test-app.ts';
import type { CommsService } from '../../../server/routes/comms-deps.ts';
import { freezeClosedMonths } from '../../../pipeline/frozen-months.ts';
import { loadReportInput } from '../../../pipeline/report-from-store.ts';
import { computeMonthSnapshot, figuresFromMonths, type MonthSnapshot } from '../../../sla/month-snapshot.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { service } from '../../oracle/build.ts';

const nowMs = Date.parse('2026-06-01T03:00:00Z');
const spec = service({
  id: 'shop',
  name: 'Shop',
  timezone: 'Asia/Tokyo',
  historyFromMs: Date.parse('2026-01-01T00:00:00+09:00'),
});
// March in Tokyo: 2026-03-01T00:00+09:00 to 2026-04-01T00:00+09:00, 31 days.
const marchMs = Date.parse('2026-03-01T00:00:00+09:00');
const aprilMs = Date.parse('2026-04-01T00:00:00+09:00');

describe.each(testStores.map((f) => [f.title, f] as const))(
  '%s incident and maintenance API on closed months',
  (_title, factory) => {
    let db: TestStore;
    let app: Hono;
    const services: CommsService[] = [{ spec, notifyCustomers: [], statusPage: false }];
    beforeEach(async (ctx) => {
      if (factory.skipReason) ctx.skip();
      db = await openTestStore(factory);
      ({ app } = testApp({
        nowMs: () => nowMs,
        reportError: (r) => {
          throw r.error;
        },
        comms: { store: db.store, services: () => services, nowMs: () => nowMs, alertmanager: () => null },
      }));
      // January to May (Tokyo) have closed by 2026-06-01 12:00 JST: frozen an hour before the requests.
      await freezeClosedMonths(db.store, spec, nowMs - 3_600_000);
    });
    afterEach(async () => db?.cleanup());

    const send = (method: string, path: string, body: unknown, actor = 'ann') =>
      app.request(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-slawatch-actor': actor },
        body: JSON.stringify(body),
      });
    const march = async () => (await db.store.listFrozenMonths('shop', marchMs, marchMs + 1))[0]!;
    const fresh = async () =>
      computeMonthSnapshot(await loadReportInput(db.store, { service: spec, fromMs: marchMs, toMs: aprilMs, nowMs }));
    const figures = (s: MonthSnapshot) => figuresFromMonths(spec, [s], s.asOfMs);
    const monthChanges = () => db.store.listMonthChanges('shop', 0, 8.64e15);

    it('POST and PATCH /incidents: 409 without a reason, the month measured again with one', async () => {
      const frozen = await march();
      const body = {
        service: 'shop',
        title: 'Checkout down',
        started_at: '2026-03-02T10:00:00+09:00',
        resolved_at: '2026-03-02T10:30:00+09:00',
      };
      const refused = await send('POST', '/api/v1/incidents', body);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toBe(
        "this incident changes shop's closed months (2026-03), whose figures are " +
          'frozen; give a reason so the change is recorded; nothing was written',
      );
      expect(await db.store.listIncidents('shop', 0, 8.64e15)).toEqual([]);
      expect(await march()).toEqual(frozen);
      expect(await monthChanges()).toEqual([]);

      expect((await send('POST', '/api/v1/incidents', { ...body, reason: 'x'.repeat(501) })).status).toBe(400);
      const created = await send('POST', '/api/v1/incidents', { ...body, reason: 'found in the postmortem' });
      expect(created.status).toBe(201);
      const { incident } = (await created.json()) as { incident: { id: string } };
      let snapshot = JSON.parse((await march()).snapshotJson) as MonthSnapshot;
      expect(snapshot).toEqual(await fresh());
      // A 30-minute outage in a 31-day month: 1,800 s down.
      expect(figures(snapshot).downtimeSeconds).toBe(1800);

      // Resolved 15 minutes later: 45 min = 2,700 s.
      const patch = { resolved_at: '2026-03-02T10:45:00+09:00' };
      expect((await send('PATCH', `/api/v1/incidents/${incident.id}`, patch)).status).toBe(409);
      expect((await db.store.comms.getIncident(incident.id))!.resolvedAtMs).toBe(Date.parse(body.resolved_at));
      const edited = await send(
        'PATCH',
        `/api/v1/incidents/${incident.id}`,
        { ...patch, reason: 'verified in the logs' },
        'bob',
      );
      expect(edited.status).toBe(200);
      snapshot = JSON.parse((await march()).snapshotJson) as MonthSnapshot;
      expect(snapshot).toEqual(await fresh());
      expect(figures(snapshot).downtimeSeconds).toBe(2700);

      const changes = await monthChanges();
      expect(
        changes.map((c) => [
          c.actor,
          c.reason,
          JSON.parse(c.beforeJson!).downtimeSeconds,
          JSON.parse(c.afterJson).downtimeSeconds,
        ]),
      ).toEqual([
        ['ann', 'found in the postmortem', 0, 1800],
        ['bob', 'verified in the logs', 1800, 2700],
      ]);
      expect(changes[1]!.change).toBe(
        `incident ${incident.id}: resolved_at 2026-03-02T01:30:00.000Z → 2026-03-02T01:45:00.000Z`,
      );
      const history = (await (await app.request(`/api/v1/incidents/${incident.id}/history`)).json()) as {
        changes: { actor: string; detail: Record<string, unknown> }[];
      };
      expect(history.changes[0]).toMatchObject({ actor: 'bob', detail: { reason: 'verified in the logs' } });
    });

    it('POST and PATCH /maintenance: 409 without a reason, the month measured again with one', async () => {
      const frozen = await march();
      const body = {
        service: 'shop',
        start: '2026-03-20T01:00:00+09:00',
        end: '2026-03-20T03:00:00+09:00',
        kind: 'downtime',
        title: 'Late entry',
      };
      const refused = await send('POST', '/api/v1/maintenance', body);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toMatch(/closed months \(2026-03\).*give a reason/);
      expect(await db.store.listMaintenance('shop', 0, 8.64e15)).toEqual([]);
      expect(await march()).toEqual(frozen);

      const created = await send('POST', '/api/v1/maintenance', { ...body, reason: 'recorded late' });
      expect(created.status).toBe(201);
      const { maintenance } = (await created.json()) as { maintenance: { id: string } };
      expect(JSON.parse((await march()).snapshotJson)).toEqual(await fresh());

      // Moved to June (not frozen): March is touched by its old place.
      const moved = { start: '2026-06-20T01:00:00+09:00', end: '2026-06-20T03:00:00+09:00' };
      expect((await send('PATCH', `/api/v1/maintenance/${maintenance.id}`, moved)).status).toBe(409);
      expect(
        (await send('PATCH', `/api/v1/maintenance/${maintenance.id}`, { ...moved, reason: 'postponed' })).status,
      ).toBe(200);
      expect(JSON.parse((await march()).snapshotJson)).toEqual(await fresh());
      const changes = await monthChanges();
      // The window comes to March (0 → 1 windows), then leaves it (1 → 0).
      expect(
        changes.map((c) => [
          c.reason,
          JSON.parse(c.beforeJson!).maintenanceCount,
          JSON.parse(c.afterJson).maintenanceCount,
        ]),
      ).toEqual([
        ['recorded late', 0, 1],
        ['postponed', 1, 0],
      ]);

      // Now wholly in June: no closed month is touched, no reason needed.
      expect(
        (await send('PATCH', `/api/v1/maintenance/${maintenance.id}`, { end: '2026-06-20T04:00:00+09:00' })).status,
      ).toBe(200);
      expect(
        (
          await send('POST', '/api/v1/incidents', {
            service: 'shop',
            title: 'Today',
            started_at: '2026-06-01T10:00:00+09:00',
          })
        ).status,
      ).toBe(201);
      expect(await monthChanges()).toHaveLength(2);
    });
  },
);
