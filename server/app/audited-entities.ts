// What the audit log records of changes made through the app's routes (SPEC §6), beyond the
// security pages (which audit themselves): each entity's paths and how to read it for before/after.
// A route that changes something else adds a line here.
import type { Store } from '../../db/store.ts';
import type { AuditedEntity } from '../security/http/audit-changes.ts';

export function auditedEntities(store: Store): AuditedEntity[] {
  const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
  return [
    // Incidents, maintenance windows and alerts, through the API and the pages alike.
    {
      pattern: /^\/(?:api\/v1\/)?incidents(?:\/([^/]+))?(?:\/.*)?$/,
      entity: 'incident',
      createdId: /\/incidents\/([^/?]+)/,
      load: async (id) => {
        const incident = await store.comms.getIncident(id);
        return incident
          ? {
              ...incident,
              startedAt: iso(incident.startedAtMs),
              resolvedAt: iso(incident.resolvedAtMs),
              notes: (await store.comms.listIncidentNotes(id)).length,
            }
          : null;
      },
    },
    {
      pattern: /^\/(?:api\/v1\/)?maintenance(?:\/([^/]+))?(?:\/.*)?$/,
      entity: 'maintenance',
      createdId: /\/maintenance\/([^/?]+)/,
      load: (id) => store.comms.getMaintenance(id),
    },
    { pattern: /^\/(?:api\/v1\/)?alerts\/([^/]+)(?:\/.*)?$/, entity: 'alert', load: (id) => store.comms.getAlert(id) },
    // Alertmanager's webhook opens and resolves incidents: the answer says which.
    { pattern: /^\/api\/v1\/alertmanager$/, entity: 'incident' },
    // The claims of a service, from an uploaded check sheet ("preview" changes nothing and is not recorded).
    {
      pattern: /^\/services\/([^/]+)\/sheet$/,
      entity: 'claims',
      load: async (serviceId) => {
        const sheet = await store.getSheet(serviceId);
        return sheet
          ? {
              fileName: sheet.fileName,
              imported: new Date(sheet.importedAtMs).toISOString(),
              claims: JSON.parse(sheet.claimsJson),
            }
          : null;
      },
    },
  ];
}
