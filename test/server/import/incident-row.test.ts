import { describe, expect, it } from 'vitest';
import { parseIncidentRow } from '../../../server/import/incident-row.ts';
import { ctx } from './import-context.ts';

const row = {
  service: 'lanscope-cloud',
  started_at: '2026-02-01T10:00:00+09:00',
  detected_at: '2026-02-01T10:02:00+09:00',
  notified_at: '2026-02-01T10:30:00+09:00',
  resolved_at: '2026-02-01T11:00:00+09:00',
  impact: 'outage',
  title: 'Console unreachable',
};

describe('parseIncidentRow', () => {
  it('a full row becomes an imported incident', () => {
    expect(parseIncidentRow(row, ctx)).toEqual({
      ok: true,
      value: {
        serviceId: 'lanscope-cloud',
        startedAtMs: Date.UTC(2026, 1, 1, 1, 0),
        detectedAtMs: Date.UTC(2026, 1, 1, 1, 2),
        notifiedAtMs: Date.UTC(2026, 1, 1, 1, 30),
        resolvedAtMs: Date.UTC(2026, 1, 1, 2, 0),
        impact: 'outage',
        source: 'import',
        title: 'Console unreachable',
      },
    });
  });

  it.each([
    [
      'optional times may be empty',
      { detected_at: '', notified_at: null, resolved_at: undefined },
      { detectedAtMs: null, notifiedAtMs: null, resolvedAtMs: null },
    ],
    ['impact defaults to outage', { impact: '' }, { impact: 'outage' }],
    ['a partial impact is kept', { impact: 'partial' }, { impact: 'partial' }],
    ['detected at the start is fine', { detected_at: row.started_at }, { detectedAtMs: Date.UTC(2026, 1, 1, 1, 0) }],
    ['the title is trimmed', { title: '  DB down  ' }, { title: 'DB down' }],
  ])('%s', (_name, changes, expected) => {
    expect(parseIncidentRow({ ...row, ...changes }, ctx)).toEqual({
      ok: true,
      value: expect.objectContaining(expected),
    });
  });

  it.each([
    ['an unknown service', { service: 'nope' }, 'service "nope" is not a configured service'],
    ['no start', { started_at: '' }, 'started_at is required'],
    [
      'a start without offset',
      { started_at: '2026-02-01T10:00:00' },
      'started_at "2026-02-01T10:00:00" has no UTC offset; add Z or ±HH:MM',
    ],
    ['detection before the start', { detected_at: '2026-02-01T09:59:59+09:00' }, 'detected_at is before started_at'],
    ['notification before the start', { notified_at: '2026-02-01T00:59:00Z' }, 'notified_at is before started_at'],
    ['resolution at the start', { resolved_at: '2026-02-01T01:00:00Z' }, 'resolved_at must be after started_at'],
    ['an impact other than outage or partial', { impact: 'minor' }, 'impact "minor" must be outage or partial'],
    ['a blank title', { title: '   ' }, 'title is required'],
    [
      'a bad detection time',
      { detected_at: 'soon' },
      'detected_at "soon" is not an ISO 8601 date-time with offset (e.g. 2026-01-31T09:00:00+09:00)',
    ],
  ])('refuses %s', (_name, changes, reason) => {
    expect(parseIncidentRow({ ...row, ...changes }, ctx)).toEqual({ ok: false, reason });
  });
});
