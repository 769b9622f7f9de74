// The last N scheduling latenesses (ms a probe started after it was due), for percentiles in
// /metrics, the benchmark and the tests.
export interface LatenessWindow {
  add(ms: number): void;
  /** Nearest-rank percentile of the window; null when empty. */
  percentile(p: number): number | null;
  readonly count: number;
}

export function createLatenessWindow(size: number): LatenessWindow {
  const values: number[] = [];
  let next = 0;
  return {
    add(ms) {
      if (values.length < size) values.push(ms);
      else values[next] = ms;
      next = (next + 1) % size;
    },
    percentile(p) {
      if (values.length === 0) return null;
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)]!;
    },
    get count() {
      return values.length;
    },
  };
}
