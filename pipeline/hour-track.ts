// A monitor's hourly rollups during an ingest. Inline: checks of hours after its latest stored
// rollup are rolled up as they come; the latest stored hour itself is appended to (`base`) when the
// new checks are new to it — which holds when each of their locations folds inline (later than its
// last check, in order) — and its up checks follow the stored ones. Otherwise the hours are rolled
// up again from the raw checks (pipeline/refold-from-raw.ts).
import type { Check } from '../sla/model.ts';
import { appendRollup, hourOf, rollupChecks, type CheckRollup } from '../sla/rollup.ts';
import { locationKey, type LocationTrack } from './location-track.ts';

export type HourTrack =
  | { mode: 'inline'; hourMs: number; hourChecks: Check[]; base: CheckRollup | null; fromMs: number; toMs: number }
  | { mode: 'reroll'; fromMs: number; toMs: number };

type InlineHours = HourTrack & { mode: 'inline' };

/** An appended rollup of a stored hour, written only if its checks' locations all folded inline. */
interface PendingAppend {
  rollup: CheckRollup;
  locationKeys: Set<string>;
}

/** Rollups waiting to be written, and, per monitor, appends to stored hours waiting for the folds' verdict. */
export interface RollupQueue {
  ready: CheckRollup[];
  appends: Map<string, PendingAppend[]>;
}

/** The hours of a monitor's first check in this ingest, next to its latest stored rollup. */
export function startHourTrack(check: Check, latest: CheckRollup | undefined): HourTrack {
  const hourMs = hourOf(check.timeMs);
  if (latest && hourMs < latest.hourMs) return { mode: 'reroll', fromMs: check.timeMs, toMs: check.timeMs };
  const base = latest?.hourMs === hourMs ? latest : null;
  return { mode: 'inline', hourMs, hourChecks: [], base, fromMs: check.timeMs, toMs: check.timeMs };
}

/** The rollup of an inline track's current hour, appended to its stored base when it has one. */
function closeHour(monitorId: string, track: InlineHours, queue: RollupQueue): HourTrack {
  if (track.hourChecks.length === 0) return track;
  const [fresh] = rollupChecks(track.hourChecks);
  if (!track.base) {
    queue.ready.push(fresh!);
    return track;
  }
  const appended = appendRollup(track.base, fresh!);
  if (!appended) return { mode: 'reroll', fromMs: track.fromMs, toMs: track.toMs };
  const locationKeys = new Set(track.hourChecks.map((c) => locationKey(c.monitorId, c.location)));
  queue.appends.set(monitorId, [...(queue.appends.get(monitorId) ?? []), { rollup: appended, locationKeys }]);
  return track;
}

/** Takes one check into its monitor's hours; a check of an earlier hour falls back to rolling up again. */
export function trackHour(track: HourTrack, check: Check, queue: RollupQueue): HourTrack {
  track.fromMs = Math.min(track.fromMs, check.timeMs);
  track.toMs = Math.max(track.toMs, check.timeMs);
  if (track.mode === 'reroll') return track;
  const hourMs = hourOf(check.timeMs);
  if (hourMs < track.hourMs) return { mode: 'reroll', fromMs: track.fromMs, toMs: track.toMs };
  if (hourMs > track.hourMs) {
    const closed = closeHour(check.monitorId, track, queue);
    if (closed.mode === 'reroll') return closed;
    track.hourMs = hourMs;
    track.hourChecks = [];
    track.base = null;
  }
  track.hourChecks.push(check);
  return track;
}

/**
 * At the end of an ingest: closes every inline monitor's current hour, then queues each append to a
 * stored hour whose checks' locations all folded inline; a monitor with one that did not rolls its
 * hours up again, from the earliest appended hour.
 */
export function settleHours(
  hours: Map<string, HourTrack>,
  queue: RollupQueue,
  locations: ReadonlyMap<string, LocationTrack>,
): void {
  for (const [monitorId, track] of hours) {
    if (track.mode === 'inline') hours.set(monitorId, closeHour(monitorId, track, queue));
  }
  for (const [monitorId, appends] of queue.appends) {
    const inline = appends.every((a) => [...a.locationKeys].every((key) => locations.get(key)?.mode === 'inline'));
    const track = hours.get(monitorId)!;
    if (inline && track.mode === 'inline') queue.ready.push(...appends.map((a) => a.rollup));
    else
      hours.set(monitorId, {
        mode: 'reroll',
        fromMs: Math.min(track.fromMs, ...appends.map((a) => a.rollup.hourMs)),
        toMs: track.toMs,
      });
  }
}
