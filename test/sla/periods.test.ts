// Calendar periods cut in a service's timezone (SPEC §2.7: "[from, to) cut in the service's tz").
// Every expected instant is worked out by hand from the zone's offset on that local midnight;
// the length is checked too, so a period that crosses a daylight-saving change must come out an
// hour shorter or longer than its days.
import { describe, expect, it } from 'vitest';
import * as periods from '../../sla/periods.ts';

type PeriodsModule = typeof periods;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface PeriodCase {
  name: string;
  cut(p: PeriodsModule): { fromMs: number; toMs: number };
  from: string;
  to: string;
  lengthMs: number;
}

const cases: PeriodCase[] = [
  {
    // JST is UTC+9 all year: 2026-01-01 00:00 JST = 2025-12-31 15:00 UTC.
    name: 'Asia/Tokyo year 2026 starts at 2025-12-31T15:00:00Z',
    cut: (p) => p.periodOfYear('Asia/Tokyo', 2026),
    from: '2025-12-31T15:00:00Z',
    to: '2026-12-31T15:00:00Z',
    lengthMs: 365 * DAY_MS,
  },
  {
    name: 'UTC year 2024 is a leap year of 366 days',
    cut: (p) => p.periodOfYear('UTC', 2024),
    from: '2024-01-01T00:00:00Z',
    to: '2025-01-01T00:00:00Z',
    lengthMs: 366 * DAY_MS,
  },
  {
    // Both new years fall in EST (UTC−5); the DST hour gained and lost cancel out.
    name: 'America/New_York year 2026 runs from 05:00 UTC to 05:00 UTC',
    cut: (p) => p.periodOfYear('America/New_York', 2026),
    from: '2026-01-01T05:00:00Z',
    to: '2027-01-01T05:00:00Z',
    lengthMs: 365 * DAY_MS,
  },
  {
    // April 1 and July 1 00:00 JST: 2026-03-31 15:00 UTC and 2026-06-30 15:00 UTC; 30 + 31 + 30 days.
    name: 'Asia/Tokyo 2026 Q2 is 91 days from 2026-03-31T15:00:00Z',
    cut: (p) => p.periodOfQuarter('Asia/Tokyo', 2026, 2),
    from: '2026-03-31T15:00:00Z',
    to: '2026-06-30T15:00:00Z',
    lengthMs: 91 * DAY_MS,
  },
  {
    // Jan 1 00:00 GMT = 00:00 UTC; BST from Sunday March 29, so April 1 00:00 BST = Mar 31 23:00 UTC.
    // 31 + 28 + 31 = 90 days, minus the hour skipped.
    name: 'Europe/London 2026 Q1 is 90 days minus one hour',
    cut: (p) => p.periodOfQuarter('Europe/London', 2026, 1),
    from: '2026-01-01T00:00:00Z',
    to: '2026-03-31T23:00:00Z',
    lengthMs: 90 * DAY_MS - HOUR_MS,
  },
  {
    // Oct 1 00:00 BST = Sep 30 23:00 UTC; BST ends Sunday Oct 25; Jan 1 00:00 GMT. 92 days + 1 hour.
    name: 'Europe/London 2026 Q4 is 92 days plus one hour',
    cut: (p) => p.periodOfQuarter('Europe/London', 2026, 4),
    from: '2026-09-30T23:00:00Z',
    to: '2027-01-01T00:00:00Z',
    lengthMs: 92 * DAY_MS + HOUR_MS,
  },
  {
    // March 1 00:00 EST (UTC−5) = 05:00 UTC; DST from Sunday March 8; April 1 00:00 EDT (UTC−4) =
    // 04:00 UTC. 31 days minus the hour skipped.
    name: 'America/New_York March 2026 is 31 days minus one hour',
    cut: (p) => p.periodOfMonth('America/New_York', 2026, 3),
    from: '2026-03-01T05:00:00Z',
    to: '2026-04-01T04:00:00Z',
    lengthMs: 31 * DAY_MS - HOUR_MS,
  },
  {
    // November 1 2026 is a Sunday: DST ends at 02:00 that morning, so 00:00 is still EDT =
    // 04:00 UTC; December 1 00:00 EST = 05:00 UTC. 30 days plus the hour repeated.
    name: 'America/New_York November 2026 is 30 days plus one hour',
    cut: (p) => p.periodOfMonth('America/New_York', 2026, 11),
    from: '2026-11-01T04:00:00Z',
    to: '2026-12-01T05:00:00Z',
    lengthMs: 30 * DAY_MS + HOUR_MS,
  },
  {
    // Oct 1 00:00 BST = Sep 30 23:00 UTC; Nov 1 00:00 GMT = 00:00 UTC. 31 days + 1 hour.
    name: 'Europe/London October 2026 is 31 days plus one hour',
    cut: (p) => p.periodOfMonth('Europe/London', 2026, 10),
    from: '2026-09-30T23:00:00Z',
    to: '2026-11-01T00:00:00Z',
    lengthMs: 31 * DAY_MS + HOUR_MS,
  },
  {
    name: 'UTC February 2024 has 29 days',
    cut: (p) => p.periodOfMonth('UTC', 2024, 2),
    from: '2024-02-01T00:00:00Z',
    to: '2024-03-01T00:00:00Z',
    lengthMs: 29 * DAY_MS,
  },
  {
    name: 'UTC February 2026 has 28 days',
    cut: (p) => p.periodOfMonth('UTC', 2026, 2),
    from: '2026-02-01T00:00:00Z',
    to: '2026-03-01T00:00:00Z',
    lengthMs: 28 * DAY_MS,
  },
  {
    // Dec 1 00:00 JST = Nov 30 15:00 UTC; Jan 1 2027 00:00 JST = Dec 31 15:00 UTC.
    name: 'Asia/Tokyo December 2026 ends where the year ends',
    cut: (p) => p.periodOfMonth('Asia/Tokyo', 2026, 12),
    from: '2026-11-30T15:00:00Z',
    to: '2026-12-31T15:00:00Z',
    lengthMs: 31 * DAY_MS,
  },
  {
    name: "the label '2026' in Asia/Tokyo is the Tokyo year",
    cut: (p) => p.parsePeriodLabel('2026', 'Asia/Tokyo'),
    from: '2025-12-31T15:00:00Z',
    to: '2026-12-31T15:00:00Z',
    lengthMs: 365 * DAY_MS,
  },
  {
    name: "the label '2026-Q2' in Asia/Tokyo is the Tokyo second quarter",
    cut: (p) => p.parsePeriodLabel('2026-Q2', 'Asia/Tokyo'),
    from: '2026-03-31T15:00:00Z',
    to: '2026-06-30T15:00:00Z',
    lengthMs: 91 * DAY_MS,
  },
  {
    name: "the label '2026-05' in UTC is May",
    cut: (p) => p.parsePeriodLabel('2026-05', 'UTC'),
    from: '2026-05-01T00:00:00Z',
    to: '2026-06-01T00:00:00Z',
    lengthMs: 31 * DAY_MS,
  },
  {
    // May 1 00:00 BST = Apr 30 23:00 UTC; June 1 00:00 BST = May 31 23:00 UTC.
    name: "the label '2026-05' in Europe/London is the London May",
    cut: (p) => p.parsePeriodLabel('2026-05', 'Europe/London'),
    from: '2026-04-30T23:00:00Z',
    to: '2026-05-31T23:00:00Z',
    lengthMs: 31 * DAY_MS,
  },
];

const labels = [
  { label: '2026', timezone: 'Asia/Tokyo' },
  { label: '2026-Q2', timezone: 'Asia/Tokyo' },
  { label: '2026-05', timezone: 'UTC' },
];

const invalidLabels = ['2026-13', '2026-00', '2026-Q5', '2026-Q0', 'Q2-2026', 'last year', '26', ''];

describe('calendar periods in a timezone', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { fromMs, toMs } = c.cut(periods);
      expect(new Date(fromMs).toISOString()).toBe(new Date(c.from).toISOString());
      expect(new Date(toMs).toISOString()).toBe(new Date(c.to).toISOString());
      expect(toMs - fromMs).toBe(c.lengthMs);
    });
  }

  for (const { label, timezone } of labels) {
    it(`the label '${label}' comes back as the period's label`, () => {
      expect(periods.parsePeriodLabel(label, timezone).label).toBe(label);
    });
  }

  it("puts an instant in the year of the timezone's wall clock", () => {
    // Tokyo is UTC+9 all year: its 2027 begins at 2026-12-31T15:00Z. New York is UTC−5 in winter.
    expect(periods.yearContaining('Asia/Tokyo', Date.parse('2026-12-31T14:59:59.999Z'))).toBe(2026);
    expect(periods.yearContaining('Asia/Tokyo', Date.parse('2026-12-31T15:00:00Z'))).toBe(2027);
    expect(periods.yearContaining('America/New_York', Date.parse('2027-01-01T04:59:59Z'))).toBe(2026);
    expect(periods.yearContaining('UTC', Date.parse('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  for (const label of invalidLabels) {
    it(`the label '${label}' is refused with an Error naming it`, () => {
      expect(() => periods.parsePeriodLabel(label, 'UTC')).toThrow(Error);
      if (label !== '') expect(() => periods.parsePeriodLabel(label, 'UTC')).toThrow(label);
    });
  }
});
