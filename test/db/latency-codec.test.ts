import { describe, expect, it } from 'vitest';
import { decodeLatencyCounts, encodeLatencyCounts, LatencySum } from '../../db/latency-codec.ts';

const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);

describe('latency histogram codec', () => {
  it.each([
    ['an empty histogram', new Map<number, number>()],
    ['one latency', new Map([[120, 3]])],
    [
      'clustered latencies in any insertion order',
      new Map([
        [300, 1],
        [80, 12],
        [81, 2],
        [250, 7],
      ]),
    ],
    [
      'latencies and counts across varint byte widths',
      new Map([
        [0, 1],
        [127, 128],
        [128, 16_383],
        [16_384, 2 ** 31],
        [2 ** 40, 5],
      ]),
    ],
    [
      'spread-out latencies (the sorting path)',
      new Map([
        [1, 1],
        [5_000_000, 2],
        [900_000_000, 3],
      ]),
    ],
    ['the largest safe values', new Map([[Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]])],
  ])('round-trips %s exactly, ascending by latency', (_name, counts) => {
    const decoded = decodeLatencyCounts(encodeLatencyCounts(counts));
    expect([...decoded]).toEqual(sorted(counts));
  });

  it('drops zero counts', () => {
    expect([
      ...decodeLatencyCounts(
        encodeLatencyCounts(
          new Map([
            [5, 0],
            [6, 1],
          ]),
        ),
      ),
    ]).toEqual([[6, 1]]);
  });

  it('takes one or two bytes per entry for typical latencies', () => {
    const counts = new Map(Array.from({ length: 200 }, (_, i) => [100 + i, 1 + (i % 50)] as [number, number]));
    expect(encodeLatencyCounts(counts).length).toBe(400);
  });

  it.each([
    ['a negative latency', new Map([[-1, 1]])],
    ['a fractional latency', new Map([[1.5, 1]])],
    ['a fractional count', new Map([[1, 0.5]])],
  ])('refuses %s', (_name, counts) => {
    expect(() => encodeLatencyCounts(counts)).toThrow(RangeError);
  });

  it('sums encoded histograms into one, ascending, dense and sparse latencies alike', () => {
    const sum = new LatencySum();
    sum.addEncoded(
      encodeLatencyCounts(
        new Map([
          [100, 1],
          [2 ** 30, 2],
        ]),
      ),
    );
    sum.addEncoded(
      encodeLatencyCounts(
        new Map([
          [100, 4],
          [99_999, 1],
          [3, 1],
        ]),
      ),
    );
    expect([...sum.toMap()]).toEqual([
      [3, 1],
      [100, 5],
      [99_999, 1],
      [2 ** 30, 2],
    ]);
  });
});
