// SPEC §2.7: "medians of an even count are the mean of the two middle values; other percentiles
// are nearest-rank".

/** Median of values (any order); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

/** The k-th smallest (1-based) value of a histogram value → count. */
function kthOfHistogram(sortedEntries: readonly [number, number][], k: number): number {
  let seen = 0;
  for (const [value, count] of sortedEntries) {
    seen += count;
    if (seen >= k) return value;
  }
  throw new Error(`rank ${k} beyond histogram of ${seen}`);
}

/** p50 (median rule) or a nearest-rank percentile of a histogram; null when empty. */
export function histogramPercentile(histogram: ReadonlyMap<number, number>, percentile: number): number | null {
  let n = 0;
  for (const count of histogram.values()) n += count;
  if (n === 0) return null;
  const entries = [...histogram.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  if (percentile === 50) {
    if (n % 2 === 1) return kthOfHistogram(entries, (n + 1) / 2);
    return (kthOfHistogram(entries, n / 2) + kthOfHistogram(entries, n / 2 + 1)) / 2;
  }
  // Integer arithmetic: ⌈p·n/100⌉ with p and n whole, so no float can tip the rank.
  return kthOfHistogram(entries, Math.max(1, Math.ceil((percentile * n) / 100)));
}
