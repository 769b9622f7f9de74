// Buckets and chart series checked against hand arithmetic.
import { describe, expect, it } from 'vitest';
import { bucketUnitFor, splitPeriod } from '../../sla/period-buckets.ts';
import { budgetBurnDown, cumulativeAgainstPace } from '../../sla/period-series.ts';
import { periodOfMonth, periodOfQuarter, periodOfYear } from '../../sla/periods.ts';

const tokyo = 'Asia/Tokyo';
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

describe('splitPeriod', () => {
  it('cuts a Tokyo year into twelve calendar months starting at local midnight', () => {
    const year = periodOfYear(tokyo, 2025);
    const buckets = splitPeriod(year.fromMs, year.toMs, tokyo);
    expect(buckets.map((b) => b.label)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    // 2025-01-01T00:00+09:00 = 2024-12-31T15:00Z; February 2025 has 28 days.
    expect(buckets[0]!.fromMs).toBe(Date.UTC(2024, 11, 31, 15));
    expect(buckets[1]!.toMs - buckets[1]!.fromMs).toBe(28 * dayMs);
    expect(buckets.at(-1)!.toMs).toBe(year.toMs);
  });

  it('cuts a month into days, and a 31-day May has 31 of them', () => {
    const may = periodOfMonth(tokyo, 2025, 5);
    const buckets = splitPeriod(may.fromMs, may.toMs, tokyo);
    expect(bucketUnitFor(may.fromMs, may.toMs)).toBe('day');
    expect(buckets).toHaveLength(31);
    expect(buckets[2]!.label).toBe('2025-05-03');
  });

  it('cuts a quarter (90 days) into weeks, the last one clipped: 12 full weeks and 6 days', () => {
    const q1 = periodOfQuarter(tokyo, 2025, 1);
    const buckets = splitPeriod(q1.fromMs, q1.toMs, tokyo);
    expect(bucketUnitFor(q1.fromMs, q1.toMs)).toBe('week');
    expect(buckets).toHaveLength(13);
    expect(buckets.at(-1)!.toMs - buckets.at(-1)!.fromMs).toBe(6 * dayMs);
  });

  it('clips a custom range that starts mid-day to its own instants', () => {
    const from = Date.UTC(2025, 4, 1, 6); // 15:00 Tokyo
    const buckets = splitPeriod(from, from + 2 * dayMs, tokyo);
    expect(buckets.map((b) => [b.fromMs - from, b.toMs - from])).toEqual([
      [0, 9 * hourMs],
      [9 * hourMs, 33 * hourMs],
      [33 * hourMs, 48 * hourMs],
    ]);
  });

  it('keeps DST days at their local length (New York, 2025-03-09 has 23 hours)', () => {
    const march = periodOfMonth('America/New_York', 2025, 3);
    const day9 = splitPeriod(march.fromMs, march.toMs, 'America/New_York')[8]!;
    expect(day9.label).toBe('2025-03-09');
    expect(day9.toMs - day9.fromMs).toBe(23 * hourMs);
  });
});

describe('budgetBurnDown', () => {
  it('subtracts each bucket’s downtime from the budget and draws the even-spend line', () => {
    // Budget 100 min over 4 equal buckets of 10 h; downtime 30 min, 0, then 80 min; last bucket not started.
    const minute = 60_000;
    const points = budgetBurnDown({
      fromMs: 0,
      toMs: 40 * hourMs,
      totalBudgetMs: 100 * minute,
      buckets: [10, 20, 30, 40].map((h) => ({ toMs: h * hourMs })),
      downtimeMs: [30 * minute, 0, 80 * minute, null],
    });
    expect(
      points.map((p) => [
        p.atMs / hourMs,
        p.remainingMs === null ? null : p.remainingMs / minute,
        p.evenSpendMs / minute,
      ]),
    ).toEqual([
      [0, 100, 100],
      [10, 70, 75],
      [20, 70, 50],
      [30, -10, 25], // 100 − 30 − 0 − 80: overspent by 10 min
      [40, null, 0],
    ]);
  });
});

describe('cumulativeAgainstPace', () => {
  it('sums incident counts per bucket and spreads the bound evenly', () => {
    // Bound 27 over 3 equal buckets: pace 9, 18, 27; counts 4, 10 → 4, 14; third bucket still ahead.
    const points = cumulativeAgainstPace({
      fromMs: 0,
      toMs: 3,
      bound: 27,
      buckets: [{ toMs: 1 }, { toMs: 2 }, { toMs: 3 }],
      counts: [4, 10, null],
    });
    expect(points).toEqual([
      { atMs: 0, cumulative: 0, pace: 0 },
      { atMs: 1, cumulative: 4, pace: 9 },
      { atMs: 2, cumulative: 14, pace: 18 },
      { atMs: 3, cumulative: null, pace: 27 },
    ]);
  });
});
