// Push monitors (SPEC §1): the watched job pushes; the monitor is down once `expect_every +
// grace` passes without a push. The overdue verdict is recorded as a down check at the instant
// it became overdue and repeated every `expect_every + grace` while it lasts, so the hold of
// SPEC §2.1 keeps it down rather than unknown.
import type { ProbeResult } from './probes/probe.ts';

/** A push the watched job sent (POST /api/v1/push/:token). */
export interface Push {
  timeMs: number;
  status: 'up' | 'down';
  latencyMs: number | null;
  message: string | null;
}

export interface PushState {
  /** The last push (or, before any, when watching began). */
  lastPushMs: number;
  /** The last overdue check recorded since that push, if any. */
  lastOverdueMs: number | null;
}

/** The instant to record an overdue check at, or null when none is due yet. */
export function overdueCheckAtMs(state: PushState, dueAfterMs: number, nowMs: number): number | null {
  const next = state.lastOverdueMs === null ? state.lastPushMs + dueAfterMs : state.lastOverdueMs + dueAfterMs;
  return nowMs >= next ? next : null;
}

/** The down check recorded at an overdue instant. */
export function overdueResult(lastPushMs: number): ProbeResult {
  const message = `no push since ${new Date(lastPushMs).toISOString()}`;
  return { ok: false, latencyMs: null, errorClass: 'push_overdue', message, detail: {} };
}

/** A push as the job's own verdict: up, or down with its message. */
export function pushedResult(push: Omit<Push, 'timeMs'>): ProbeResult {
  if (push.status === 'up') return { ok: true, latencyMs: push.latencyMs, detail: {} };
  const message = push.message ?? 'the job pushed status down';
  return { ok: false, latencyMs: push.latencyMs, errorClass: 'push_overdue', message, detail: {} };
}

/** Where a push monitor stands after a restart, from its last recorded check. */
export function resumedPushState(state: PushState, lastCheck: { timeMs: number; status: 'up' | 'down' }): PushState {
  // A down check of a push monitor is an overdue verdict: keep repeating from it.
  return lastCheck.status === 'up'
    ? { lastPushMs: lastCheck.timeMs, lastOverdueMs: null }
    : { lastPushMs: state.lastPushMs, lastOverdueMs: lastCheck.timeMs };
}
