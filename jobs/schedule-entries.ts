// The scheduler's record of each monitor it runs: where it stands on its grid (jobs/monitor-schedule.ts),
// its armed timer, its run in flight and, for a push monitor, its push state. A new monitor set
// replaces the records of changed monitors only, so the others keep their phase.
import type { MonitorConfig } from './probes/probe-settings.ts';
import { nextRunMs, stableOffsetMs } from './monitor-schedule.ts';
import type { PushState } from './push-evaluation.ts';

export interface ScheduledMonitor {
  serviceId: string;
  monitor: MonitorConfig;
}

export interface Entry {
  scheduled: ScheduledMonitor;
  /** Settings and spec as JSON: a reload restarts a monitor only when this changes. */
  signature: string;
  offsetMs: number;
  nextDueMs: number;
  timer: NodeJS.Timeout | null;
  inFlight: AbortController | null;
  push: PushState | null;
}

export interface EntryChanges {
  added: number;
  changed: number;
  removed: number;
}

function newEntry(scheduled: ScheduledMonitor, signature: string, location: string, nowMs: number): Entry {
  const { monitor } = scheduled;
  const offsetMs = stableOffsetMs(`${monitor.id}@${location}`, monitor.intervalMs);
  return {
    scheduled,
    signature,
    offsetMs,
    nextDueMs: nextRunMs(nowMs, monitor.intervalMs, offsetMs),
    timer: null,
    inFlight: null,
    push: monitor.type === 'push' ? { lastPushMs: nowMs, lastOverdueMs: null } : null,
  };
}

/**
 * Makes `entries` hold exactly the monitors of `list`: removed ones are disarmed and their runs
 * aborted; a changed one starts afresh but keeps its run in flight (so it still never overlaps
 * itself) and its push state.
 */
export function replaceEntries(
  entries: Map<string, Entry>,
  list: readonly ScheduledMonitor[],
  location: string,
  nowMs: number,
): EntryChanges {
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
    const entry = newEntry(scheduled, signature, location, nowMs);
    if (existing) {
      entry.inFlight = existing.inFlight;
      if (existing.push && entry.push) entry.push = existing.push;
    }
    entries.set(scheduled.monitor.id, entry);
  }
  return counts;
}
