// The "year of figures" scenario: one Asia/Tokyo service of 10 http monitors probed every 30 s
// through calendar year 2025 (10 × 1,051,200 checks), with 50 outages seen by every monitor
// (minutes, a few hours, one longer than a day), a few gaps where slawatch was down (one inside
// the long outage), lone failed checks (blips: confirm is 2), a downtime window that an outage
// overruns, and a late-announced no-downtime window. Everything derives from one seed.
import { createHash } from 'node:crypto';
import type { FleetSpec, Outage, TimeRange } from '../lib/synthetic-fleet.ts';
import { randomInt, seededRandom } from '../lib/random.ts';
import { tokyoIso } from '../lib/tokyo-iso.ts';

/** Bump when anything below changes what is generated: the cached database is keyed by it. */
export const yearGeneratorVersion = 'year-v2';

const minute = 60_000;
const hour = 60 * minute;
export const dayMs = 24 * hour;

export const yearFromMs = Date.parse('2025-01-01T00:00:00+09:00');
export const yearToMs = Date.parse('2026-01-01T00:00:00+09:00');
/** The report's and the ingest's "now": a day after the year closed. */
export const yearNowMs = yearToMs + dayMs;
export const yearServiceId = 'bench-year';
const intervalMs = 30_000;
const monitorIds = Array.from({ length: 10 }, (_, i) => `web-${String(i + 1).padStart(2, '0')}`);

const slots = 50;
const slotMs = (yearToMs - yearFromMs) / slots;
const maintenanceSlot = 20;
const lateNoticeSlot = 33;
const gapSlots: ReadonlyArray<[slot: number, lengthMs: number]> = [
  [5, 12 * minute],
  [17, 50 * minute],
  [30, 3 * hour],
  [44, 7 * minute],
];

export interface YearScenario {
  fleet: FleetSpec;
  configYaml: string;
  /** A digest of the generator version and everything generated from, for the cache key. */
  key: string;
}

export function yearScenario(): YearScenario {
  const random = seededRandom(2025);
  const durations = outageDurations(random);
  const slotStart = (k: number) => yearFromMs + Math.floor(k * slotMs);
  const whole = (ms: number) => Math.round(ms / 1000) * 1000;
  const outages: Outage[] = durations.map((lengthMs, k) => {
    const startMs = whole(slotStart(k) + 12 * hour + random() * 2.5 * dayMs);
    return { startMs, endMs: startMs + lengthMs, monitors: null };
  });
  const gaps: TimeRange[] = gapSlots.map(([k, lengthMs]) => {
    const startMs = whole(slotStart(k) + 5 * dayMs + random() * dayMs);
    return { startMs, endMs: startMs + lengthMs };
  });
  const longest = outages.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));
  gaps.push({ startMs: longest.startMs + 2 * hour, endMs: longest.startMs + 2 * hour + 20 * minute });
  gaps.sort((a, b) => a.startMs - b.startMs);

  const overrun = outages[maintenanceSlot]!;
  const downtimeWindow = { startMs: overrun.startMs - 30 * minute, endMs: overrun.startMs + 30 * minute };
  const lateStartMs = whole(slotStart(lateNoticeSlot) + 4.5 * dayMs);
  const lateWindow = { startMs: lateStartMs, endMs: lateStartMs + hour };

  const fleet: FleetSpec = {
    monitorIds,
    intervalMs,
    fromMs: yearFromMs,
    toMs: yearToMs,
    outages,
    gaps,
    blipEveryChecks: 2880, // about one lone failure per monitor per day
    latency: { medianMs: 80, sigma: 0.45, maxMs: 9_999 },
    seed: 20250101,
  };
  const configYaml = yearConfigYaml(downtimeWindow, lateWindow);
  const key = createHash('sha256')
    .update(yearGeneratorVersion)
    .update(JSON.stringify(fleet))
    .update(configYaml)
    .digest('hex')
    .slice(0, 12);
  return { fleet, configYaml, key };
}

/** 50 lengths: 40 of minutes, 7 of about an hour, 2 of a few hours, one of 27 h; shuffled, slot 20 fixed at 90 min. */
function outageDurations(random: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 40; i++) out.push(randomInt(random, 2, 25) * minute + randomInt(random, 0, 59) * 1000);
  for (let i = 0; i < 7; i++) out.push(randomInt(random, 35, 110) * minute);
  out.push(3 * hour + 10 * minute, 5 * hour + 40 * minute, 27 * hour);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // The outage that overruns the downtime window (30 min inside it, 60 min past its end).
  const k = out.indexOf(Math.max(...out));
  if (k === maintenanceSlot) [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
  out[maintenanceSlot] = 90 * minute;
  return out;
}

function yearConfigYaml(downtime: TimeRange, late: TimeRange): string {
  const monitorLines = monitorIds.map(
    (id) =>
      `      - { id: ${id}, type: http, url: "https://bench.example.com/${id}", ` +
      'interval: 30s, timeout: 10s, confirm: 2 }',
  );
  return [
    'timezone: Asia/Tokyo',
    'services:',
    `  - id: ${yearServiceId}`,
    '    name: Year benchmark service',
    '    down_when: any',
    '    long_after: 24h',
    '    monitors:',
    ...monitorLines,
    '    claims:',
    '      - { id: availability, sheet_row: 5, metric: availability, min: 99.9% }',
    '      - { id: mttr, sheet_row: 10, metric: mttr, max: 42m }',
    '      - { id: incidents, sheet_row: 12, metric: incident_count, max: 60 }',
    '      - { id: long-incidents, sheet_row: 12, metric: long_incident_count, max: 2 }',
    '      - { id: notification, sheet_row: 15, metric: notification_delay, max: 4h }',
    '      - { id: notice-downtime, sheet_row: 2, metric: maintenance_notice, kind: downtime, min: 7d }',
    '      - { id: notice-other, sheet_row: 2, metric: maintenance_notice, kind: no-downtime, min: 3d }',
    '      - { id: latency-p95, sheet_row: 19, metric: latency, percentile: 95, max: 300ms }',
    '    maintenance:',
    `      - { start: "${tokyoIso(downtime.startMs)}", end: "${tokyoIso(downtime.endMs)}", kind: downtime,`,
    `          announced_at: "${tokyoIso(downtime.startMs - 10 * dayMs)}", title: Database upgrade }`,
    `      - { start: "${tokyoIso(late.startMs)}", end: "${tokyoIso(late.endMs)}", kind: no-downtime,`,
    `          announced_at: "${tokyoIso(late.startMs - dayMs)}", title: Rolling restart }`,
    '',
  ].join('\n');
}
