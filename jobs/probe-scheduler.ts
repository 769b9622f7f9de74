// Runs every monitor at its own interval and stable offset (jobs/monitor-schedule.ts). A tick
// (driven each second by node-cron) arms a precise timer for each monitor due before the next
// tick; a monitor never overlaps itself (a run still in flight makes it skip, counted); every
// probe has a hard deadline; a global limit caps probes in flight. Results become checks in the
// recorder, the same path as imports.
import type { Check } from '../sla/model.ts';
import type { MonitorConfig, MonitorSettings } from './probes/probe-settings.ts';
import type { ProbeContext, ProbeResult } from './probes/probe.ts';
import type { CheckRecorder } from './check-recorder.ts';
import type { ConcurrencyLimit } from './concurrency-limit.ts';
import { nextRunMs, stableOffsetMs } from './monitor-schedule.ts';
import { overdueCheckAtMs, type PushState } from './push-evaluation.ts';
import { createLatenessWindow, type LatenessWindow } from './lateness-window.ts';

export interface ScheduledMonitor {
  serviceId: string;
  monitor: MonitorConfig;
}

export type ActiveSettings = Exclude<MonitorSettings, { type: 'push' }>;

export interface ProbeSchedulerOptions {
  location: string;
  runProbe: (settings: ActiveSettings, ctx: ProbeContext) => Promise<ProbeResult>;
  recorder: CheckRecorder;
  limit: ConcurrencyLimit;
  clock: { nowMs(): number; monotonicMs(): number };
  onResult?: (scheduled: ScheduledMonitor, result: ProbeResult) => void;
  /** How far ahead a tick arms timers; a little over the tick period so no run falls between. */
  lookaheadMs?: number;
}

interface Entry {
  scheduled: ScheduledMonitor;
  /** Settings and spec as JSON: a reload restarts a monitor only when this changes. */
  signature: string;
  offsetMs: number;
  nextDueMs: number;
  timer: NodeJS.Timeout | null;
  inFlight: AbortController | null;
  push: PushState | null;
}

export interface ProbeScheduler {
  /** Replaces the monitor set; unchanged monitors keep their phase, in-flight runs and push state. */
  setMonitors(list: readonly ScheduledMonitor[]): { added: number; changed: number; removed: number };
  tick(): void;
  /** After a restart: where a push monitor stood (its last recorded check), so overdue is judged from it. */
  seedPush(monitorId: string, lastCheck: { timeMs: number; status: 'up' | 'down' }): void;
  /** A push arrived (POST /api/v1/push/:token). */
  recordPush(
    monitorId: string,
    push: { timeMs: number; status: 'up' | 'down'; latencyMs: number | null; message: string | null },
  ): boolean;
  /** Stops scheduling; waits for in-flight probes up to graceMs, then aborts the rest (their time stays unknown). */
  stop(graceMs: number): Promise<void>;
  readonly lateness: LatenessWindow;
  readonly skippedOverlaps: number;
}

export function createProbeScheduler(options: ProbeSchedulerOptions): ProbeScheduler {
  const { clock, recorder } = options;
  const lookaheadMs = options.lookaheadMs ?? 1500;
  const entries = new Map<string, Entry>();
  const lateness = createLatenessWindow(4096);
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let skippedOverlaps = 0;

  const record = (scheduled: ScheduledMonitor, timeMs: number, result: ProbeResult) => {
    const check: Check = {
      monitorId: scheduled.monitor.id,
      location: options.location,
      timeMs,
      status: result.ok ? 'up' : 'down',
      latencyMs: result.latencyMs === null ? null : Math.round(result.latencyMs),
      detail: result.ok ? null : `${result.errorClass}: ${result.message}`,
    };
    recorder.record(check);
    options.onResult?.(scheduled, result);
  };

  const fire = (entry: Entry, dueMs: number) => {
    entry.timer = null;
    entry.nextDueMs = nextRunMs(dueMs, entry.scheduled.monitor.intervalMs, entry.offsetMs);
    if (stopped) return;
    if (entry.inFlight) {
      skippedOverlaps++;
      return;
    }
    const settings = entry.scheduled.monitor as ActiveSettings & MonitorConfig;
    const controller = new AbortController();
    entry.inFlight = controller;
    const run = options.limit
      .run(async () => {
        const startedMs = clock.nowMs();
        lateness.add(startedMs - dueMs);
        const deadline = setTimeout(() => controller.abort(new Error('probe deadline')), settings.timeoutMs);
        try {
          const result = await options.runProbe(settings, {
            signal: controller.signal,
            monotonicMs: clock.monotonicMs,
            nowMs: clock.nowMs,
          });
          // Aborted by shutdown: not a verdict on the target; its time stays unknown.
          if (!stopped || !controller.signal.aborted) record(entry.scheduled, startedMs, result);
        } finally {
          clearTimeout(deadline);
        }
      })
      .finally(() => {
        if (entry.inFlight === controller) entry.inFlight = null;
        inFlight.delete(run);
      });
    inFlight.add(run);
  };

  const armTimers = (nowMs: number) => {
    for (const entry of entries.values()) {
      if (entry.push || entry.timer || entry.nextDueMs > nowMs + lookaheadMs) continue;
      const dueMs = entry.nextDueMs;
      entry.timer = setTimeout(() => fire(entry, dueMs), Math.max(0, dueMs - nowMs));
    }
  };

  const evaluatePushes = (nowMs: number) => {
    for (const entry of entries.values()) {
      if (!entry.push || entry.scheduled.monitor.type !== 'push') continue;
      const m = entry.scheduled.monitor;
      const atMs = overdueCheckAtMs(entry.push, m.expectEveryMs + m.graceMs, nowMs);
      if (atMs === null) continue;
      entry.push.lastOverdueMs = atMs;
      record(entry.scheduled, atMs, {
        ok: false,
        latencyMs: null,
        errorClass: 'push_overdue',
        message: `no push since ${new Date(entry.push.lastPushMs).toISOString()}`,
        detail: {},
      });
    }
  };

  const newEntry = (scheduled: ScheduledMonitor, signature: string, nowMs: number): Entry => {
    const { monitor } = scheduled;
    const offsetMs = stableOffsetMs(`${monitor.id}@${options.location}`, monitor.intervalMs);
    return {
      scheduled,
      signature,
      offsetMs,
      nextDueMs: nextRunMs(nowMs, monitor.intervalMs, offsetMs),
      timer: null,
      inFlight: null,
      push: monitor.type === 'push' ? { lastPushMs: nowMs, lastOverdueMs: null } : null,
    };
  };

  return {
    setMonitors(list) {
      const nowMs = clock.nowMs();
      const counts = { added: 0, changed: 0, removed: 0 };
      const next = new Set(list.map((s) => s.monitor.id));
      for (const [id, entry] of entries) {
        if (next.has(id)) continue;
        if (entry.timer) clearTimeout(entry.timer);
        entry.inFlight?.abort(new Error('monitor removed'));
        entries.delete(id);
        counts.removed++;
      }
      for (const scheduled of list) {
        const signature = JSON.stringify([scheduled.serviceId, scheduled.monitor]);
        const existing = entries.get(scheduled.monitor.id);
        if (existing?.signature === signature) continue;
        if (existing) {
          if (existing.timer) clearTimeout(existing.timer);
          counts.changed++;
        } else counts.added++;
        const entry = newEntry(scheduled, signature, nowMs);
        if (existing) {
          entry.inFlight = existing.inFlight;
          if (existing.push && entry.push) entry.push = existing.push;
        }
        entries.set(scheduled.monitor.id, entry);
      }
      armTimers(nowMs);
      return counts;
    },
    tick() {
      if (stopped) return;
      const nowMs = clock.nowMs();
      evaluatePushes(nowMs);
      armTimers(nowMs);
    },
    seedPush(monitorId, lastCheck) {
      const entry = entries.get(monitorId);
      if (!entry?.push) return;
      // A down check of a push monitor is an overdue verdict: keep repeating from it.
      entry.push =
        lastCheck.status === 'up'
          ? { lastPushMs: lastCheck.timeMs, lastOverdueMs: null }
          : { lastPushMs: entry.push.lastPushMs, lastOverdueMs: lastCheck.timeMs };
    },
    recordPush(monitorId, push) {
      const entry = entries.get(monitorId);
      if (!entry?.push) return false;
      entry.push = { lastPushMs: push.timeMs, lastOverdueMs: null };
      const result: ProbeResult =
        push.status === 'up'
          ? { ok: true, latencyMs: push.latencyMs, detail: {} }
          : {
              ok: false,
              latencyMs: push.latencyMs,
              errorClass: 'push_overdue',
              message: push.message ?? 'the job pushed status down',
              detail: {},
            };
      record(entry.scheduled, push.timeMs, result);
      return true;
    },
    async stop(graceMs) {
      stopped = true;
      for (const entry of entries.values()) if (entry.timer) clearTimeout(entry.timer);
      const all = Promise.allSettled([...inFlight]);
      const timedOut = await Promise.race([
        all.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
      ]);
      if (timedOut) {
        for (const entry of entries.values()) entry.inFlight?.abort(new Error('shutting down'));
        await all;
      }
    },
    lateness,
    get skippedOverlaps() {
      return skippedOverlaps;
    },
  };
}
