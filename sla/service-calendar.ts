// SPEC §1 "service calendar" and §2.6: planned time counts only inside the service hours, given
// as weekly windows of wall-clock time in the service's timezone (default 24x7). An instant is in
// the calendar when its local clock reading falls inside a window of its local weekday, so on a
// daylight-saving night a 02:30–04:00 window lasts one hour (spring forward) and a 01:30–02:00
// window is passed through twice (fall back).
import { DateTime } from 'luxon';
import type { CalendarWindow } from './model.ts';
import { unionIntervals, type Interval } from './intervals.ts';

const minuteMs = 60_000;
const dayMs = 86_400_000;
/** No zone changes its offset twice within 6 hours, so scanning at this step finds every change. */
const scanStepMs = 6 * 3_600_000;

/** Stretches of [fromMs, toMs) with one UTC offset each (ms to add to an instant for wall time). */
export function constantOffsetPieces(
  timezone: string,
  fromMs: number,
  toMs: number,
): { startMs: number; endMs: number; offsetMs: number }[] {
  const offsetAt = (t: number) => DateTime.fromMillis(t, { zone: timezone }).offset * minuteMs;
  const pieces: { startMs: number; endMs: number; offsetMs: number }[] = [];
  let startMs = fromMs;
  let offsetMs = offsetAt(fromMs);
  for (let probe = fromMs; probe < toMs; ) {
    const next = Math.min(probe + scanStepMs, toMs);
    const nextOffset = offsetAt(next === toMs ? toMs - 1 : next);
    if (nextOffset !== offsetMs) {
      // Binary search for the first instant with the new offset.
      let lo = probe;
      let hi = next === toMs ? toMs - 1 : next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === offsetMs) lo = mid;
        else hi = mid;
      }
      pieces.push({ startMs, endMs: hi, offsetMs });
      startMs = hi;
      offsetMs = offsetAt(hi);
    }
    probe = next;
  }
  pieces.push({ startMs, endMs: toMs, offsetMs });
  return pieces.filter((p) => p.endMs > p.startMs);
}

export function calendarIntervals(
  calendar: readonly CalendarWindow[] | null,
  timezone: string,
  fromMs: number,
  toMs: number,
): Interval[] {
  if (toMs <= fromMs) return [];
  if (calendar === null) return [{ startMs: fromMs, endMs: toMs }];
  const out: Interval[] = [];
  for (const piece of constantOffsetPieces(timezone, fromMs, toMs)) {
    // Wall time is UTC arithmetic shifted by the offset: each local day is a plain 24 h there.
    const wallFromMs = piece.startMs + piece.offsetMs;
    const wallToMs = piece.endMs + piece.offsetMs;
    for (let dayWallMs = Math.floor(wallFromMs / dayMs) * dayMs; dayWallMs < wallToMs; dayWallMs += dayMs) {
      const weekday = ((new Date(dayWallMs).getUTCDay() + 6) % 7) + 1; // 1 = Monday … 7 = Sunday
      for (const window of calendar) {
        if (!window.days.includes(weekday)) continue;
        const startMs = Math.max(dayWallMs + window.startMinute * minuteMs, wallFromMs) - piece.offsetMs;
        const endMs = Math.min(dayWallMs + window.endMinute * minuteMs, wallToMs) - piece.offsetMs;
        if (endMs > startMs) out.push({ startMs, endMs });
      }
    }
  }
  return unionIntervals(out);
}
