// The year's incidents as CSV: start, detected, notified, resolved, duration, impact,
// notification delay. Times are ISO 8601 in the service's timezone; durations in seconds.
import { csvText } from './csv-text.ts';
import { DateTime } from 'luxon';
import type { Incident } from '../../sla/model.ts';
import { notificationDelayMs } from '../../sla/incident-figures.ts';

export const incidentColumns = [
  'id',
  'started_at',
  'detected_at',
  'notified_at',
  'resolved_at',
  'duration_seconds',
  'impact',
  'source',
  'notification_delay_seconds',
  'title',
  'cause',
] as const;

export function renderIncidentsCsv(incidents: readonly Incident[], timezone: string): string {
  const iso = (ms: number | null) =>
    ms === null ? '' : DateTime.fromMillis(ms, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
  const seconds = (ms: number | null) => (ms === null ? '' : String(ms / 1000));
  const rows = incidents.map((i) => [
    i.id ?? '',
    iso(i.startedAtMs),
    iso(i.detectedAtMs),
    iso(i.notifiedAtMs),
    iso(i.resolvedAtMs),
    seconds(i.resolvedAtMs === null ? null : i.resolvedAtMs - i.startedAtMs),
    i.impact,
    i.source,
    seconds(notificationDelayMs(i)),
    i.title,
    i.cause ?? '',
  ]);
  return csvText([[...incidentColumns], ...rows], 'unix');
}
