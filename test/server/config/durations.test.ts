import { describe, expect, it } from 'vitest';
import { formatConfigDuration, parseDurationMs } from '../../../server/config/durations.ts';

describe('parseDurationMs', () => {
  it.each([
    ['seconds', '30s', 30_000],
    ['minutes', '42m', 2_520_000], // 42 × 60 000
    ['hours', '4h', 14_400_000], // 4 × 3 600 000
    ['days', '7d', 604_800_000], // 7 × 86 400 000
    ['weeks', '2w', 1_209_600_000], // 14 days
    ['milliseconds', '500ms', 500],
    ['a compound, largest unit first', '1d12h', 129_600_000], // 86 400 000 + 12 × 3 600 000
    ['minutes and seconds', '1m30s', 90_000],
    ['seconds and milliseconds', '1s500ms', 1_500],
    ['zero', '0s', 0],
    ['a plain number of seconds', 30, 30_000],
    ['a fractional number of seconds, exact to the ms', 1.005, 1_005],
    ['zero seconds as a number', 0, 0],
    ['a numeric string (what ${ENV} gives)', '45', 45_000],
    ['a fractional numeric string', '0.25', 250],
    ['surrounding spaces', ' 30s ', 30_000],
  ] as const)('reads %s: %j → %d ms', (_, input, expected) => {
    expect(parseDurationMs(input)).toBe(expected);
  });

  it.each([
    ['an unknown unit', '3x'],
    ['a fraction with a unit', '1.5h'],
    ['units out of order', '12h1d'],
    ['a unit twice', '1h1h'],
    ['a space inside', '30 s'],
    ['a negative number', -1],
    ['a negative string', '-1h'],
    ['a sub-millisecond fraction', 0.0005],
    ['a number in exponent form', 1e21],
    ['an empty string', ''],
    ['a unit alone', 'ms'],
    ['a word', 'soon'],
    ['NaN', Number.NaN],
    ['a value past the safe integer range', '99999999999999999w'],
  ] as const)('refuses %s: %j', (_, input) => {
    expect(parseDurationMs(input)).toBeNull();
  });
});

describe('formatConfigDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [30_000, '30s'],
    [2_520_000, '42m'],
    [93_600_000, '1d2h'],
    [1_209_600_000, '14d'],
  ])('writes %d ms as %s', (ms, expected) => {
    expect(formatConfigDuration(ms)).toBe(expected);
  });
});
