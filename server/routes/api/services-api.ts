// GET /api/v1/services and /services/{id}: what is watched and what is claimed (never a secret:
// no URLs with tokens, no headers, no push tokens).
import { Hono } from 'hono';
import type { ServiceConfig } from '../../config/types.ts';
import type { ApiModule } from './api-module.ts';
import { errorResponses, jsonResponse } from './openapi.ts';
import { serviceOr404 } from './service-lookup.ts';
import { toReportUnits } from '../../../sla/service-report.ts';

export function serviceJson(service: ServiceConfig) {
  const { spec } = service;
  return {
    id: spec.id,
    name: spec.name,
    timezone: spec.timezone,
    downWhen: spec.downWhen,
    longAfterSeconds: spec.longAfterMs / 1000,
    historyFrom: spec.historyFromMs === null ? null : new Date(spec.historyFromMs).toISOString(),
    monitors: spec.monitors.map((m) => ({
      id: m.id,
      type: m.type,
      intervalSeconds: m.intervalMs / 1000,
      confirm: m.confirm,
      locations: m.locations,
      quorum: m.quorum,
    })),
    claims: spec.claims.map((c) => ({
      id: c.id,
      sheetRow: c.sheetRow,
      metric: c.metric,
      direction: c.direction,
      bound: toReportUnits(c, c.bound),
      period: c.period.kind === 'rolling' ? `${c.period.lengthMs / 1000}s` : c.period.kind,
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.monitorId ? { monitor: c.monitorId } : {}),
      ...(c.percentile ? { percentile: c.percentile } : {}),
      minCoverage: c.minCoverage,
    })),
  };
}

export const servicesApi: ApiModule = {
  name: 'services',
  routes(deps) {
    const app = new Hono();
    app.get('/services', (c) => c.json({ services: deps.config().services.map(serviceJson) }));
    app.get('/services/:id', (c) => c.json(serviceJson(serviceOr404(deps.config(), c.req.param('id')))));
    return app;
  },
  openapi: {
    paths: {
      '/services': {
        get: {
          summary: 'Every service with its monitors and claims',
          operationId: 'listServices',
          responses: { '200': jsonResponse('The services of the current config.', 'ServiceList') },
        },
      },
      '/services/{id}': {
        get: {
          summary: 'One service',
          operationId: 'getService',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': jsonResponse('The service.', 'Service'), '404': errorResponses['404'] },
        },
      },
    },
    schemas: {
      ServiceList: {
        type: 'object',
        required: ['services'],
        properties: { services: { type: 'array', items: { $ref: '#/components/schemas/Service' } } },
      },
      Service: {
        type: 'object',
        required: ['id', 'name', 'timezone', 'downWhen', 'monitors', 'claims'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          timezone: { type: 'string', description: 'IANA zone; calendar periods are cut in it.' },
          downWhen: { oneOf: [{ enum: ['any', 'all'] }, { type: 'integer' }] },
          longAfterSeconds: { type: 'number' },
          historyFrom: { type: ['string', 'null'], format: 'date-time' },
          monitors: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                type: { enum: ['http', 'tcp', 'dns', 'tls', 'push', 'prometheus'] },
                intervalSeconds: { type: 'number' },
                confirm: { type: 'integer' },
                locations: { type: 'array', items: { type: 'string' } },
                quorum: { type: 'integer' },
              },
            },
          },
          claims: { type: 'array', items: { $ref: '#/components/schemas/ClaimDefinition' } },
        },
      },
      ClaimDefinition: {
        type: 'object',
        required: ['id', 'metric', 'direction', 'bound', 'period'],
        properties: {
          id: { type: 'string' },
          sheetRow: { type: ['integer', 'null'] },
          metric: { type: 'string' },
          direction: { enum: ['min', 'max'] },
          bound: {
            type: 'number',
            description: 'Base units: a ratio for availability, seconds for durations, a count for counts.',
          },
          period: { type: 'string', description: 'year, quarter, month, or a rolling length such as 2592000s.' },
          kind: { enum: ['downtime', 'no-downtime'] },
          monitor: { type: 'string' },
          percentile: { enum: [50, 95, 99] },
          minCoverage: { type: 'number' },
        },
      },
    },
  },
};
