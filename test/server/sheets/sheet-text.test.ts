// Durations, percentages and counts out of free text, in Japanese and English.
import { describe, expect, it } from 'vitest';
import { findCounts, findDurations, findPercentages, findYear } from '../../../server/sheets/sheet-text.ts';

describe('sheet text', () => {
  it.each([
    ['42分', 42 * 60_000],
    ['1時間30分', 90 * 60_000],
    ['１時間３０分', 90 * 60_000], // full width
    ['1.5時間', 90 * 60_000],
    ['1週間前', 7 * 86_400_000],
    ['within 2 hours of detection', 2 * 3_600_000],
    ['one week before', 7 * 86_400_000],
    ['1 hour 30 minutes', 90 * 60_000],
    ['1h30m', 90 * 60_000],
    ['an hour', 3_600_000],
    ['800ms', 800],
  ])('reads the duration in "%s"', (text, ms) => {
    expect(findDurations(text)[0]?.ms).toBe(ms);
  });

  it('keeps the span of the original text, full-width characters included', () => {
    const text = '平均：１時間３０分です';
    const [d] = findDurations(text);
    expect(text.slice(d!.start, d!.end)).toBe('１時間３０分');
  });

  it.each([
    ['稼働率99.99%', 0.9999, 2],
    ['稼働率９９．９５％', 0.9995, 2],
    ['99.9 percent', 0.999, 1],
  ])('reads the percentage in "%s"', (text, ratio, decimals) => {
    const [p] = findPercentages(text);
    expect(p!.ratio).toBeCloseTo(ratio, 12);
    expect(p!.decimals).toBe(decimals);
  });

  it('finds counts but not years, durations or times', () => {
    expect(findCounts('2022年実績 障害件数:27件 長時間(1日以上)要した件数:13件 9:30').map((c) => c.count)).toEqual([
      27, 13,
    ]);
  });

  it('finds the year of actuals', () => {
    expect(findYear('２０２５年度実績で')?.year).toBe(2025);
    expect(findYear('In 2025: 42 minutes')?.year).toBe(2025);
  });
});
