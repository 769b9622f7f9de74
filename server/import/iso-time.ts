// Imported times must name their instant unambiguously (SPEC §5 "Imports"): ISO 8601 / RFC 3339
// with an explicit UTC offset or Z. A time without an offset would be read in some machine's zone
// and shift a year of checks by hours, so it is refused rather than guessed.
//
// Hand-written rather than a regex plus Date.parse: a 5 M-row check import parses one time per
// row, and Date.parse also accepts forms we must refuse (no offset, "Jan 1 2026").

/** Accepted: `YYYY-MM-DDTHH:MM[:SS[.fff…]]` then `Z`, `±HH:MM`, `±HHMM` or `±HH` (`T` may be a space). */
export const isoTimeExample = '2026-01-31T09:00:00+09:00';

/**
 * Epoch milliseconds of an ISO 8601 date-time with offset, or the reason it is not one
 * (a phrase to follow the quoted value, e.g. `has no UTC offset; add Z or ±HH:MM`).
 * Fractions beyond milliseconds are truncated.
 */
export function parseIsoTimeMs(text: string): number | string {
  const n = text.length;
  if (n < 16 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) {
    return notIso;
  }
  const sep = text.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return notIso; // T, t or space (RFC 3339 §5.6)
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  let second = 0;
  let ms = 0;
  let i = 16;
  if (i < n && text.charCodeAt(i) === 58) {
    second = digitsAt(text, i + 1, 2);
    i += 3;
    const dot = text.charCodeAt(i);
    if (i < n && (dot === 46 || dot === 44)) {
      const start = ++i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i === start) return notIso;
      ms = digitsAt(text.slice(start, Math.min(i, start + 3)).padEnd(3, '0'), 0, 3);
    }
  }
  if ((year | month | day | hour | minute | second) < 0) return notIso;
  if (i === n) return noOffset;
  const offsetMinutes = parseOffsetMinutes(text, i);
  if (typeof offsetMinutes === 'string') return offsetMinutes;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'is not a valid date';
  if (hour > 23 || minute > 59 || second > 59) return 'is not a valid time of day';
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + ms;
}

const notIso = `is not an ISO 8601 date-time with offset (e.g. ${isoTimeExample})`;
const noOffset = 'has no UTC offset; add Z or ±HH:MM';

function parseOffsetMinutes(text: string, i: number): number | string {
  const c = text.charCodeAt(i);
  const rest = text.length - i;
  if (c === 90 || c === 122) return rest === 1 ? 0 : notIso; // Z, z
  if (c !== 43 && c !== 45) return text.slice(i).trim() === '' ? noOffset : notIso;
  const hours = digitsAt(text, i + 1, 2);
  let minutes = 0;
  if (rest === 6 && text.charCodeAt(i + 3) === 58) minutes = digitsAt(text, i + 4, 2);
  else if (rest === 5) minutes = digitsAt(text, i + 3, 2);
  else if (rest !== 3) return notIso;
  if (hours < 0 || minutes < 0) return notIso;
  if (hours > 23 || minutes > 59) return 'has an invalid UTC offset';
  return (c === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/** The number written by `count` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  if (at + count > text.length) return -1;
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
