// Push monitors (SPEC §1): the watched job pushes; the monitor is down once `expect_every +
// grace` passes without a push. The overdue verdict is recorded as a down check at the instant
// it became overdue and repeated every `expect_every + grace` while it lasts, so the hold of
// SPEC §2.1 keeps it down rather than unknown.

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
