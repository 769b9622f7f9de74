// SPEC §1 "service calendar" and §2.6: planned time counts only inside the service hours, given
// as weekly windows in the service's timezone (default 24x7).
import { DateTime } from 'luxon';
import type { CalendarWindow } from './model.ts';
import { clipIntervals, unionIntervals, type Interval } from './intervals.ts';

export function calendarIntervals(
  calendar: readonly CalendarWindow[] | null,
  timezone: string,
  fromMs: number,
  toMs: number,
): Interval[] {
  if (toMs <= fromMs) return [];
  if (calendar === null) return [{ startMs: fromMs, endMs: toMs }];
  const out: Interval[] = [];
  // Start a day early so a window of the previous local day is seen; stop after the last one.
  let day = DateTime.fromMillis(fromMs, { zone: timezone }).startOf('day').minus({ days: 1 });
  while (day.toMillis() < toMs) {
    for (const window of calendar) {
      if (!window.days.includes(day.weekday)) continue;
      const startMs = localMinuteMs(day, window.startMinute);
      const endMs = localMinuteMs(day, window.endMinute);
      out.push({ startMs, endMs });
    }
    day = day.plus({ days: 1 });
  }
  return clipIntervals(unionIntervals(out), fromMs, toMs);
}

/** Wall-clock minute of a local day (calendar math, so a DST day keeps 09:00 at 09:00). */
function localMinuteMs(day: DateTime, minuteOfDay: number): number {
  if (minuteOfDay >= 24 * 60) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toMillis();
}
