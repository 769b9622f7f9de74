// Seeded data for the dashboard's route and browser tests: two services with a year (2025) of
// history whose figures are known by hand. Checks go through ingestChecks (the one code path),
// records through the store.
//
// shop (Asia/Tokyo, history_from 2025-01-01): web (http, 10 min, confirm 2) and api (tcp, 10 min)
// checked from 2025-04-01 00:00 JST to 2026-01-01 00:00 JST.
//   - web down 2025-05-10 10:00–10:40 JST (checks 10:00…10:30 down, 10:40 up): a 40 min probe outage
//   - web fails once 2025-06-01 12:00 JST: a blip (confirm 2), counted as up
//   - api down 2025-08-20 03:00–05:00 JST (checks 03:00…04:50 down): a 2 h probe outage
//   - nothing checked 2025-09-15 00:00–06:00 JST: held until 00:10 (2 × interval), 5 h 50 min unknown
//   - an imported outage 2025-02-03 09:00–10:30 JST (before the first check; history_from counts it)
//   - a partial incident 2025-11-11 14:00–20:00 JST, detected 14:10, notified 19:00 (4 h 50 min: late)
//   - maintenance: downtime 2025-07-05 01:00–03:00 announced 2025-06-20 (15 d ahead, ≥ 7 d),
//     no-downtime 2025-10-01 10:00–11:00 announced 2025-09-30 10:00 (1 d ahead, < 3 d: a violation)
// batch (UTC): one http monitor checked every 10 min through December 2025, down 2025-12-24 00:00–01:00.
import { parseConfigText } from '../../../server/config/load-config.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';
import type { Check } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';
import { ingestChecks } from '../../../pipeline/ingest-checks.ts';

export function dashboardYaml(targetUrl = 'http://127.0.0.1:9/health'): string {
  return `timezone: Asia/Tokyo
retention: { checks: 3650d }
services:
  - id: shop
    name: Shop ショップ
    history_from: 2025-01-01T00:00:00+09:00
    monitors:
      - { id: web, type: http, url: "${targetUrl}", interval: 10m, timeout: 5s, confirm: 2 }
      - { id: api, type: tcp, host: 127.0.0.1, port: 9, interval: 10m, timeout: 5s }
    claims:
      - { id: availability, sheet_row: 5, metric: availability, min: 99.95% }
      - { id: mttr, sheet_row: 10, metric: mttr, max: 42m }
      - { id: incidents, sheet_row: 12, metric: incident_count, max: 8 }
      - { id: notification, sheet_row: 15, metric: notification_delay, max: 4h }
      - { id: notice-downtime, sheet_row: 2, metric: maintenance_notice, kind: downtime, min: 7d }
      - { id: notice-other, sheet_row: 2, metric: maintenance_notice, kind: no-downtime, min: 3d }
      - { id: latency, sheet_row: 19, metric: latency, percentile: 95, max: 800ms }
  - id: batch
    name: Batch
    timezone: UTC
    monitors:
      - { id: batch-web, type: http, url: "${targetUrl}", interval: 10m, timeout: 5s }
    claims:
      - { id: availability, sheet_row: 5, metric: availability, min: 99.5%, period: month }
`;
}

export function dashboardConfig(targetUrl?: string): SlawatchConfig {
  const result = parseConfigText(dashboardYaml(targetUrl), {}, 'dashboard.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

const jst = (text: string) => Date.parse(`${text}+09:00`);
const tenMinutes = 600_000;

function checksOf(
  monitorId: string,
  fromMs: number,
  toMs: number,
  down: [number, number][],
  gaps: [number, number][],
  latency: (i: number) => number,
): Check[] {
  const checks: Check[] = [];
  let i = 0;
  for (let t = fromMs; t < toMs; t += tenMinutes, i++) {
    if (gaps.some(([a, b]) => t >= a && t < b)) continue;
    const isDown = down.some(([a, b]) => t >= a && t < b);
    checks.push({
      monitorId,
      location: 'local',
      timeMs: t,
      status: isDown ? 'down' : 'up',
      latencyMs: isDown ? null : latency(i),
      detail: isDown ? 'connection_refused: refused' : null,
    });
  }
  return checks;
}

export const seeded = {
  webOutage: [jst('2025-05-10T10:00:00'), jst('2025-05-10T10:40:00')] as [number, number],
  webBlip: [jst('2025-06-01T12:00:00'), jst('2025-06-01T12:10:00')] as [number, number],
  apiOutage: [jst('2025-08-20T03:00:00'), jst('2025-08-20T05:00:00')] as [number, number],
  gap: [jst('2025-09-15T00:00:00'), jst('2025-09-15T06:00:00')] as [number, number],
  batchOutage: [Date.parse('2025-12-24T00:00:00Z'), Date.parse('2025-12-24T01:00:00Z')] as [number, number],
};

export async function seedDashboard(store: Store, config: SlawatchConfig, nowMs: number): Promise<void> {
  const specs = config.services.map((s) => s.spec);
  const from = jst('2025-04-01T00:00:00');
  const to = jst('2026-01-01T00:00:00');
  const web = checksOf('web', from, to, [seeded.webOutage, seeded.webBlip], [seeded.gap], (i) => 100 + (i % 7) * 10);
  const api = checksOf('api', from, to, [seeded.apiOutage], [seeded.gap], (i) => 40 + (i % 5) * 5);
  const batch = checksOf(
    'batch-web',
    Date.parse('2025-12-01T00:00:00Z'),
    Date.parse('2026-01-01T00:00:00Z'),
    [seeded.batchOutage],
    [],
    (i) => 200 + (i % 3),
  );
  // A day at a time, as live recording would hand them over.
  const all = [...web, ...api, ...batch].sort((a, b) => a.timeMs - b.timeMs);
  const dayMs = 86_400_000;
  for (let start = 0; start < all.length; ) {
    const limit = all[start]!.timeMs + 7 * dayMs;
    let end = start;
    while (end < all.length && all[end]!.timeMs < limit) end++;
    await ingestChecks(store, specs, all.slice(start, end), nowMs);
    start = end;
  }
  await store.insertIncidents([
    {
      serviceId: 'shop',
      startedAtMs: jst('2025-02-03T09:00:00'),
      detectedAtMs: jst('2025-02-03T09:05:00'),
      notifiedAtMs: jst('2025-02-03T09:20:00'),
      resolvedAtMs: jst('2025-02-03T10:30:00'),
      impact: 'outage',
      source: 'import',
      title: 'Database failover',
    },
    {
      serviceId: 'shop',
      startedAtMs: jst('2025-11-11T14:00:00'),
      detectedAtMs: jst('2025-11-11T14:10:00'),
      notifiedAtMs: jst('2025-11-11T19:00:00'),
      resolvedAtMs: jst('2025-11-11T20:00:00'),
      impact: 'partial',
      source: 'manual',
      title: 'Slow search',
    },
  ]);
  await store.insertMaintenance([
    {
      serviceId: 'shop',
      startMs: jst('2025-07-05T01:00:00'),
      endMs: jst('2025-07-05T03:00:00'),
      kind: 'downtime',
      announcedAtMs: jst('2025-06-20T10:00:00'),
      title: 'Database upgrade',
    },
    {
      serviceId: 'shop',
      startMs: jst('2025-10-01T10:00:00'),
      endMs: jst('2025-10-01T11:00:00'),
      kind: 'no-downtime',
      announcedAtMs: jst('2025-09-30T10:00:00'),
      title: 'Certificate rotation',
    },
  ]);
}
