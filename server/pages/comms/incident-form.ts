// The fields of the incident form: title, impact and cause always; the times only of an incident
// not measured by probes (a probe's incident keeps the times its checks gave it).
import type { IncidentFields } from '../../../jobs/communications.ts';
import type { IncidentImpact } from '../../../sla/model.ts';
import { field, parseLocalDateTime } from './form-values.ts';

/** The fields of the incident form, or why they are invalid; times are wall-clock in `zone`. */
export function incidentFields(
  form: Record<string, unknown>,
  zone: string,
  locked: boolean,
): { ok: true; fields: Partial<IncidentFields> } | { ok: false; message: string } {
  const fields: Partial<IncidentFields> = {
    title: field(form, 'title').trim(),
    impact: (field(form, 'impact') === 'partial' ? 'partial' : 'outage') as IncidentImpact,
    cause: field(form, 'cause').trim() || null,
  };
  if (!fields.title) return { ok: false, message: 'title: required' };
  if (locked) return { ok: true, fields };
  for (const [name, key] of [
    ['started_at', 'startedAtMs'],
    ['detected_at', 'detectedAtMs'],
    ['resolved_at', 'resolvedAtMs'],
  ] as const) {
    const ms = parseLocalDateTime(field(form, name), zone);
    if (ms === undefined) return { ok: false, message: `${name}: invalid date and time` };
    if (key === 'startedAtMs' && ms === null) return { ok: false, message: 'started_at: required' };
    (fields as Record<string, number | null>)[key] = ms;
  }
  return { ok: true, fields };
}
