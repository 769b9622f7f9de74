// Figures as the sheet writes them: percentages truncated (never rounded up) to one decimal more
// than the claim; durations rounded toward the side that does not flatter the service.
import { describe, expect, it } from 'vitest';
import { formatSheetDuration, formatSheetValue } from '../../../server/reports/sheet-values.ts';
import { claim } from '../../oracle/build.ts';

describe('sheet values', () => {
  it.each([
    { name: '99.9949 % against 99.99 % reads 99.994 %, not 99.99 %', ratio: 0.999949, bound: 0.9999, text: '99.994%' },
    {
      name: '99.98999 % against 99.99 % reads 99.989 %, never 99.990 %',
      ratio: 0.9998999,
      bound: 0.9999,
      text: '99.989%',
    },
    {
      name: 'an exact 99.95 % stays 99.950 % (no float noise cuts it to 99.949)',
      ratio: 0.9995,
      bound: 0.9995,
      text: '99.950%',
    },
    { name: '99.96 % against 99.9 % reads 99.96 %', ratio: 0.9996, bound: 0.999, text: '99.96%' },
    { name: '100 % reads 100.000 %', ratio: 1, bound: 0.9999, text: '100.000%' },
  ])('$name', ({ ratio, bound, text }) => {
    expect(formatSheetValue(claim('availability', bound), ratio, 'ja')).toBe(text);
  });

  it.each([
    // 42 min 1 s against an upper bound is shown as 43 min; as a notice (lower bound) as 42 min.
    { ms: 42 * 60_000 + 1000, direction: 'max' as const, ja: '43分', en: '43 minutes' },
    { ms: 42 * 60_000 + 1000, direction: 'min' as const, ja: '42分', en: '42 minutes' },
    { ms: 90 * 60_000, direction: 'max' as const, ja: '1時間30分', en: '1 hour 30 minutes' },
    { ms: 7 * 86_400_000 + 3_600_000, direction: 'min' as const, ja: '7日1時間', en: '7 days 1 hour' },
    { ms: 30_500, direction: 'max' as const, ja: '31秒', en: '31 seconds' },
  ])('$ms ms bounded from $direction reads $ja / $en', ({ ms, direction, ja, en }) => {
    expect(formatSheetDuration(ms, 'ja', direction)).toBe(ja);
    expect(formatSheetDuration(ms, 'en', direction)).toBe(en);
  });
});
