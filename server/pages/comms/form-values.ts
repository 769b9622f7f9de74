// Form fields of the incident and maintenance pages: datetime-local values are wall-clock times
// in the service's timezone (no offset), so they are read and written in that zone.
import { DateTime } from 'luxon';

/** `2026-06-01T11:00` in `zone` → epoch ms; '' → null; anything else → undefined (invalid). */
export function parseLocalDateTime(value: string | undefined, zone: string): number | null | undefined {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const parsed = DateTime.fromISO(text, { zone });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

export function localDateTimeValue(ms: number | null, zone: string): string {
  return ms === null ? '' : DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A form field as a string ('' when missing or a file). */
export function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}
