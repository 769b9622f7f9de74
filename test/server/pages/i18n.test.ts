// Language choice, locale formatting and the never-rounded-up availability .
import { describe, expect, it } from 'vitest';
import { formatAvailability, formatDateTime, formatNumber, pickLang } from '../../../server/pages/i18n.ts';
import { parsePeriodQuery, resolvePeriod } from '../../../server/pages/period-query.ts';

describe('pickLang', () => {
  it.each([
    ['?lang= wins over the header', 'en', 'ja-JP,ja;q=0.9', 'en'],
    ['a Japanese browser gets Japanese', undefined, 'ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    ['the highest q we have wins, not the first listed', undefined, 'fr;q=0.9,en;q=0.5,ja;q=0.7', 'ja'],
    ['a language we lack falls through to the next', undefined, 'de-DE,en-US;q=0.8', 'en'],
    ['q=0 means not wanted', undefined, 'ja;q=0,fr', 'en'],
    ['no header: English', undefined, undefined, 'en'],
    ['an unknown ?lang= is ignored', 'fr', 'ja', 'ja'],
  ])('%s', (_name, query, header, expected) => {
    expect(pickLang(query, header)).toBe(expected);
  });
});

describe('formatAvailability: the claim decimals plus one, truncated', () => {
  it.each([
    // 99.99 % claimed (2 decimals) → 3 decimals shown; 0.999949 × 100 = 99.9949 → 99.994, never 99.995.
    ['99.9949 % under a 99.99 % claim', 0.999949, 0.9999, 'en', '99.994%'],
    ['exactly 99.99 % stays 99.990 %', 0.9999, 0.9999, 'en', '99.990%'],
    ['99.5 % claim (1 decimal) shows 2', 0.998999, 0.995, 'ja', '99.89%'],
    ['100 % stays 100.000 %', 1, 0.9999, 'en', '100.000%'],
  ])('%s', (_name, ratio, bound, lang, expected) => {
    expect(formatAvailability(lang as 'en' | 'ja', ratio, bound)).toBe(expected);
  });
});

describe('locale formatting', () => {
  it('groups numbers per locale and shows times in the service timezone', () => {
    expect(formatNumber('en', 1234567.891)).toBe('1,234,567.89');
    expect(formatNumber('ja', 1134)).toBe('1,134');
    // 2025-05-03T05:05Z is 14:05 in Tokyo and 01:05 in New York.
    const ms = Date.UTC(2025, 4, 3, 5, 5);
    expect(formatDateTime('ja', ms, 'Asia/Tokyo')).toBe('2025-05-03 14:05');
    expect(formatDateTime('en', ms, 'America/New_York')).toBe('2025-05-03 01:05');
  });
});

describe('parsePeriodQuery', () => {
  const now = Date.UTC(2026, 5, 1);
  it.each([
    ['a year', { period: '2025' }, 'Asia/Tokyo', Date.UTC(2024, 11, 31, 15), Date.UTC(2025, 11, 31, 15)],
    ['a quarter', { period: '2025-Q2' }, 'UTC', Date.UTC(2025, 3, 1), Date.UTC(2025, 6, 1)],
    ['a month', { period: '2025-05' }, 'UTC', Date.UTC(2025, 4, 1), Date.UTC(2025, 5, 1)],
    [
      'dates cut at local midnight',
      { from: '2025-04-01', to: '2025-04-08' },
      'Asia/Tokyo',
      Date.UTC(2025, 2, 31, 15),
      Date.UTC(2025, 3, 7, 15),
    ],
    [
      'instants with offsets',
      { from: '2025-04-01T12:00:00+09:00', to: '2025-04-01T13:00:00Z' },
      'UTC',
      Date.UTC(2025, 3, 1, 3),
      Date.UTC(2025, 3, 1, 13),
    ],
    ['nothing: the current year', {}, 'UTC', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
  ])('%s', (_name, query, zone, fromMs, toMs) => {
    const parsed = parsePeriodQuery(query, now, zone);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(resolvePeriod(parsed.selection, zone)).toEqual({ fromMs, toMs });
  });

  it.each([
    ['a bad label', { period: '2025-13' }, 'period: invalid period "2025-13"'],
    [
      'both forms',
      { period: '2025', from: '2025-01-01', to: '2025-02-01' },
      'give either period= or from= and to=, not both',
    ],
    ['from without to', { from: '2025-01-01' }, 'from= and to= go together'],
    [
      'an instant without offset',
      { from: '2025-01-01T00:00', to: '2025-02-01' },
      'from: "2025-01-01T00:00" is neither a date',
    ],
    ['to before from', { from: '2025-02-01', to: '2025-01-01' }, 'to (2025-01-01) must be after from (2025-02-01)'],
    ['a range too long', { from: '2000-01-01', to: '2025-01-01' }, 'a range may span at most'],
  ])('refuses %s with a message', (_name, query, message) => {
    const parsed = parsePeriodQuery(query, now, 'UTC');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
