// slawatch records its own liveness per location, so that after a restart it can say when it was
// not running. That time is unknown in every figure by the hold rule (SPEC §2.1) anyway; this
// makes it visible.
import type { Store } from '../db/store.ts';

export interface LivenessGap {
  fromMs: number;
  toMs: number;
}

/** Gaps shorter than this between heartbeats (every 10 s) are not reported. */
const reportAfterMs = 60_000;

/** Writes a heartbeat; returns the gap since the previous one when it is long enough to matter. */
export async function recordLiveness(store: Store, location: string, nowMs: number): Promise<LivenessGap | null> {
  const key = `liveness:${location}`;
  const previous = await store.getMeta(key);
  await store.setMeta(key, String(nowMs));
  const lastMs = previous === null ? null : Number(previous);
  return lastMs !== null && nowMs - lastMs > reportAfterMs ? { fromMs: lastMs, toMs: nowMs } : null;
}
