// The storage benchmark's fleet: 1,000 http monitors at 60 s in 100 services of 10, one UTC day
// (1.44 M checks), with 20 outages of one service each and lone failed checks.
import type { FleetSpec, Outage } from '../lib/synthetic-fleet.ts';

const services = 100;
const perService = 10;
export const storageDayFromMs = Date.parse('2025-06-02T00:00:00Z');
export const storageDayToMs = storageDayFromMs + 86_400_000;
export const storageNowMs = storageDayToMs + 3_600_000;
export const storageMonitorCount = services * perService;

const monitorId = (s: number, m: number) => `s${String(s).padStart(3, '0')}-m${String(m).padStart(2, '0')}`;

export function storageFleet(): FleetSpec {
  const monitorIds: string[] = [];
  for (let s = 0; s < services; s++) for (let m = 0; m < perService; m++) monitorIds.push(monitorId(s, m));
  const outages: Outage[] = [];
  for (let k = 0; k < 20; k++) {
    const service = (k * 37) % services;
    const startMs = storageDayFromMs + (k + 1) * 65 * 60_000;
    outages.push({
      startMs,
      endMs: startMs + (3 + ((k * 11) % 38)) * 60_000,
      monitors: Array.from({ length: perService }, (_, m) => service * perService + m),
    });
  }
  return {
    monitorIds,
    intervalMs: 60_000,
    fromMs: storageDayFromMs,
    toMs: storageDayToMs,
    outages,
    gaps: [],
    blipEveryChecks: 1440,
    latency: { medianMs: 80, sigma: 0.45, maxMs: 9_999 },
    seed: 1000,
  };
}

export function storageConfigYaml(): string {
  const lines = ['timezone: Asia/Tokyo', 'services:'];
  for (let s = 0; s < services; s++) {
    lines.push(`  - id: svc-${String(s).padStart(3, '0')}`, '    monitors:');
    for (let m = 0; m < perService; m++) {
      lines.push(
        `      - { id: ${monitorId(s, m)}, type: http, url: "https://s${s}.example.com/${m}", ` +
          'interval: 60s, confirm: 2 }',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
