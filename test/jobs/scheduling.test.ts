// Scheduling rules: stable offsets spread monitors evenly over their interval, the next run lies
// on the monitor's own grid, a monitor never overlaps itself, and the global limit holds.
import { describe, expect, it } from 'vitest';
import { nextRunMs, stableOffsetMs } from '../../jobs/monitor-schedule.ts';
import { createConcurrencyLimit } from '../../jobs/concurrency-limit.ts';
import { createProbeScheduler } from '../../jobs/probe-scheduler.ts';
import type { ScheduledMonitor } from '../../jobs/schedule-entries.ts';
import type { CheckRecorder } from '../../jobs/check-recorder.ts';
import type { Check } from '../../sla/model.ts';
import type { MonitorConfig } from '../../jobs/probes/probe-settings.ts';

describe('monitor schedule', () => {
  it('spreads 10,000 monitors of one interval evenly over it', () => {
    // 60 buckets of one second: a uniform spread puts 10,000 / 60 ≈ 167 in each; allow ±30 %.
    const buckets = new Array(60).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(stableOffsetMs(`monitor-${i}@local`, 60_000) / 1000)]++;
    expect(Math.min(...buckets)).toBeGreaterThan(167 * 0.7);
    expect(Math.max(...buckets)).toBeLessThan(167 * 1.3);
  });

  it('keeps a monitor on its own grid: offset + k × interval, strictly after the given time', () => {
    // interval 30 s, offset 7 s: the grid is …, 7, 37, 67, … s.
    expect(nextRunMs(0, 30_000, 7_000)).toBe(7_000);
    expect(nextRunMs(7_000, 30_000, 7_000)).toBe(37_000);
    expect(nextRunMs(36_999, 30_000, 7_000)).toBe(37_000);
    expect(stableOffsetMs('web@local', 30_000)).toBe(stableOffsetMs('web@local', 30_000));
  });
});

describe('concurrency limit', () => {
  it('never runs more than its limit at once and runs everything', async () => {
    const limit = createConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limit.run(task)));
    expect(peak).toBe(3);
    expect(limit.active).toBe(0);
  });
});

describe('probe scheduler', () => {
  it('skips a run while the previous one of the same monitor is still in flight', async () => {
    const checks: Check[] = [];
    const recorder: CheckRecorder = { record: (c) => void checks.push(c), flush: async () => {}, buffered: 0 };
    let calls = 0;
    const scheduler = createProbeScheduler({
      location: 'local',
      // Each probe takes 250 ms against an interval of 100 ms (and a deadline of 1 s).
      runProbe: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 250));
        return { ok: true, latencyMs: 250, detail: {} };
      },
      recorder,
      limit: createConcurrencyLimit(10),
      clock: { nowMs: Date.now, monotonicMs: () => performance.now() },
      lookaheadMs: 150,
    });
    const monitor = {
      id: 'slow',
      type: 'tcp',
      intervalMs: 100,
      confirm: 1,
      locations: ['local'],
      quorum: 1,
      host: '127.0.0.1',
      port: 9,
      timeoutMs: 1000,
    } as MonitorConfig;
    scheduler.setMonitors([{ serviceId: 's', monitor } satisfies ScheduledMonitor]);
    const ticker = setInterval(() => scheduler.tick(), 50);
    await new Promise((r) => setTimeout(r, 1100));
    clearInterval(ticker);
    await scheduler.stop(1000);
    // About 11 runs were due in 1.1 s; each of the ~4 that ran covered two or three of them.
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(calls).toBeLessThanOrEqual(5);
    expect(scheduler.skippedOverlaps).toBeGreaterThanOrEqual(5);
    expect(checks).toHaveLength(calls);
  });
});
