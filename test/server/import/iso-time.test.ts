import { describe, expect, it } from 'vitest';
import { parseIsoTimeMs } from '../../../server/import/iso-time.ts';

const noOffset = 'has no UTC offset; add Z or ±HH:MM';
const notIso = 'is not an ISO 8601 date-time with offset (e.g. 2026-01-31T09:00:00+09:00)';

describe('parseIsoTimeMs', () => {
  it.each([
    ['a time in Tokyo is nine hours ahead of UTC', '2026-01-31T09:00:00+09:00', Date.UTC(2026, 0, 31, 0, 0, 0)],
    ['Z means UTC', '2026-01-31T00:00:00Z', Date.UTC(2026, 0, 31)],
    ['a lower-case z and t are accepted', '2026-01-31t00:00:00z', Date.UTC(2026, 0, 31)],
    ['a space may stand for T (RFC 3339)', '2026-01-31 00:00:00Z', Date.UTC(2026, 0, 31)],
    ['seconds may be left out', '2026-01-31T09:30+09:00', Date.UTC(2026, 0, 31, 0, 30)],
    ['an offset may be written without a colon', '2026-01-31T09:00:00+0900', Date.UTC(2026, 0, 31)],
    ['an offset may be hours only', '2026-01-31T09:00:00+09', Date.UTC(2026, 0, 31)],
    ['a negative half-hour offset', '2026-01-31T00:00:00-03:30', Date.UTC(2026, 0, 31, 3, 30)],
    ['a fraction is milliseconds', '2026-01-31T00:00:00.25Z', Date.UTC(2026, 0, 31, 0, 0, 0, 250)],
    ['a fraction beyond milliseconds is truncated', '2026-01-31T00:00:00.123999Z', Date.UTC(2026, 0, 31, 0, 0, 0, 123)],
    ['a comma may mark the fraction', '2026-01-31T00:00:00,5Z', Date.UTC(2026, 0, 31, 0, 0, 0, 500)],
    ['29 February of a leap year', '2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['times before 1970 are negative', '1969-12-31T23:59:59Z', -1000],
    ['an offset can move the date back across a year', '2026-01-01T00:00:00+09:00', Date.UTC(2025, 11, 31, 15)],
  ])('%s', (_name, text, expected) => {
    expect(parseIsoTimeMs(text)).toBe(expected);
  });

  it.each([
    ['a time without an offset is refused, saying so', '2026-01-31T09:00:00', noOffset],
    ['a time without seconds or offset is refused, saying so', '2026-01-31 09:00', noOffset],
    ['a fraction without an offset is refused, saying so', '2026-01-31T09:00:00.500', noOffset],
    ['a date alone is not a time', '2026-01-31', notIso],
    ['a word is not a time', 'yesterday', notIso],
    ['a time zone name is not an offset', '2026-01-31T09:00:00 JST', notIso],
    ['a compact ISO form is not accepted', '20260131T090000Z', notIso],
    ['text after Z is refused', '2026-01-31T00:00:00ZZ', notIso],
    ['30 February does not exist', '2026-02-30T00:00:00Z', 'is not a valid date'],
    ['29 February of a common year does not exist', '2026-02-29T00:00:00Z', 'is not a valid date'],
    ['month 13 does not exist', '2026-13-01T00:00:00Z', 'is not a valid date'],
    ['24:00 is not accepted', '2026-01-31T24:00:00Z', 'is not a valid time of day'],
    ['a leap second cannot be represented', '2026-06-30T23:59:60Z', 'is not a valid time of day'],
    ['an offset of 24 hours is invalid', '2026-01-31T00:00:00+24:00', 'has an invalid UTC offset'],
  ])('%s', (_name, text, reason) => {
    expect(parseIsoTimeMs(text)).toBe(reason);
  });
});
