// SPEC §2.4 and §2.8: the service's three-valued state from its monitors' states by `down_when`,
// with the monitors that have not been checked yet left out and `history_from` filling the time
// before monitoring began.
import type { DownWhen } from './model.ts';
import type { Segment } from './segments.ts';
import { combineTimelines, kthSmallest, type CombinedState } from './combine-timelines.ts';

export interface MonitorTimelineInput {
  timeline: readonly Segment[];
  /** The monitor's first check at any location; null when it has none yet. */
  firstCheckMs: number | null;
}

export interface ServiceStateInput {
  downWhen: DownWhen;
  historyFromMs: number | null;
  monitors: readonly MonitorTimelineInput[];
}

export function serviceTimeline(input: ServiceStateInput, fromMs: number, toMs: number): Segment[] {
  const firstChecks = input.monitors.map((m) => m.firstCheckMs).filter((t): t is number => t !== null);
  const serviceFirstCheckMs = firstChecks.length > 0 ? Math.min(...firstChecks) : null;
  const extra = [...firstChecks, ...(input.historyFromMs === null ? [] : [input.historyFromMs])];
  return combineTimelines(
    input.monitors.map((m) => m.timeline),
    fromMs,
    toMs,
    (states, atMs) => {
      // A monitor takes part from its first check on (README rule 4).
      const taking = states.filter((_, i) => {
        const first = input.monitors[i]!.firstCheckMs;
        return first !== null && atMs >= first;
      });
      if (taking.length === 0 || serviceFirstCheckMs === null || atMs < serviceFirstCheckMs) {
        return beforeMonitoring(input.historyFromMs, atMs);
      }
      return combineMonitorStates(input.downWhen, taking);
    },
    extra,
  );
}

/** SPEC §2.8: from history_from until the first check the incident record is complete. */
function beforeMonitoring(historyFromMs: number | null, atMs: number): CombinedState {
  return historyFromMs !== null && atMs >= historyFromMs ? { state: 'up' } : { state: 'unknown' };
}

export function combineMonitorStates(downWhen: DownWhen, states: readonly (Segment | null)[]): CombinedState {
  const downKnownAt: number[] = [];
  let up = 0;
  let unknown = 0;
  for (const s of states) {
    if (s === null || s.state === 'unknown') unknown++;
    else if (s.state === 'down') downKnownAt.push(s.knownAtMs!);
    else up++;
  }
  const n = states.length;
  if (downWhen === 'any') {
    if (downKnownAt.length > 0) return { state: 'down', knownAtMs: Math.min(...downKnownAt) };
    return unknown > 0 ? { state: 'unknown' } : { state: 'up' };
  }
  if (downWhen === 'all') {
    if (downKnownAt.length === n) return { state: 'down', knownAtMs: Math.max(...downKnownAt) };
    return up > 0 ? { state: 'up' } : { state: 'unknown' };
  }
  if (downKnownAt.length >= downWhen) return { state: 'down', knownAtMs: kthSmallest(downKnownAt, downWhen) };
  return downKnownAt.length + unknown < downWhen ? { state: 'up' } : { state: 'unknown' };
}
