import { describe, expect, it } from 'vitest';
import { parseInstantMs } from '../../../server/config/instants.ts';
import { parseJsonPath } from '../../../server/config/json-path.ts';

describe('parseInstantMs', () => {
  it.each([
    ['an offset east of UTC', '2026-12-05T01:00:00+09:00', Date.UTC(2026, 11, 4, 16, 0, 0)],
    ['Z', '2026-12-05T01:00:00Z', Date.UTC(2026, 11, 5, 1, 0, 0)],
    ['an offset west of UTC', '2026-01-01T00:00:00-05:30', Date.UTC(2026, 0, 1, 5, 30, 0)],
    ['no seconds', '2026-12-05T01:00+09:00', Date.UTC(2026, 11, 4, 16, 0, 0)],
    ['milliseconds', '2026-12-05T01:00:00.250Z', Date.UTC(2026, 11, 5, 1, 0, 0, 250)],
    ['a leap day', '2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads %s: %s', (_, input, expected) => {
    expect(parseInstantMs(input)).toBe(expected);
  });

  it.each([
    ['no offset (it would depend on the server)', '2026-12-05T01:00:00'],
    ['a date alone', '2026-12-05'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 of a common year', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-12-05T24:00:00Z'],
    ['minute 60', '2026-12-05T01:60:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['a space for T', '2026-12-05 01:00:00Z'],
    ['a year before 1970', '0099-01-01T00:00:00Z'],
    ['an offset without colon', '2026-12-05T01:00:00+0900'],
  ])('refuses %s: %s', (_, input) => {
    expect(parseInstantMs(input)).toBeNull();
  });
});

describe('parseJsonPath', () => {
  it.each([
    ['$', []],
    ['$.status', ['status']],
    ['$.data.items[0].state', ['data', 'items', 0, 'state']],
    ['$["db status"]', ['db status']],
    ["$['db status'][2]", ['db status', 2]],
  ])('parses %s', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each(['status', '$.', '$..a', '$[x]', '$["\\x"]', '$.a b'])('refuses %s', (path) => {
    expect(parseJsonPath(path)).toBeNull();
  });
});
