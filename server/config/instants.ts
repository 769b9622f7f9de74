// Instants as the config writes them: ISO 8601 with an explicit offset
// (`2026-12-05T01:00:00+09:00`, or `Z`). A local time without an offset is refused: it would
// silently depend on the server's timezone.

import { describeValue } from './describe-value.ts';

const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

export function invalidInstantMessage(input: unknown): string {
  return `invalid time ${describeValue(input)} (use ISO 8601 with an offset, e.g. 2026-12-05T01:00:00+09:00)`;
}

/** Epoch milliseconds of an ISO 8601 instant with offset, or null (also for 2026-02-30 and 25:00). */
export function parseInstantMs(text: string): number | null {
  const match = instantPattern.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const second = Number(match[6] ?? '0');
  const millisecond = Number((match[7] ?? '').padEnd(3, '0'));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (hour === undefined || minute === undefined) return null;
  if (year < 1970) return null; // also keeps Date.UTC away from its two-digit-year quirk
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = match[8] ? 0 : offsetOf(match[9], match[10], match[11]);
  if (offsetMinutes === null) return null;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return localMs - offsetMinutes * 60_000;
}

function offsetOf(sign?: string, hours?: string, minutes?: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 23 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
