// Every probe's scheduling lateness over the whole measured window (the scheduler's own
// LatenessWindow keeps only its last 4096). A probe starts in the same synchronous step in which
// the scheduler takes its start time, so the lateness is recomputed at runProbe's call from the
// monitor's grid (jobs/monitor-schedule.ts: stable offset + k × interval): the latest grid point at
// or before now. A timer may fire a millisecond before its due time (Date.now and the timers'
// clock round differently): within earlyToleranceMs of the next grid point counts as early
// (negative), as the scheduler's own window records it. Right while lateness < interval − that.
import { nextRunMs, stableOffsetMs } from '../../jobs/monitor-schedule.ts';

const earlyToleranceMs = 50;

export interface LatenessSummary {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface LatenessLog {
  /** The lateness of a probe starting at nowMs; settings is the monitor object the scheduler was given. */
  observe(settings: object, nowMs: number): void;
  /** Forgets what was observed (end of warm-up). */
  reset(): void;
  summary(): LatenessSummary;
}

export function createLatenessLog(
  monitors: readonly { id: string; intervalMs: number }[],
  location: string,
): LatenessLog {
  // Keyed by the very monitor objects the scheduler passes to runProbe (the config's), and
  // precomputed, so the hashing is not charged to the measured window.
  const grids = new Map<object, { intervalMs: number; offsetMs: number }>(
    monitors.map((m) => [
      m,
      { intervalMs: m.intervalMs, offsetMs: stableOffsetMs(`${m.id}@${location}`, m.intervalMs) },
    ]),
  );
  let values: number[] = [];
  let unknown = 0;
  return {
    observe(settings, nowMs) {
      const grid = grids.get(settings);
      if (!grid) return void unknown++;
      const late = nowMs - nextRunMs(nowMs - grid.intervalMs, grid.intervalMs, grid.offsetMs);
      values.push(late > grid.intervalMs - earlyToleranceMs ? late - grid.intervalMs : late);
    },
    reset() {
      values = [];
    },
    summary() {
      if (unknown > 0) throw new Error(`${unknown} probes of monitors the lateness log does not know`);
      return summarize(values);
    },
  };
}

/** Nearest-rank percentiles (as jobs/lateness-window.ts computes them). */
export function summarize(values: readonly number[]): LatenessSummary {
  if (values.length === 0) return { count: 0, p50Ms: null, p99Ms: null, maxMs: null };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)]!;
  return { count: sorted.length, p50Ms: rank(50), p99Ms: rank(99), maxMs: sorted[sorted.length - 1]! };
}
