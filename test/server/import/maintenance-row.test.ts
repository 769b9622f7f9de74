import { describe, expect, it } from 'vitest';
import { parseMaintenanceRow } from '../../../server/import/maintenance-row.ts';
import { ctx } from './import-context.ts';

const row = {
  service: 'lanscope-cloud',
  start: '2026-12-05T01:00:00+09:00',
  end: '2026-12-05T03:00:00+09:00',
  kind: 'downtime',
  announced_at: '2026-11-25T10:00:00+09:00',
  title: 'Database upgrade',
};

describe('parseMaintenanceRow', () => {
  it('a full row becomes a maintenance window', () => {
    expect(parseMaintenanceRow(row, ctx)).toEqual({
      ok: true,
      value: {
        serviceId: 'lanscope-cloud',
        startMs: Date.UTC(2026, 11, 4, 16),
        endMs: Date.UTC(2026, 11, 4, 18),
        kind: 'downtime',
        announcedAtMs: Date.UTC(2026, 10, 25, 1),
        title: 'Database upgrade',
      },
    });
  });

  it.each([
    ['an unannounced window has a null announced_at', { announced_at: '' }, { announcedAtMs: null }],
    ['a no-downtime window', { kind: 'no-downtime' }, { kind: 'no-downtime' }],
    [
      'an announcement after the start is recorded (it is a notice violation, not a bad row)',
      { announced_at: '2026-12-05T02:00:00+09:00' },
      { announcedAtMs: Date.UTC(2026, 11, 4, 17) },
    ],
  ])('%s', (_name, changes, expected) => {
    expect(parseMaintenanceRow({ ...row, ...changes }, ctx)).toEqual({
      ok: true,
      value: expect.objectContaining(expected),
    });
  });

  it.each([
    ['an unknown service', { service: 'nope' }, 'service "nope" is not a configured service'],
    ['an end before the start', { end: '2026-12-05T00:00:00+09:00' }, 'end must be after start'],
    ['an end at the start', { end: row.start }, 'end must be after start'],
    ['no end', { end: '' }, 'end is required'],
    ['no kind', { kind: '' }, 'kind is required (downtime or no-downtime)'],
    [
      'a kind other than downtime or no-downtime',
      { kind: 'partial' },
      'kind "partial" must be downtime or no-downtime',
    ],
    [
      'an announcement time without offset',
      { announced_at: '2026-11-25 10:00' },
      'announced_at "2026-11-25 10:00" has no UTC offset; add Z or ±HH:MM',
    ],
    ['no title', { title: '' }, 'title is required'],
  ])('refuses %s', (_name, changes, reason) => {
    expect(parseMaintenanceRow({ ...row, ...changes }, ctx)).toEqual({ ok: false, reason });
  });
});
