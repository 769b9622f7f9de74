// Instants on the command line: ISO 8601 with an offset, so nobody's local clock decides.
import { DateTime } from 'luxon';
import { UsageError } from './io.ts';

export function parseInstantMs(text: string, flag: string): number {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text))
    throw new UsageError(`${flag} ${text}: give an ISO 8601 time with an offset, e.g. 2026-01-01T00:00:00+09:00`);
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid) throw new UsageError(`${flag} ${text}: not an ISO 8601 time (${dt.invalidExplanation})`);
  return dt.toMillis();
}
