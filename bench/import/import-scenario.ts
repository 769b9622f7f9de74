// The import benchmark's data: a config of 10 http monitors at 30 s and their checks from
// 2025-01-01 (Tokyo) on, `rows` of them, with a few outages and lone failures.
import type { FleetSpec, Outage } from '../lib/synthetic-fleet.ts';

/** Bump when the CSV's content changes: cached CSVs are keyed by it. */
export const importGeneratorVersion = 'import-v2';

const monitorIds = Array.from({ length: 10 }, (_, i) => `api-${String(i + 1).padStart(2, '0')}`);
const intervalMs = 30_000;
const fromMs = Date.parse('2025-01-01T00:00:00+09:00');
const hour = 3_600_000;

export function importFleet(rows: number): FleetSpec {
  const ticks = Math.ceil(rows / monitorIds.length);
  const toMs = fromMs + ticks * intervalMs;
  const outages: Outage[] = [];
  // One outage every ~5 days, 10 to 60 minutes long, seen by every monitor.
  for (let k = 1, t = fromMs + 2 * 24 * hour; t < toMs - 24 * hour; k++, t += 5 * 24 * hour + 3 * hour) {
    outages.push({ startMs: t, endMs: t + (((k * 7) % 51) + 10) * 60_000, monitors: null });
  }
  return {
    monitorIds,
    intervalMs,
    fromMs,
    toMs,
    outages,
    gaps: [],
    blipEveryChecks: 2880,
    latency: { medianMs: 80, sigma: 0.45, maxMs: 9_999 },
    seed: 4242,
  };
}

export function importConfigYaml(): string {
  return [
    'timezone: Asia/Tokyo',
    'services:',
    '  - id: bench-import',
    '    monitors:',
    ...monitorIds.map(
      (id) => `      - { id: ${id}, type: http, url: "https://bench.example.com/${id}", interval: 30s, confirm: 2 }`,
    ),
    '    claims:',
    '      - { id: availability, metric: availability, min: 99.9% }',
    '',
  ].join('\n');
}
