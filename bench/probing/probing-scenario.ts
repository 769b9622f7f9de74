// The probing benchmark's fleet and plan: N http monitors (services of 50, confirm 1, timeout 5 s,
// one availability and one latency claim per service, as a real config has) all probing one local
// keep-alive target at distinct URLs (/m/<i>), at 60 s and at 10 s; the monitor counts tried per
// interval; and how long each run warms up and measures.
export const monitorsPerService = 50;
export const probeTimeout = '5s';

/**
 * Where the SQLite file stands when the measured process starts. `fresh`: a new file (a first
 * start). `restarted`: the file a first process left after probing every monitor for one interval
 * and stopping — closing the store ran `PRAGMA optimize`, so SQLite's planner has statistics.
 */
export type StoreState = 'fresh' | 'restarted';

export interface IntervalPlan {
  intervalMs: number;
  label: string;
  /** Fresh store: tried in order while every run passes (a failure stops the raising). */
  levels: readonly number[];
  /** When the first level already fails: tried in order until one passes. */
  fallback: readonly number[];
  /** Measured once each on a restarted store (a priming process first probes them one interval). */
  restarted: readonly number[];
  /** Fresh-store levels measured several times (the goal's), so medians can be quoted. */
  repeats: Readonly<Record<number, number>>;
  warmupMs: number;
  windowMs: number;
}

export const intervalPlans: readonly IntervalPlan[] = [
  // One interval of warm-up (every monitor probed once), then two intervals measured.
  {
    intervalMs: 60_000,
    label: '60 s',
    levels: [5_000, 10_000, 20_000],
    fallback: [2_500, 1_000],
    restarted: [10_000],
    repeats: { 10000: 3 },
    warmupMs: 60_000,
    windowMs: 120_000,
  },
  // One interval of warm-up, then three intervals measured.
  {
    intervalMs: 10_000,
    label: '10 s',
    levels: [1_000, 2_000, 4_000, 8_000],
    fallback: [500],
    restarted: [],
    repeats: {},
    warmupMs: 10_000,
    windowMs: 30_000,
  },
];

/** The run that answers the goal: 10,000 monitors at 60 s. */
export const goal = {
  intervalMs: 60_000,
  monitors: 10_000,
  rssBytes: 400e6,
  cpuRatio: 3,
  latenessP99Ms: 1_000,
  cores: 1,
};

export const serviceId = (s: number) => `svc-${String(s).padStart(4, '0')}`;
export const monitorId = (i: number) => `m${String(i).padStart(5, '0')}`;

export function probingConfigYaml(monitors: number, intervalMs: number, origin: string): string {
  const interval = `${intervalMs / 1000}s`;
  const lines = ['timezone: UTC', 'retention: { checks: 35d }', 'services:'];
  for (let s = 0; s * monitorsPerService < monitors; s++) {
    lines.push(`  - id: ${serviceId(s)}`, '    monitors:');
    for (let i = s * monitorsPerService; i < Math.min(monitors, (s + 1) * monitorsPerService); i++) {
      lines.push(
        `      - { id: ${monitorId(i)}, type: http, url: "${origin}/m/${i}", interval: ${interval}, ` +
          `timeout: ${probeTimeout}, confirm: 1 }`,
      );
    }
    lines.push(
      '    claims:',
      '      - { id: availability, metric: availability, min: 99.9% }',
      '      - { id: latency, metric: latency, percentile: 95, max: 800ms }',
    );
  }
  return `${lines.join('\n')}\n`;
}
