// The service calendar, the naive way: is the wall clock of the service's timezone at this
// instant inside one of the weekly windows? (README rule 11: P counts only calendar time.)
// Membership is decided per minute of wall-clock time, so on a daylight-saving day a window
// covers exactly the instants whose local time falls in it: 01:00–03:00 on a spring-forward
// night is one hour of real time, on a fall-back night three.
import type { CalendarWindow } from '../../sla/model.ts';

const MINUTE_MS = 60_000;
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per calendar object: `${timezone} ${minute}` → inside. */
const cache = new WeakMap<CalendarWindow[], Map<string, boolean>>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Weekday (1 = Monday … 7 = Sunday) and minute of the day of an instant's wall clock. */
export function wallClock(tMs: number, timezone: string): { weekday: number; minuteOfDay: number } {
  const parts = formatter(timezone).formatToParts(new Date(tMs));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = weekdays[part('weekday')];
  if (weekday === undefined) throw new Error(`calendar: no weekday for ${tMs} in ${timezone}`);
  return { weekday, minuteOfDay: (Number(part('hour')) % 24) * 60 + Number(part('minute')) };
}

/** null calendar: 24x7. Timezone offsets are whole minutes, so one lookup per minute is exact. */
export function isInCalendar(tMs: number, timezone: string, calendar: CalendarWindow[] | null): boolean {
  if (calendar === null) return true;
  const minuteMs = Math.floor(tMs / MINUTE_MS) * MINUTE_MS;
  let memo = cache.get(calendar);
  if (!memo) {
    memo = new Map();
    cache.set(calendar, memo);
  }
  const key = `${timezone} ${minuteMs}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const { weekday, minuteOfDay } = wallClock(minuteMs, timezone);
  const inside = calendar.some(
    (w) => w.days.includes(weekday) && w.startMinute <= minuteOfDay && minuteOfDay < w.endMinute,
  );
  memo.set(key, inside);
  return inside;
}
