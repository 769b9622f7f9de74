// SPEC §2 rules 1 and 2 for one monitor location: sample and hold, and confirmation with a
// backdated start. A fold over the location's checks in time order, so the live pipeline (one
// check at a time) and an import (millions at once) run the same code. Only state changes become
// segments, so a year of steady checks is a handful of rows.
import type { Check, CheckStatus } from './model.ts';
import type { Segment } from './segments.ts';

export interface FoldParams {
  intervalMs: number;
  confirm: number;
}

/** A piece of held time inside an unconfirmed failing run: its state is decided when the run ends. */
interface PendingPiece {
  startMs: number;
  endMs: number;
  failing: boolean;
}

export interface LocationFoldState {
  lastCheck: { timeMs: number; status: CheckStatus } | null;
  /** The failing run the last check belongs to. */
  run: { startMs: number; count: number; knownAtMs: number | null } | null;
  /** Held time of an unconfirmed run, oldest first (failing holds and the unknown gaps between). */
  pending: PendingPiece[];
  /** The last finished segment; kept open so that equal neighbours merge into one. */
  open: Segment | null;
}

export interface Blip {
  startMs: number;
  endMs: number;
  failedChecks: number;
}

export interface FoldResult {
  state: LocationFoldState;
  /** Segments that no later check can change, oldest first. */
  closed: Segment[];
  blips: Blip[];
}

export function initialFoldState(): LocationFoldState {
  return { lastCheck: null, run: null, pending: [], open: null };
}

/** The state to restart a fold from right after an up check (nothing before it can change). */
export function foldStateAfterUpCheck(timeMs: number): LocationFoldState {
  return { lastCheck: { timeMs, status: 'up' }, run: null, pending: [], open: null };
}

/**
 * Folds checks (sorted by time, all later than state.lastCheck) into the state. A check at the
 * same instant as the previous one is ignored: one location cannot see two results at once.
 */
export function foldChecks(
  previous: LocationFoldState,
  checks: readonly Pick<Check, 'timeMs' | 'status'>[],
  params: FoldParams,
): FoldResult {
  const state: LocationFoldState = {
    lastCheck: previous.lastCheck,
    run: previous.run && { ...previous.run },
    pending: previous.pending.map((p) => ({ ...p })),
    open: previous.open && { ...previous.open },
  };
  const closed: Segment[] = [];
  const blips: Blip[] = [];
  const emit = (segment: Segment) => emitInto(state, closed, segment);
  const holdMs = 2 * params.intervalMs;

  for (const check of checks) {
    const last = state.lastCheck;
    if (last && check.timeMs <= last.timeMs) {
      if (check.timeMs < last.timeMs) throw new Error(`checks out of order at ${check.timeMs}`);
      continue;
    }
    if (last) holdLastCheck(state, last, check.timeMs, holdMs, emit);
    applyStatus(state, check, params, emit, blips);
    state.lastCheck = { timeMs: check.timeMs, status: check.status };
  }
  return { state, closed, blips };
}

/** Rule 1: the previous check holds until this one, at most 2 × interval; the rest is unknown. */
function holdLastCheck(
  state: LocationFoldState,
  last: { timeMs: number; status: CheckStatus },
  nextMs: number,
  holdMs: number,
  emit: (s: Segment) => void,
): void {
  const heldEndMs = Math.min(nextMs, last.timeMs + holdMs);
  const gap = heldEndMs < nextMs ? { startMs: heldEndMs, endMs: nextMs } : null;
  if (state.run && state.run.knownAtMs === null) {
    state.pending.push({ startMs: last.timeMs, endMs: heldEndMs, failing: true });
    if (gap) state.pending.push({ ...gap, failing: false });
    return;
  }
  const held: Segment =
    last.status === 'up'
      ? { startMs: last.timeMs, endMs: heldEndMs, state: 'up' }
      : { startMs: last.timeMs, endMs: heldEndMs, state: 'down', knownAtMs: state.run!.knownAtMs! };
  emit(held);
  if (gap) emit({ ...gap, state: 'unknown' });
}

/** Rule 2: failing runs confirm after `confirm` checks (backdated); shorter runs are blips. */
function applyStatus(
  state: LocationFoldState,
  check: Pick<Check, 'timeMs' | 'status'>,
  params: FoldParams,
  emit: (s: Segment) => void,
  blips: Blip[],
): void {
  if (check.status === 'up') {
    if (state.run && state.run.knownAtMs === null) {
      flushPending(state, 'up', undefined, emit);
      blips.push({ startMs: state.run.startMs, endMs: check.timeMs, failedChecks: state.run.count });
    }
    state.run = null;
    return;
  }
  state.run = state.run
    ? { ...state.run, count: state.run.count + 1 }
    : { startMs: check.timeMs, count: 1, knownAtMs: null };
  if (state.run.knownAtMs === null && state.run.count >= params.confirm) {
    state.run.knownAtMs = check.timeMs;
    flushPending(state, 'down', check.timeMs, emit);
  }
}

function flushPending(
  state: LocationFoldState,
  failingAs: 'up' | 'down',
  knownAtMs: number | undefined,
  emit: (s: Segment) => void,
): void {
  for (const piece of state.pending) {
    if (!piece.failing) emit({ startMs: piece.startMs, endMs: piece.endMs, state: 'unknown' });
    else if (failingAs === 'up') emit({ startMs: piece.startMs, endMs: piece.endMs, state: 'up' });
    else emit({ startMs: piece.startMs, endMs: piece.endMs, state: 'down', knownAtMs: knownAtMs! });
  }
  state.pending = [];
}

function emitInto(state: LocationFoldState, closed: Segment[], segment: Segment): void {
  if (segment.endMs <= segment.startMs) return;
  const open = state.open;
  if (open && open.endMs === segment.startMs && sameState(open, segment)) {
    open.endMs = segment.endMs;
    return;
  }
  if (open) closed.push(open);
  state.open = { ...segment };
}

export function sameState(a: Segment, b: Segment): boolean {
  return a.state === b.state && (a.state !== 'down' || a.knownAtMs === b.knownAtMs);
}

/**
 * The not-yet-final end of the timeline as it stands: the open segment, an unconfirmed run held
 * as up (so far a blip), and the last check's hold of up to 2 × interval.
 */
export function tailSegments(state: LocationFoldState, params: FoldParams): Segment[] {
  const out: Segment[] = [];
  const push = (s: Segment) => {
    if (s.endMs <= s.startMs) return;
    const last = out[out.length - 1];
    if (last && last.endMs === s.startMs && sameState(last, s)) last.endMs = s.endMs;
    else out.push({ ...s });
  };
  if (state.open) push(state.open);
  for (const piece of state.pending) {
    push({ startMs: piece.startMs, endMs: piece.endMs, state: piece.failing ? 'up' : 'unknown' });
  }
  const last = state.lastCheck;
  if (last) {
    const endMs = last.timeMs + 2 * params.intervalMs;
    if (last.status === 'up' || state.run?.knownAtMs == null) push({ startMs: last.timeMs, endMs, state: 'up' });
    else push({ startMs: last.timeMs, endMs, state: 'down', knownAtMs: state.run.knownAtMs });
  }
  return out;
}

/** Where the tail begins: stored segments from here on are rewritten after the next fold. */
export function tailStartMs(state: LocationFoldState): number | null {
  return state.open?.startMs ?? state.pending[0]?.startMs ?? state.lastCheck?.timeMs ?? null;
}

/** The complete timeline of one location from all its checks, as of the last check. */
export function locationTimeline(checks: readonly Pick<Check, 'timeMs' | 'status'>[], params: FoldParams): Segment[] {
  const result = foldChecks(initialFoldState(), checks, params);
  return joinSegments([...result.closed, ...tailSegments(result.state, params)]);
}

/** Concatenates sorted pieces, merging equal neighbours. */
export function joinSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.endMs <= s.startMs) continue;
    const last = out[out.length - 1];
    if (last && last.endMs === s.startMs && sameState(last, s)) last.endMs = s.endMs;
    else out.push({ ...s });
  }
  return out;
}
