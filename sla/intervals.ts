// Sets of instants as sorted, disjoint, half-open [startMs, endMs) intervals. The figures of
// SPEC §2.7 are lengths of such sets (P, D, U), so union and difference must never count twice.

export interface Interval {
  startMs: number;
  endMs: number;
}

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const { startMs, endMs } of sorted) {
    const last = out[out.length - 1];
    if (last && startMs <= last.endMs) last.endMs = Math.max(last.endMs, endMs);
    else out.push({ startMs, endMs });
  }
  return out;
}

/** a ∩ b, both normalised (sorted, disjoint). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const startMs = Math.max(x.startMs, y.startMs);
    const endMs = Math.min(x.endMs, y.endMs);
    if (endMs > startMs) out.push({ startMs, endMs });
    if (x.endMs < y.endMs) i++;
    else j++;
  }
  return out;
}

/** a \ b, both normalised. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let cursor = x.startMs;
    while (j < b.length && b[j]!.endMs <= cursor) j++;
    let k = j;
    while (k < b.length && b[k]!.startMs < x.endMs) {
      const y = b[k]!;
      if (y.startMs > cursor) out.push({ startMs: cursor, endMs: y.startMs });
      cursor = Math.max(cursor, y.endMs);
      k++;
    }
    if (cursor < x.endMs) out.push({ startMs: cursor, endMs: x.endMs });
  }
  return out;
}

export function clipIntervals(a: readonly Interval[], fromMs: number, toMs: number): Interval[] {
  return intersectIntervals(a, [{ startMs: fromMs, endMs: toMs }]);
}

export function totalMs(a: readonly Interval[]): number {
  let sum = 0;
  for (const i of a) sum += i.endMs - i.startMs;
  return sum;
}
