// One monitor location during an ingest. Its checks fold inline from the saved fold state while
// each comes later than the last one folded (sla/location-fold.ts); a check at or before that
// (an import into the past, or a second result at one instant) turns the track into a refold of
// the location from the raw checks in the store (pipeline/refold-from-raw.ts).
import type { Check, MonitorSpec } from '../sla/model.ts';
import type { LocationSegment, Segment } from '../sla/segments.ts';
import {
  foldChecks,
  initialFoldState,
  joinSegments,
  tailSegments,
  tailStartMs,
  type FoldParams,
  type LocationFoldState,
} from '../sla/location-fold.ts';
import type { LocationStateRow, TimelineUpdate } from '../db/store.ts';

export interface InlineTrack {
  mode: 'inline';
  monitorId: string;
  location: string;
  params: FoldParams;
  state: LocationFoldState;
  /** Where the stored timeline is replaced from: the start of the saved state's open tail. */
  replaceFromMs: number;
  closed: Segment[];
  firstMs: number;
  /** The stored tail segments before this ingest; null for a location with no saved state. */
  tailBefore: Segment[] | null;
}

export interface RefoldTrack {
  mode: 'refold';
  monitorId: string;
  location: string;
  params: FoldParams;
  fromMs: number;
}

export type LocationTrack = InlineTrack | RefoldTrack;

export const locationKey = (monitorId: string, location: string) => `${monitorId}\u0000${location}`;

/** The track of a location's first check in this ingest, from its saved fold state if any. */
export function trackLocation(check: Check, monitor: MonitorSpec, saved: LocationStateRow | undefined): LocationTrack {
  const params = { intervalMs: monitor.intervalMs, confirm: monitor.confirm };
  if (saved && check.timeMs <= saved.lastCheckMs) {
    return { mode: 'refold', monitorId: check.monitorId, location: check.location, params, fromMs: check.timeMs };
  }
  const state = saved ? (JSON.parse(saved.stateJson) as LocationFoldState) : initialFoldState();
  const replaceFromMs = tailStartMs(state) ?? Number.MIN_SAFE_INTEGER;
  const tailBefore = saved ? tailSegments(state, params) : null;
  return {
    mode: 'inline',
    monitorId: check.monitorId,
    location: check.location,
    params,
    state,
    replaceFromMs,
    closed: [],
    firstMs: check.timeMs,
    tailBefore,
  };
}

/** Folds one location's checks of a batch (in arrival order) into its track. */
export function foldInto(track: LocationTrack, checks: readonly Check[]): LocationTrack {
  if (track.mode === 'refold') {
    for (const c of checks) track.fromMs = Math.min(track.fromMs, c.timeMs);
    return track;
  }
  let lastMs = track.state.lastCheck?.timeMs ?? Number.NEGATIVE_INFINITY;
  for (const c of checks) {
    // Out of order (or a second result at one instant, which the store resolves last-wins):
    // rebuild this location from the raw checks instead.
    if (c.timeMs <= lastMs) {
      const fromMs = checks.reduce((min, x) => Math.min(min, x.timeMs), track.firstMs);
      return { mode: 'refold', monitorId: track.monitorId, location: track.location, params: track.params, fromMs };
    }
    lastMs = c.timeMs;
  }
  const result = foldChecks(track.state, checks, track.params);
  track.state = result.state;
  for (const s of result.closed) track.closed.push(s);
  return track;
}

/** A location's timeline from where its fold restarted: the segments it closed, then its open tail. */
export function locationSegments(
  monitorId: string,
  location: string,
  closed: readonly Segment[],
  state: LocationFoldState,
  params: FoldParams,
): LocationSegment[] {
  return joinSegments([...closed, ...tailSegments(state, params)]).map((s) => ({ ...s, monitorId, location }));
}

/** The saved row of a location's fold state; the fold has taken at least one check. */
export function foldStateRow(monitorId: string, location: string, state: LocationFoldState): LocationStateRow {
  return { monitorId, location, lastCheckMs: state.lastCheck!.timeMs, stateJson: JSON.stringify(state) };
}

/** The stored timeline tail and fold state an inline track leaves behind. */
export function timelineUpdate(track: InlineTrack): TimelineUpdate {
  const { monitorId, location, state } = track;
  return {
    fromMs: track.replaceFromMs,
    segments: locationSegments(monitorId, location, track.closed, state, track.params),
    state: foldStateRow(monitorId, location, state),
  };
}

/** The earliest instant an inline track rewrote its location's timeline from. */
export function inlineRewriteFromMs(track: InlineTrack): number {
  return Math.min(track.firstMs, track.replaceFromMs === Number.MIN_SAFE_INTEGER ? track.firstMs : track.replaceFromMs);
}
