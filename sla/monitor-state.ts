// SPEC §2.3: a monitor probed from several locations is down while at least `quorum` locations
// are in a confirmed down period, up while fewer than `quorum` are down or unknown, else unknown.
import type { MonitorSpec } from './model.ts';
import type { Segment } from './segments.ts';
import { combineTimelines, kthSmallest } from './combine-timelines.ts';

/** locationTimelines: one per configured location (missing ones count as unknown throughout). */
export function monitorTimeline(
  monitor: Pick<MonitorSpec, 'quorum' | 'locations'>,
  locationTimelines: readonly (readonly Segment[])[],
  fromMs: number,
  toMs: number,
): Segment[] {
  const locationCount = Math.max(monitor.locations.length, 1);
  const inputs = [...locationTimelines];
  while (inputs.length < locationCount) inputs.push([]);
  return combineTimelines(inputs, fromMs, toMs, (states) => {
    const downKnownAt: number[] = [];
    let unknown = 0;
    for (const s of states) {
      if (s === null || s.state === 'unknown') unknown++;
      else if (s.state === 'down') downKnownAt.push(s.knownAtMs!);
    }
    if (downKnownAt.length >= monitor.quorum) {
      // Rule 5 of the README: known once the quorum-th location knew.
      return { state: 'down', knownAtMs: kthSmallest(downKnownAt, monitor.quorum) };
    }
    return downKnownAt.length + unknown < monitor.quorum ? { state: 'up' } : { state: 'unknown' };
  });
}

/** A majority of the locations: ⌊n/2⌋ + 1. */
export function defaultQuorum(locationCount: number): number {
  return Math.floor(Math.max(locationCount, 1) / 2) + 1;
}
