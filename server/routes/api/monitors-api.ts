// GET /api/v1/monitors/{id} (each location's state now) and /monitors/{id}/checks (raw checks,
// kept `retention.checks`; default the last hour, at most 5,000, newest first).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiModule } from './api-module.ts';
import { errorResponses, jsonResponse } from './openapi.ts';
import { monitorOr404 } from './service-lookup.ts';
import { checkJson, checkSchema } from './record-json.ts';
import { loadMonitorView } from '../../pages/monitor/monitor-view.ts';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;
export const maxChecksPerRequest = 5000;

function instantParam(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new HTTPException(400, { message: `${name}: "${value}" is not an ISO instant with an offset` });
  return ms;
}

export const monitorsApi: ApiModule = {
  name: 'monitors',
  routes(deps) {
    const app = new Hono();
    app.get('/monitors/:id', async (c) => {
      const { service, monitor } = monitorOr404(deps.config(), c.req.param('id'));
      const nowMs = deps.nowMs();
      const view = await loadMonitorView(deps.store, monitor, nowMs - 3_600_000, nowMs + 1, nowMs, 0);
      return c.json({
        id: monitor.id,
        service: service.spec.id,
        type: monitor.type,
        intervalSeconds: monitor.intervalMs / 1000,
        confirm: monitor.confirm,
        quorum: monitor.quorum,
        locations: view.locations.map((l) => ({
          location: l.location,
          state: l.state,
          lastCheck: l.lastCheckMs === null ? null : new Date(l.lastCheckMs).toISOString(),
          failingChecks: l.failingChecks,
        })),
      });
    });
    app.get('/monitors/:id/checks', async (c) => {
      const { monitor } = monitorOr404(deps.config(), c.req.param('id'));
      const nowMs = deps.nowMs();
      const toMs = instantParam('to', c.req.query('to'), nowMs + 1);
      const fromMs = instantParam('from', c.req.query('from'), toMs - 3_600_000);
      if (toMs <= fromMs) throw new HTTPException(400, { message: 'to must be after from' });
      const limitText = c.req.query('limit');
      const limit = limitText === undefined ? 1000 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > maxChecksPerRequest) {
        throw new HTTPException(400, { message: `limit: give a whole number 1-${maxChecksPerRequest}` });
      }
      const location = c.req.query('location');
      if (location !== undefined && !monitor.locations.includes(location)) {
        throw new HTTPException(400, { message: `location: monitor ${monitor.id} is not probed from "${location}"` });
      }
      const order = c.req.query('order') ?? 'desc';
      if (order !== 'asc' && order !== 'desc') throw new HTTPException(400, { message: 'order: asc or desc' });
      const newestFirst = (await deps.store.listMonitorChecks([monitor.id], fromMs, toMs))
        .filter((check) => location === undefined || check.location === location)
        .sort((a, b) => b.timeMs - a.timeMs)
        .slice(0, limit);
      // The newest `limit` checks either way; `asc` lists them oldest first (for charts).
      const checks = order === 'asc' ? newestFirst.reverse() : newestFirst;
      return c.json({
        monitor: monitor.id,
        from: new Date(fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
        checks: checks.map(checkJson),
      });
    });
    return app;
  },
  openapi: {
    paths: {
      '/monitors/{id}': {
        get: {
          summary: 'A monitor and the state of each of its locations now',
          operationId: 'getMonitor',
          parameters: [idParameter],
          responses: { '200': jsonResponse('The monitor.', 'Monitor'), '404': errorResponses['404'] },
        },
      },
      '/monitors/{id}/checks': {
        get: {
          summary: 'Raw checks (kept for retention.checks)',
          operationId: 'listChecks',
          parameters: [
            idParameter,
            {
              name: 'from',
              in: 'query',
              schema: { type: 'string', format: 'date-time' },
              description: 'Default: an hour before `to`.',
            },
            {
              name: 'to',
              in: 'query',
              schema: { type: 'string', format: 'date-time' },
              description: 'Exclusive; default now.',
            },
            { name: 'location', in: 'query', schema: { type: 'string' } },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: maxChecksPerRequest, default: 1000 },
            },
            {
              name: 'order',
              in: 'query',
              schema: { enum: ['asc', 'desc'], default: 'desc' },
              description: 'The newest `limit` checks, listed newest (desc) or oldest (asc) first.',
            },
          ],
          responses: { '200': jsonResponse('The checks.', 'CheckList'), ...errorResponses },
        },
      },
    },
    schemas: {
      Check: checkSchema,
      CheckList: {
        type: 'object',
        properties: {
          monitor: { type: 'string' },
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          checks: { type: 'array', items: { $ref: '#/components/schemas/Check' } },
        },
      },
      Monitor: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          service: { type: 'string' },
          type: { type: 'string' },
          intervalSeconds: { type: 'number' },
          confirm: { type: 'integer' },
          quorum: { type: 'integer' },
          locations: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                location: { type: 'string' },
                state: {
                  enum: ['up', 'failing', 'down', 'unknown'],
                  description: 'failing: failures not yet confirmed.',
                },
                lastCheck: { type: ['string', 'null'], format: 'date-time' },
                failingChecks: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },
};
