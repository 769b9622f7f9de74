// GET /api/v1/services/{id}/incidents, /maintenance and /month-changes: the stored records of a
// period (read only; editing is another module's).
import { Hono } from 'hono';
import { countedIncidents } from '../../../sla/incident-figures.ts';
import type { ApiModule } from './api-module.ts';
import { apiPeriodOf, periodParameters } from './api-period.ts';
import { errorResponses, jsonResponse } from './openapi.ts';
import { serviceOr404 } from './service-lookup.ts';
import {
  incidentJson,
  incidentSchema,
  maintenanceJson,
  maintenanceSchema,
  monthChangeJson,
  monthChangeSchema,
} from './record-json.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;

export const recordsApi: ApiModule = {
  name: 'records',
  routes(deps) {
    const app = new Hono();
    app.get('/services/:id/incidents', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const nowMs = deps.nowMs();
      const { fromMs, toMs } = apiPeriodOf(c, service.spec.timezone, nowMs);
      const incidents = (await deps.store.listIncidents(service.spec.id, fromMs, toMs)).sort(
        (a, b) => a.startedAtMs - b.startedAtMs,
      );
      const counted = new Set(countedIncidents(incidents, fromMs, toMs, nowMs));
      return c.json({
        service: service.spec.id,
        period: { from: iso(fromMs), to: iso(toMs), timezone: service.spec.timezone },
        incidents: incidents.map((i) => ({ ...incidentJson(i, nowMs), counted: counted.has(i) })),
      });
    });
    app.get('/services/:id/maintenance', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const { fromMs, toMs } = apiPeriodOf(c, service.spec.timezone, deps.nowMs());
      const windows = (await deps.store.listMaintenance(service.spec.id, fromMs, toMs)).sort(
        (a, b) => a.startMs - b.startMs,
      );
      return c.json({
        service: service.spec.id,
        period: { from: iso(fromMs), to: iso(toMs), timezone: service.spec.timezone },
        maintenance: windows.map((w) => maintenanceJson(w, service.spec.claims)),
      });
    });
    app.get('/services/:id/month-changes', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const { fromMs, toMs } = apiPeriodOf(c, service.spec.timezone, deps.nowMs());
      const changes = await deps.store.listMonthChanges(service.spec.id, fromMs, toMs);
      return c.json({
        service: service.spec.id,
        period: { from: iso(fromMs), to: iso(toMs), timezone: service.spec.timezone },
        changes: changes.map((row) => monthChangeJson(row, service.spec.timezone)),
      });
    });
    return app;
  },
  openapi: {
    paths: {
      '/services/{id}/incidents': {
        get: {
          summary: 'Incidents that overlap the period or start in it',
          operationId: 'listIncidents',
          parameters: [idParameter, ...periodParameters],
          responses: {
            '200': jsonResponse(
              'Incidents, oldest first; `counted`: counts in the period (SPEC rule 9).',
              'IncidentList',
            ),
            ...errorResponses,
          },
        },
      },
      '/services/{id}/maintenance': {
        get: {
          summary: 'Maintenance windows that overlap the period or start in it, with their notice',
          operationId: 'listMaintenance',
          parameters: [idParameter, ...periodParameters],
          responses: { '200': jsonResponse('Windows, oldest first.', 'MaintenanceList'), ...errorResponses },
        },
      },
      '/services/{id}/month-changes': {
        get: {
          summary:
            'Changes to frozen months whose month starts in the period: who, when, what, why, ' +
            'and the figures before and after',
          operationId: 'listMonthChanges',
          parameters: [idParameter, ...periodParameters],
          responses: {
            '200': jsonResponse('Changes in the order they were made.', 'MonthChangeList'),
            ...errorResponses,
          },
        },
      },
    },
    schemas: {
      Incident: incidentSchema,
      MonthChange: monthChangeSchema,
      MonthChangeList: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          period: { $ref: '#/components/schemas/Period' },
          changes: { type: 'array', items: { $ref: '#/components/schemas/MonthChange' } },
        },
      },
      Maintenance: maintenanceSchema,
      IncidentList: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          period: { $ref: '#/components/schemas/Period' },
          incidents: {
            type: 'array',
            items: {
              allOf: [
                { $ref: '#/components/schemas/Incident' },
                { type: 'object', properties: { counted: { type: 'boolean' } } },
              ],
            },
          },
        },
      },
      MaintenanceList: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          period: { $ref: '#/components/schemas/Period' },
          maintenance: { type: 'array', items: { $ref: '#/components/schemas/Maintenance' } },
        },
      },
    },
  },
};
