// The alert, incident and maintenance pages and the public status page over real
// stores: forms post, redirect and change the records; the status page shows what was published.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app/create-app.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import { loadWebAssets } from '../../../server/pages/web-assets.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { freezeClosedMonths } from '../../../pipeline/frozen-months.ts';

const nowMs = Date.parse('2026-06-01T03:00:00Z');

const yaml = `
timezone: Asia/Tokyo
services:
  - id: shop
    name: Shop
    status_page: true
    notify: [ops]
    notify_customers: [customers]
    history_from: 2026-01-01T00:00:00+09:00
    claims:
      - { id: notification, metric: notification_delay, max: 4h }
  - id: internal
    notify_customers: []
notifications:
  - { id: ops, type: webhook, url: "http://127.0.0.1:9/ops" }
  - { id: customers, type: webhook, url: "http://127.0.0.1:9/customers" }
`;

describe.each(testStores.map((f) => [f.title, f] as const))('%s communication pages', (_title, factory) => {
  let db: TestStore;
  let app: ReturnType<typeof createApp>;
  let config: SlawatchConfig;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    const parsed = parseConfigText(yaml, {}, 'test.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    config = parsed.config;
    app = createApp({
      // About these routes themselves; test/server/security covers access control.
      security: null,
      registry: createMetricsRegistry({ processMetrics: false }),
      pushMonitors: () => [],
      recordPush: () => false,
      health: () => ({ ok: true, detail: 'test' }),
      nowMs: () => nowMs,
      reportError: (r) => {
        throw r.error;
      },
      pages: {
        store: db.store,
        config: () => config,
        nowMs: () => nowMs,
        assets: await loadWebAssets(),
        reports: createReportCache({ store: db.store, nowMs: () => nowMs }),
      },
    });
  });
  afterEach(() => db?.cleanup());

  const post = (path: string, form: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slawatch-actor': 'ann' },
      body: new URLSearchParams(form).toString(),
    });
  const html = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, text: await res.text() };
  };

  it('creates an incident from the form (times in the service timezone), edits it and records who did', async () => {
    expect((await html('/incidents/new?service=shop&lang=en')).text).toContain('name="started_at"');
    const created = await post('/incidents', {
      service: 'shop',
      title: 'Checkout down',
      impact: 'outage',
      cause: '',
      started_at: '2026-06-01T11:00',
      detected_at: '2026-06-01T11:05',
      resolved_at: '',
    });
    expect(created.status).toBe(303);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/incidents\/\d+$/);
    const id = location.split('/').pop()!;
    // 11:00 in Tokyo is 02:00 UTC.
    expect(await db.store.comms.getIncident(id)).toMatchObject({
      source: 'manual',
      startedAtMs: Date.parse('2026-06-01T02:00:00Z'),
      detectedAtMs: Date.parse('2026-06-01T02:05:00Z'),
      resolvedAtMs: null,
    });
    const edited = await post(`/incidents/${id}`, {
      title: 'Checkout down',
      impact: 'partial',
      cause: 'bad deploy',
      started_at: '2026-06-01T11:00',
      detected_at: '2026-06-01T11:05',
      resolved_at: '2026-06-01T11:40',
    });
    expect(edited.status).toBe(303);
    const page = await html(`/incidents/${id}?lang=en`);
    expect(page.text).toContain('bad deploy');
    expect(page.text).toMatch(/<td>ann<\/td><td><code>edit<\/code>/);
    const bad = await post(`/incidents/${id}`, {
      title: 'x',
      impact: 'outage',
      started_at: '2026-06-01T11:00',
      detected_at: '',
      resolved_at: '2026-06-01T10:00',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('resolved_at must not be before started_at');
  });

  it('a published note sets notified_at and appears on the status page; an internal one does not', async () => {
    const [id] = await db.store.insertIncidents([
      {
        serviceId: 'shop',
        startedAtMs: nowMs - 3_600_000,
        detectedAtMs: nowMs - 3_600_000,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'probe',
        title: 'Checkout unavailable',
      },
    ]);
    await post(`/incidents/${id}/notes`, { text: 'internal: db primary lost' });
    expect((await db.store.comms.getIncident(id!))!.notifiedAtMs).toBeNull();
    await post(`/incidents/${id}/notes`, { text: 'We are investigating failed checkouts.', publish: 'on' });
    expect((await db.store.comms.getIncident(id!))!.notifiedAtMs).toBe(nowMs);
    const status = await html('/status/shop?lang=en');
    expect(status.status).toBe(200);
    expect(status.text).toContain('data-state="outage"');
    expect(status.text).toContain('We are investigating failed checkouts.');
    expect(status.text).not.toContain('db primary lost');
    // 90 days of history, each a day in Asia/Tokyo.
    expect(status.text.match(/data-date="/g)).toHaveLength(90);
    expect(status.text).toContain('data-date="2026-06-01"');
  });

  it('"notify customers" from the page queues the notice and records it', async () => {
    const [id] = await db.store.insertIncidents([
      {
        serviceId: 'shop',
        startedAtMs: nowMs - 60_000,
        detectedAtMs: nowMs - 60_000,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'manual',
        title: 'Down',
      },
    ]);
    expect((await post(`/incidents/${id}/notify`, { message: 'Working on it' })).status).toBe(303);
    const deliveries = await db.store.comms.listDeliveries({ subject: `incident:${id}` });
    expect(deliveries.map((d) => [d.channelId, d.status])).toEqual([['customers', 'pending']]);
    expect((await db.store.comms.listChanges({ entity: 'incident', entityId: id! }))[0]).toMatchObject({
      actor: 'ann',
      action: 'notify_customers',
    });
  });

  it('creates and announces maintenance; announced windows show on the status page', async () => {
    const created = await post('/maintenance', {
      service: 'shop',
      title: 'Database upgrade',
      kind: 'downtime',
      start: '2026-06-10T01:00',
      end: '2026-06-10T03:00',
      announced_at: '',
    });
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.split('/').pop()!;
    expect((await html('/status/shop?lang=en')).text).not.toContain('Database upgrade');
    expect((await post(`/maintenance/${id}/announce`, { message: '' })).status).toBe(303);
    expect((await db.store.comms.getMaintenance(id))!.announcedAtMs).toBe(nowMs);
    const status = await html('/status/shop?lang=en');
    expect(status.text).toContain('Database upgrade');
    expect(status.text).toContain('data-state="operational"');
    expect((await html(`/maintenance/${id}?lang=ja`)).text).toContain('告知');
  });

  it('acknowledges and silences an alert from the alerts page', async () => {
    const id = await db.store.comms.insertAlert({
      key: 'notification_due:1',
      serviceId: 'shop',
      name: 'notification_due',
      severity: 'page',
      claimId: 'notification',
      summary: 'notify within 30 min',
      status: 'firing',
      firedAtMs: nowMs - 1000,
      resolvedAtMs: null,
      sentAtMs: { ops: nowMs - 1000 },
      acknowledgedAtMs: null,
      acknowledgedBy: null,
      silencedUntilMs: null,
    });
    const page = await html('/alerts?lang=en');
    expect(page.text).toContain('notify within 30 min');
    expect(page.text).toContain(`action="/alerts/${id}/acknowledge"`);
    expect((await post(`/alerts/${id}/acknowledge`, {})).status).toBe(303);
    expect((await post(`/alerts/${id}/silence`, { for: '4h' })).status).toBe(303);
    expect(await db.store.comms.getAlert(id)).toMatchObject({
      acknowledgedBy: 'ann',
      acknowledgedAtMs: nowMs,
      silencedUntilMs: nowMs + 4 * 3_600_000,
    });
    expect((await html('/alerts?lang=en')).text).toContain('Acknowledged by ann');
  });

  it('the OpenAPI document lists the write API', async () => {
    const doc = JSON.parse((await html('/api/v1/openapi.json')).text) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties: Record<string, { maxLength?: number }> }> };
    };
    for (const [path, method] of [
      ['/api/v1/incidents', 'post'],
      ['/api/v1/incidents/{id}', 'patch'],
      ['/api/v1/incidents/{id}/notify', 'post'],
      ['/api/v1/maintenance/{id}/announce', 'post'],
      ['/api/v1/alerts/{id}/silence', 'post'],
      ['/api/v1/alertmanager', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    // The reason for a change to a closed month.
    for (const s of ['IncidentCreate', 'IncidentEdit', 'MaintenanceCreate', 'MaintenanceEdit'])
      expect(doc.components.schemas[s]!.properties.reason!.maxLength, s).toBe(500);
  });

  it('a form change to a closed month needs the reason field, and is then recorded', async () => {
    expect((await html('/incidents/new?service=shop&lang=en')).text).toMatch(
      /Reason for the change <input type="text" name="reason"/,
    );
    expect((await html('/maintenance/new?service=shop&lang=ja')).text).toContain(
      '締め済みの月に関わる変更では必須です',
    );
    // January to May (Tokyo) are closed and frozen at 2026-06-01 12:00 JST.
    await freezeClosedMonths(db.store, config.services.find((s) => s.spec.id === 'shop')!.spec, nowMs);
    const form = {
      service: 'shop',
      title: 'Found later',
      impact: 'outage',
      cause: '',
      started_at: '2026-03-02T10:00',
      detected_at: '',
      resolved_at: '2026-03-02T10:30',
    };
    const refused = await post('/incidents', form);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('closed months (2026-03)');
    expect(await db.store.listIncidents('shop', 0, 8.64e15)).toEqual([]);
    expect((await post('/incidents', { ...form, reason: 'found in the postmortem' })).status).toBe(303);

    const window = await post('/maintenance', {
      service: 'shop',
      title: 'Upgrade',
      kind: 'downtime',
      start: '2026-06-10T01:00',
      end: '2026-06-10T03:00',
      announced_at: '',
    });
    expect(window.status).toBe(303);
    const id = window.headers.get('location')!.split('/').pop()!;
    const toMarch = {
      title: 'Upgrade',
      kind: 'downtime',
      start: '2026-03-10T01:00',
      end: '2026-03-10T03:00',
      announced_at: '',
    };
    expect((await post(`/maintenance/${id}`, toMarch)).status).toBe(409);
    expect((await db.store.comms.getMaintenance(id))!.startMs).toBe(Date.parse('2026-06-10T01:00:00+09:00'));
    expect((await post(`/maintenance/${id}`, { ...toMarch, reason: 'it happened in March' })).status).toBe(303);
    const changes = await db.store.listMonthChanges('shop', 0, 8.64e15);
    expect(changes.map((c) => [c.actor, c.reason, c.monthStartMs])).toEqual([
      ['ann', 'found in the postmortem', Date.parse('2026-03-01T00:00:00+09:00')],
      ['ann', 'it happened in March', Date.parse('2026-03-01T00:00:00+09:00')],
    ]);

    // Both changes read back from the API and on the year's report page, in the order made.
    type Change = {
      month: string;
      actor: string;
      reason: string;
      before: Record<string, number | null>;
      after: Record<string, number | null>;
    };
    const api = (await (await app.request('/api/v1/services/shop/month-changes?period=2026')).json()) as {
      changes: Change[];
    };
    expect(api.changes.map((c) => [c.month, c.actor, c.reason])).toEqual([
      ['2026-03', 'ann', 'found in the postmortem'],
      ['2026-03', 'ann', 'it happened in March'],
    ]);
    // A 30-minute outage on 2 March; then a window moved into March.
    expect(
      api.changes.map((c) => [
        c.before.incidentCount,
        c.after.incidentCount,
        c.after.mttrSeconds,
        c.before.maintenanceCount,
        c.after.maintenanceCount,
      ]),
    ).toEqual([
      [0, 1, 1800, 0, 0],
      [1, 1, 1800, 0, 1],
    ]);
    const report = await html('/services/shop/report/2026?lang=en');
    expect(report.text).toContain('<table data-month-changes="2">');
    expect(report.text).toContain('<td>found in the postmortem</td>');
    // March (31 d = 2,678,400 s) with 1,800 s down: 1 − 1800/2678400 = 99.93279…%, truncated 99.9327%;
    // the 2-h downtime window (no notice claim to miss, so excluded) leaves planned time:
    // 1 − 1800/2671200 = 99.93261…%.
    expect(report.text).toContain(
      'availability 100.0000% → 99.9327%; downtime 0 min → 30 min; incidents 0 → 1; MTTR — → 30 min',
    );
    expect(report.text).toContain('availability 99.9327% → 99.9326%; maintenance windows 0 → 1');
    expect((await html('/services/shop/report/2025?lang=ja')).text).toContain(
      'この年の確定済みの月は変更されていません。',
    );
  });

  it('the status page is opt-in', async () => {
    expect((await html('/status/internal')).status).toBe(404);
    expect((await html('/status/nope')).status).toBe(404);
  });
});
