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
import { nextRunMs } from './monitor-schedule.ts';
import { overdueCheckAtMs, overdueResult, pushedResult, resumedPushState, type Push } from './push-evaluation.ts';
import { createLatenessWindow, type LatenessWindow } from './lateness-window.ts';
import { replaceEntries, type Entry, type EntryChanges, type ScheduledMonitor } from './schedule-entries.ts';

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

export interface ProbeScheduler {
  /** Replaces the monitor set; unchanged monitors keep their phase, in-flight runs and push state. */
  setMonitors(list: readonly ScheduledMonitor[]): EntryChanges;
  tick(): void;
  /** After a restart: where a push monitor stood (its last recorded check), so overdue is judged from it. */
  seedPush(monitorId: string, lastCheck: { timeMs: number; status: 'up' | 'down' }): void;
  /** A push arrived (POST /api/v1/push/:token). */
  recordPush(monitorId: string, push: Push): boolean;
  /** Stops scheduling; waits for in-flight probes up to graceMs, then aborts the rest (their time stays unknown). */
  stop(graceMs: number): Promise<void>;
  readonly lateness: LatenessWindow;
  readonly skippedOverlaps: number;
}

/** What one scheduler holds between ticks. */
interface Scheduling {
  options: ProbeSchedulerOptions;
  lookaheadMs: number;
  entries: Map<string, Entry>;
  lateness: LatenessWindow;
  inFlight: Set<Promise<void>>;
  stopped: boolean;
  skippedOverlaps: number;
}

export function createProbeScheduler(options: ProbeSchedulerOptions): ProbeScheduler {
  const s: Scheduling = {
    options,
    lookaheadMs: options.lookaheadMs ?? 1500,
    entries: new Map(),
    lateness: createLatenessWindow(4096),
    inFlight: new Set(),
    stopped: false,
    skippedOverlaps: 0,
  };
  return {
    setMonitors(list) {
      const nowMs = options.clock.nowMs();
      const counts = replaceEntries(s.entries, list, options.location, nowMs);
      armTimers(s, nowMs);
      return counts;
    },
    tick() {
      if (s.stopped) return;
      const nowMs = options.clock.nowMs();
      evaluatePushes(s, nowMs);
      armTimers(s, nowMs);
    },
    seedPush(monitorId, lastCheck) {
      const entry = s.entries.get(monitorId);
      if (entry?.push) entry.push = resumedPushState(entry.push, lastCheck);
    },
    recordPush: (monitorId, push) => recordPush(s, monitorId, push),
    stop: (graceMs) => stopScheduling(s, graceMs),
    lateness: s.lateness,
    get skippedOverlaps() {
      return s.skippedOverlaps;
    },
  };
}

/** A probe result as the check it records: a failure keeps its class and message as the detail. */
function checkOf(monitorId: string, location: string, timeMs: number, result: ProbeResult): Check {
  return {
    monitorId,
    location,
    timeMs,
    status: result.ok ? 'up' : 'down',
    latencyMs: result.latencyMs === null ? null : Math.round(result.latencyMs),
    detail: result.ok ? null : `${result.errorClass}: ${result.message}`,
  };
}

function record(s: Scheduling, scheduled: ScheduledMonitor, timeMs: number, result: ProbeResult): void {
  s.options.recorder.record(checkOf(scheduled.monitor.id, s.options.location, timeMs, result));
  s.options.onResult?.(scheduled, result);
}

/** Arms a timer for every active monitor due before the next tick (and a little after). */
function armTimers(s: Scheduling, nowMs: number): void {
  for (const entry of s.entries.values()) {
    if (entry.push || entry.timer || entry.nextDueMs > nowMs + s.lookaheadMs) continue;
    const dueMs = entry.nextDueMs;
    entry.timer = setTimeout(() => fire(s, entry, dueMs), Math.max(0, dueMs - nowMs));
  }
}

/** A monitor's timer went off: moves it on its grid and starts its probe unless one is still running. */
function fire(s: Scheduling, entry: Entry, dueMs: number): void {
  entry.timer = null;
  entry.nextDueMs = nextRunMs(dueMs, entry.scheduled.monitor.intervalMs, entry.offsetMs);
  if (s.stopped) return;
  if (entry.inFlight) {
    s.skippedOverlaps++;
    return;
  }
  const controller = new AbortController();
  entry.inFlight = controller;
  const run = s.options.limit
    .run(() => probeOnce(s, entry, dueMs, controller))
    .finally(() => {
      if (entry.inFlight === controller) entry.inFlight = null;
      s.inFlight.delete(run);
    });
  s.inFlight.add(run);
}

/** One probe under its deadline, once the limit lets it start; its lateness counts from then. */
async function probeOnce(s: Scheduling, entry: Entry, dueMs: number, controller: AbortController): Promise<void> {
  const { clock, runProbe } = s.options;
  const settings = entry.scheduled.monitor as ActiveSettings & MonitorConfig;
  const startedMs = clock.nowMs();
  s.lateness.add(startedMs - dueMs);
  const deadline = setTimeout(() => controller.abort(new Error('probe deadline')), settings.timeoutMs);
  try {
    const ctx = { signal: controller.signal, monotonicMs: clock.monotonicMs, nowMs: clock.nowMs };
    const result = await runProbe(settings, ctx);
    // Aborted by shutdown: not a verdict on the target; its time stays unknown.
    if (!s.stopped || !controller.signal.aborted) record(s, entry.scheduled, startedMs, result);
  } finally {
    clearTimeout(deadline);
  }
}

/** Records an overdue check for each push monitor whose job has not pushed in time (SPEC §1). */
function evaluatePushes(s: Scheduling, nowMs: number): void {
  for (const entry of s.entries.values()) {
    if (!entry.push || entry.scheduled.monitor.type !== 'push') continue;
    const m = entry.scheduled.monitor;
    const atMs = overdueCheckAtMs(entry.push, m.expectEveryMs + m.graceMs, nowMs);
    if (atMs === null) continue;
    entry.push.lastOverdueMs = atMs;
    record(s, entry.scheduled, atMs, overdueResult(entry.push.lastPushMs));
  }
}

/** A push restarts its monitor's overdue clock and is recorded as its check; false for no such push monitor. */
function recordPush(s: Scheduling, monitorId: string, push: Push): boolean {
  const entry = s.entries.get(monitorId);
  if (!entry?.push) return false;
  entry.push = { lastPushMs: push.timeMs, lastOverdueMs: null };
  record(s, entry.scheduled, push.timeMs, pushedResult(push));
  return true;
}

async function stopScheduling(s: Scheduling, graceMs: number): Promise<void> {
  s.stopped = true;
  for (const entry of s.entries.values()) if (entry.timer) clearTimeout(entry.timer);
  const all = Promise.allSettled([...s.inFlight]);
  const timedOut = await Promise.race([
    all.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
  ]);
  if (timedOut) {
    for (const entry of s.entries.values()) entry.inFlight?.abort(new Error('shutting down'));
    await all;
  }
}
