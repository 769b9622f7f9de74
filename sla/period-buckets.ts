// A period cut into the buckets its charts show, in the service's timezone: days for a period up
// to 35 days, weeks (7 local days from the period's start) up to 120 days, calendar months beyond.
// The first and last bucket are clipped to [from, to). Pure.
import { DateTime } from 'luxon';

export const bucketUnits = ['day', 'week', 'month'] as const;
export type BucketUnit = (typeof bucketUnits)[number];

export interface Bucket {
  fromMs: number;
  toMs: number;
  /** 2025-05, or 2025-05-03 for days and weeks (the bucket's first local day). */
  label: string;
}

const dayMs = 86_400_000;

export function bucketUnitFor(fromMs: number, toMs: number): BucketUnit {
  const days = (toMs - fromMs) / dayMs;
  if (days <= 35) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}

export function splitPeriod(
  fromMs: number,
  toMs: number,
  timezone: string,
  unit: BucketUnit = bucketUnitFor(fromMs, toMs),
): Bucket[] {
  const buckets: Bucket[] = [];
  const start = DateTime.fromMillis(fromMs, { zone: timezone });
  // Calendar steps from the local start of the unit that holds `from`, so months stay months.
  let cursor = unit === 'month' ? start.startOf('month') : start.startOf('day');
  while (cursor.toMillis() < toMs) {
    const next = unit === 'month' ? cursor.plus({ months: 1 }) : cursor.plus({ days: unit === 'week' ? 7 : 1 });
    const bFrom = Math.max(fromMs, cursor.toMillis());
    const bTo = Math.min(toMs, next.toMillis());
    if (bTo > bFrom) {
      const local = DateTime.fromMillis(bFrom, { zone: timezone });
      buckets.push({ fromMs: bFrom, toMs: bTo, label: local.toFormat(unit === 'month' ? 'yyyy-MM' : 'yyyy-MM-dd') });
    }
    cursor = next;
  }
  return buckets;
}
