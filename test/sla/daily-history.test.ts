// The status page's day-by-day history (sla/daily-history.ts), by hand.
import { describe, expect, it } from 'vitest';
import { computeDailyHistory, dayBounds } from '../../sla/daily-history.ts';
import { incident, monitor, service } from '../oracle/build.ts';

const dayMs = 86_400_000;

describe('daily history', () => {
  it('cuts days in the service timezone: in Tokyo a day starts at 15:00 UTC', () => {
    const days = dayBounds('Asia/Tokyo', Date.parse('2026-03-02T16:00:00Z'), 2);
    expect(days).toEqual([
      { date: '2026-03-02', fromMs: Date.parse('2026-03-01T15:00:00Z'), toMs: Date.parse('2026-03-02T15:00:00Z') },
      { date: '2026-03-03', fromMs: Date.parse('2026-03-02T15:00:00Z'), toMs: Date.parse('2026-03-03T15:00:00Z') },
    ]);
  });

  it('gives each day its downtime and availability; a day with nothing measured has none', () => {
    const nowMs = Date.parse('2026-03-03T12:00:00Z');
    const svc = service({ monitors: [monitor('web')] });
    // Up from 2026-03-02T00:00Z to now; a manual outage 01:00–01:36 on the 2nd.
    const timeline = [{ startMs: Date.parse('2026-03-02T00:00:00Z'), endMs: nowMs, state: 'up' as const }];
    const outage = {
      ...incident(0, 0),
      startedAtMs: Date.parse('2026-03-02T01:00:00Z'),
      resolvedAtMs: Date.parse('2026-03-02T01:36:00Z'),
    };
    const days = computeDailyHistory({ service: svc, nowMs, days: 3, timeline, incidents: [outage], maintenance: [] });
    expect(days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(days[0]!.availability).toBeNull();
    // 36 min of 1,440: 1 − 36/1440 = 0.975.
    expect(days[1]!.downtimeMs).toBe(36 * 60_000);
    expect(days[1]!.availability).toBeCloseTo(0.975, 12);
    // Today so far (12 h), all up.
    expect(days[2]).toMatchObject({ downtimeMs: 0, availability: 1 });
    expect(days[2]!.toMs - days[2]!.fromMs).toBe(dayMs);
  });
});
