// A sweep over several timelines at once: between consecutive boundaries every input has one
// state (or none), and a combining rule decides the output. Used for location quorum (SPEC §2.3)
// and for the service state from its monitors (SPEC §2.4).
import type { Segment, SegmentState } from './segments.ts';
import { joinSegments } from './location-fold.ts';

export interface CombinedState {
  state: SegmentState;
  knownAtMs?: number;
}

/** The input's segment at an instant, or null where it has none (absent or unknown by omission). */
export type CombineRule = (inputs: readonly (Segment | null)[], atMs: number) => CombinedState;

export function combineTimelines(
  inputs: readonly (readonly Segment[])[],
  fromMs: number,
  toMs: number,
  rule: CombineRule,
  extraBoundariesMs: readonly number[] = [],
): Segment[] {
  const boundaries = new Set<number>([fromMs, toMs]);
  for (const timeline of inputs) {
    for (const s of timeline) {
      if (s.startMs > fromMs && s.startMs < toMs) boundaries.add(s.startMs);
      if (s.endMs > fromMs && s.endMs < toMs) boundaries.add(s.endMs);
    }
  }
  for (const b of extraBoundariesMs) if (b > fromMs && b < toMs) boundaries.add(b);
  const points = [...boundaries].sort((a, b) => a - b);
  const cursors = inputs.map(() => 0);
  const out: Segment[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const startMs = points[p]!;
    const endMs = points[p + 1]!;
    const current = inputs.map((timeline, i) => {
      let c = cursors[i]!;
      while (c < timeline.length && timeline[c]!.endMs <= startMs) c++;
      cursors[i] = c;
      const s = timeline[c];
      return s && s.startMs <= startMs ? s : null;
    });
    const combined = rule(current, startMs);
    out.push(
      combined.state === 'down'
        ? { startMs, endMs, state: 'down', knownAtMs: combined.knownAtMs! }
        : { startMs, endMs, state: combined.state },
    );
  }
  return joinSegments(out);
}

/** The k-th smallest (1-based) of a list of numbers. */
export function kthSmallest(values: readonly number[], k: number): number {
  return [...values].sort((a, b) => a - b)[k - 1]!;
}
