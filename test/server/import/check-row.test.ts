import { describe, expect, it } from 'vitest';
import { parseCheckRow } from '../../../server/import/check-row.ts';
import { ctx } from './import-context.ts';

const t0 = Date.UTC(2026, 0, 5);
const row = { time: '2026-01-05T00:00:00Z', monitor: 'console', status: 'up', latency_ms: '120', location: 'tokyo' };

describe('parseCheckRow', () => {
  it.each([
    [
      'a full row becomes a check',
      {},
      { monitorId: 'console', location: 'tokyo', timeMs: t0, status: 'up', latencyMs: 120 },
    ],
    ['status 1 is up', { status: '1' }, { status: 'up' }],
    ['status 0 is down', { status: '0' }, { status: 'down' }],
    ['JSON numbers 1 and 0 are statuses too', { status: 0 }, { status: 'down' }],
    ['empty latency is null for a down check', { status: 'down', latency_ms: '' }, { latencyMs: null }],
    ['empty latency is null for an up check too', { latency_ms: '' }, { latencyMs: null }],
    ['a fractional latency is kept', { latency_ms: '12.5' }, { latencyMs: 12.5 }],
    ['a JSON number latency is kept', { latency_ms: 7 }, { latencyMs: 7 }],
    ['a zero latency is fine', { latency_ms: '0' }, { latencyMs: 0 }],
    ['a monitor without locations is probed from local', { monitor: 'api', location: '' }, { location: 'local' }],
    [
      'local may be named for a monitor without locations',
      { monitor: 'api', location: 'local' },
      { location: 'local' },
    ],
    [
      'a missing location column means the same as empty',
      { monitor: 'api', location: undefined },
      { location: 'local' },
    ],
    ['a monitor with one location needs none named', { monitor: 'backup', location: '' }, { location: 'tokyo' }],
  ])('%s', (_name, changes, expected) => {
    const result = parseCheckRow({ ...row, ...changes }, ctx);
    expect(result).toEqual({ ok: true, value: expect.objectContaining(expected) });
  });

  it.each([
    [
      'a time without offset',
      { time: '2026-01-05T09:00:00' },
      'time "2026-01-05T09:00:00" has no UTC offset; add Z or ±HH:MM',
    ],
    ['no time', { time: '' }, 'time is required'],
    ['a time as a JSON number', { time: 1767571200000 }, 'time 1767571200000 must be an ISO 8601 date-time string'],
    ['an unknown monitor', { monitor: 'nope' }, 'monitor "nope" is not a configured monitor'],
    ['no monitor', { monitor: '' }, 'monitor is required'],
    ['a status other than up/down/1/0', { status: 'ok' }, 'status "ok" must be up, down, 1 or 0'],
    ['a capitalised status', { status: 'UP' }, 'status "UP" must be up, down, 1 or 0'],
    ['no status', { status: null }, 'status is required (up, down, 1 or 0)'],
    ['a negative latency', { latency_ms: '-1' }, 'latency_ms "-1" must be a non-negative number'],
    ['a latency in exponent notation', { latency_ms: '1e3' }, 'latency_ms "1e3" must be a non-negative number'],
    ['a latency with a unit', { latency_ms: '120ms' }, 'latency_ms "120ms" must be a non-negative number'],
    ['a latency of two dots', { latency_ms: '1.2.3' }, 'latency_ms "1.2.3" must be a non-negative number'],
    [
      'a location not of the monitor',
      { location: 'paris' },
      'location "paris" is not a location of monitor "console" (tokyo, osaka or singapore)',
    ],
    [
      'no location for a monitor with several',
      { location: '' },
      'location is required for monitor "console" (tokyo, osaka or singapore)',
    ],
    [
      'a location for a monitor without locations',
      { monitor: 'api', location: 'tokyo' },
      'location "tokyo" is not a location of monitor "api" (local)',
    ],
    [
      'every problem of a row at once',
      { time: 'x', status: 'fail', latency_ms: '-2', location: 'mars' },
      'time "x" is not an ISO 8601 date-time with offset (e.g. ' +
        '2026-01-31T09:00:00+09:00); status "fail" must be up, down, 1 or 0; ' +
        'latency_ms "-2" must be a non-negative number; location "mars" is ' +
        'not a location of monitor "console" (tokyo, osaka or singapore)',
    ],
    [
      'no location check when the monitor is unknown',
      { monitor: 'nope', location: 'mars' },
      'monitor "nope" is not a configured monitor',
    ],
  ])('refuses %s', (_name, changes, reason) => {
    expect(parseCheckRow({ ...row, ...changes }, ctx)).toEqual({ ok: false, reason });
  });
});
