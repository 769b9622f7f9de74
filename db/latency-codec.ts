// Exact latency histograms (latency ms → count) in a few bytes. Rollups keep one per monitor hour
// and per monitor day, forever, so they are stored compactly: the pairs ascending by latency, each
// as (latency − previous latency, count) in unsigned LEB128 varints. A typical hour of 30 s checks
// takes 1–2 bytes per distinct latency instead of the 8 of a uint32 pair.

/** Encodes a histogram; latencies and counts must be non-negative safe integers. */
export function encodeLatencyCounts(counts: ReadonlyMap<number, number>): Buffer {
  const n = counts.size;
  if (n === 0) return Buffer.alloc(0);
  const latencies = new Float64Array(n);
  const tallies = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let i = 0;
  for (const [latencyMs, count] of counts) {
    if (!isCountable(latencyMs) || !isCountable(count)) {
      throw new RangeError(`latency histogram entries must be non-negative integers, got ${latencyMs} ms × ${count}`);
    }
    latencies[i] = latencyMs;
    tallies[i++] = count;
    if (latencyMs < min) min = latencyMs;
    if (latencyMs > max) max = latencyMs;
  }
  const bytes = Buffer.allocUnsafe(n * 16); // two varints of at most 8 bytes (values < 2^53) each
  let offset = 0;
  let previous = 0;
  const write = (latencyMs: number, count: number): void => {
    if (count === 0) return;
    offset = writeVarint(bytes, offset, latencyMs - previous);
    offset = writeVarint(bytes, offset, count);
    previous = latencyMs;
  };
  if (max - min < 16 * n + 1024) {
    // Real latencies are clustered: order them by counting into slots, not by sorting.
    const slots = new Float64Array(max - min + 1);
    for (let j = 0; j < n; j++) slots[latencies[j]! - min] = tallies[j]!;
    for (let j = 0; j < slots.length; j++) write(min + j, slots[j]!);
  } else {
    for (const latencyMs of latencies.sort()) write(latencyMs, counts.get(latencyMs)!);
  }
  return Buffer.from(bytes.subarray(0, offset));
}

export function decodeLatencyCounts(bytes: Uint8Array): Map<number, number> {
  const counts = new Map<number, number>();
  forEachLatency(bytes, (latencyMs, count) => counts.set(latencyMs, count));
  return counts;
}

/** Calls visit(latencyMs, count) for each entry, ascending by latency. */
export function forEachLatency(bytes: Uint8Array, visit: (latencyMs: number, count: number) => void): void {
  let offset = 0;
  let latencyMs = 0;
  while (offset < bytes.length) {
    let delta = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[offset++]!;
      delta += (byte & 127) * scale;
      if (byte < 128) break;
    }
    let count = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[offset++]!;
      count += (byte & 127) * scale;
      if (byte < 128) break;
    }
    latencyMs += delta;
    visit(latencyMs, count);
  }
}

function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  // Arithmetic rather than bit operators, which would truncate values above 2^31.
  while (value >= 128) {
    bytes[offset++] = (value % 128) + 128;
    value = Math.floor(value / 128);
  }
  bytes[offset++] = value;
  return offset;
}

function isCountable(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

const denseLimitMs = 1 << 20;

/**
 * Sums many encoded histograms fast: latencies below ~17 minutes (all real ones) are counted in a
 * dense array, so summing a year of daily histograms is array increments, not map updates.
 */
export class LatencySum {
  private dense = new Float64Array(1024);
  private readonly sparse = new Map<number, number>();

  addEncoded(bytes: Uint8Array): void {
    forEachLatency(bytes, (latencyMs, count) => this.add(latencyMs, count));
  }

  add(latencyMs: number, count: number): void {
    if (latencyMs >= denseLimitMs) {
      this.sparse.set(latencyMs, (this.sparse.get(latencyMs) ?? 0) + count);
      return;
    }
    if (latencyMs >= this.dense.length) {
      let length = this.dense.length;
      while (length <= latencyMs) length *= 2;
      const grown = new Float64Array(length);
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[latencyMs]! += count;
  }

  /** The sum, ascending by latency. */
  toMap(): Map<number, number> {
    const counts = new Map<number, number>();
    for (let latencyMs = 0; latencyMs < this.dense.length; latencyMs++) {
      const count = this.dense[latencyMs]!;
      if (count > 0) counts.set(latencyMs, count);
    }
    for (const latencyMs of [...this.sparse.keys()].sort((a, b) => a - b))
      counts.set(latencyMs, this.sparse.get(latencyMs)!);
    return counts;
  }
}
