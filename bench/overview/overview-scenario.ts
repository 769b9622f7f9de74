// The overview benchmark's fleet: 200 services of 5 http monitors each (1,000 monitors), probed
// every 5 min for the 7 days before the run, with history_from at the start of the year (so the
// year's figures span the whole year so far), four claims each, and outages that make some
// claims breached, some at risk and some met. Deterministic from the seed.
import { DateTime } from 'luxon';
import type { Check } from '../../sla/model.ts';
import { seededRandom, lognormalMs, randomInt } from '../lib/random.ts';

export const serviceCount = 200;
export const monitorsPerService = 5;
export const intervalMs = 5 * 60_000;
export const historyDays = 7;

export const serviceId = (i: number) => `svc-${String(i).padStart(3, '0')}`;
export const monitorId = (i: number, j: number) => `${serviceId(i)}-m${j}`;

export function overviewYaml(nowMs: number): string {
  const yearStart = DateTime.fromMillis(nowMs, { zone: 'Asia/Tokyo' }).startOf('year').toISO();
  const lines = ['timezone: Asia/Tokyo', 'retention: { checks: 3650d }', 'services:'];
  for (let i = 0; i < serviceCount; i++) {
    lines.push(`  - id: ${serviceId(i)}`, `    name: Service ${i}`, `    history_from: ${yearStart}`, '    monitors:');
    for (let j = 0; j < monitorsPerService; j++) {
      lines.push(
        `      - { id: ${monitorId(i, j)}, type: http, url: "http://127.0.0.1:9/${i}/${j}", ` +
          'interval: 5m, timeout: 5s }',
      );
    }
    lines.push(
      '    claims:',
      '      - { id: availability, sheet_row: 5, metric: availability, min: 99.9% }',
      '      - { id: mttr, sheet_row: 10, metric: mttr, max: 30m }',
      '      - { id: incidents, sheet_row: 12, metric: incident_count, max: 12 }',
      '      - { id: latency, sheet_row: 19, metric: latency, percentile: 95, max: 500ms }',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The checks of [fromMs, toMs) for every monitor, in time order, a chunk at a time. */
export function* fleetChecks(fromMs: number, toMs: number, chunkMs: number, seed = 42): Generator<Check[]> {
  const random = seededRandom(seed);
  // 0–3 outages per service over the window, 5–90 min, seen by one monitor.
  const outages: { service: number; monitor: number; startMs: number; endMs: number }[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const n = randomInt(random, 0, 3);
    for (let k = 0; k < n; k++) {
      const startMs = fromMs + Math.floor(random() * (toMs - fromMs - 2 * 3_600_000));
      outages.push({
        service: i,
        monitor: randomInt(random, 0, monitorsPerService - 1),
        startMs,
        endMs: startMs + randomInt(random, 5, 90) * 60_000,
      });
    }
  }
  for (let chunk = fromMs; chunk < toMs; chunk += chunkMs) {
    const checks: Check[] = [];
    for (let t = chunk; t < Math.min(toMs, chunk + chunkMs); t += intervalMs) {
      for (let i = 0; i < serviceCount; i++) {
        for (let j = 0; j < monitorsPerService; j++) {
          const down = outages.some((o) => o.service === i && o.monitor === j && t >= o.startMs && t < o.endMs);
          checks.push({
            monitorId: monitorId(i, j),
            location: 'local',
            timeMs: t,
            status: down ? 'down' : 'up',
            latencyMs: down ? null : lognormalMs(random, 120, 0.5, 5000),
          });
        }
      }
    }
    yield checks;
  }
}
