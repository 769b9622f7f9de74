// The fields of the maintenance form: title, kind, start and end, and when it was announced (empty:
// not yet), the times wall-clock in the service's timezone.
import type { MaintenanceFields } from '../../../jobs/maintenance-actions.ts';
import type { MaintenanceKind } from '../../../sla/model.ts';
import { field, parseLocalDateTime } from './form-values.ts';

export function maintenanceFields(
  form: Record<string, unknown>,
  zone: string,
): { ok: true; fields: MaintenanceFields } | { ok: false; message: string } {
  const title = field(form, 'title').trim();
  if (!title) return { ok: false, message: 'title: required' };
  const times: Record<string, number | null> = {};
  for (const name of ['start', 'end', 'announced_at']) {
    const ms = parseLocalDateTime(field(form, name), zone);
    if (ms === undefined || (ms === null && name !== 'announced_at'))
      return { ok: false, message: `${name}: ${ms === null ? 'required' : 'invalid date and time'}` };
    times[name] = ms;
  }
  const kind: MaintenanceKind = field(form, 'kind') === 'no-downtime' ? 'no-downtime' : 'downtime';
  return {
    ok: true,
    fields: { title, kind, startMs: times.start!, endMs: times.end!, announcedAtMs: times.announced_at ?? null },
  };
}
