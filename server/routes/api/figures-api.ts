// GET /api/v1/services/{id}/figures, /claims and /series: the report of SPEC §5 for a period, the
// claims with their error budgets, and the per-bucket series the dashboard charts. All from the
// report computation through the pages' report cache (answers are at most ~30 s old).
import { Hono } from 'hono';
import { currentPeriodOf } from '../../../pipeline/current-claims.ts';
import type { ClaimEvaluation } from '../../../sla/claim-status.ts';
import type { ReportClaim } from '../../../sla/service-report.ts';
import { computeServiceSeries } from '../../pages/service/service-series.ts';
import type { ApiModule } from './api-module.ts';
import { apiPeriodOf, periodParameters } from './api-period.ts';
import { errorResponses, jsonResponse } from './openapi.ts';
import { serviceOr404 } from './service-lookup.ts';

const iso = (ms: number) => new Date(ms).toISOString();

function claimJson(claim: ReportClaim, evaluation: ClaimEvaluation | undefined, period: { from: string; to: string }) {
  const budget = evaluation?.budget;
  return {
    ...claim,
    period,
    budget: budget
      ? {
          totalSeconds: budget.totalMs / 1000,
          usedSeconds: budget.usedMs / 1000,
          remainingRatio: budget.remainingRatio,
        }
      : null,
  };
}

export const figuresApi: ApiModule = {
  name: 'figures',
  routes(deps) {
    const app = new Hono();
    app.get('/services/:id/figures', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const period = apiPeriodOf(c, service.spec.timezone, deps.nowMs());
      const { report } = await deps.reports.get(service.spec, period.fromMs, period.toMs);
      return c.json(report);
    });
    app.get('/services/:id/claims', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const nowMs = deps.nowMs();
      const given = ['year', 'period', 'from', 'to'].some((k) => c.req.query(k) !== undefined);
      if (given) {
        const period = apiPeriodOf(c, service.spec.timezone, nowMs);
        const { report, evaluations } = await deps.reports.get(service.spec, period.fromMs, period.toMs);
        const p = { from: iso(period.fromMs), to: iso(period.toMs) };
        return c.json({
          service: service.spec.id,
          claims: report.claims.map((claim, i) => claimJson(claim, evaluations[i], p)),
        });
      }
      // No period: each claim over its own current period (its year, month or rolling window now).
      const claims = await Promise.all(
        service.spec.claims.map(async (claim) => {
          const { fromMs, toMs } = currentPeriodOf(claim, service.spec, nowMs);
          const { report, evaluations } = await deps.reports.get(service.spec, fromMs, toMs);
          const i = report.claims.findIndex((rc) => rc.id === claim.id);
          return claimJson(report.claims[i]!, evaluations[i], { from: iso(fromMs), to: iso(toMs) });
        }),
      );
      return c.json({ service: service.spec.id, claims });
    });
    app.get('/services/:id/series', async (c) => {
      const service = serviceOr404(deps.config(), c.req.param('id'));
      const nowMs = deps.nowMs();
      const period = apiPeriodOf(c, service.spec.timezone, nowMs);
      const { series } = await computeServiceSeries(deps.reports, service.spec, period.fromMs, period.toMs, nowMs);
      return c.json(series);
    });
    return app;
  },
  openapi: {
    paths: {
      '/services/{id}/figures': {
        get: {
          summary: 'The report of a period: figures and claims (SPEC §5)',
          operationId: 'getFigures',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...periodParameters],
          responses: {
            '200': jsonResponse('Figures and claims; a period still running is measured up to now.', 'Report'),
            ...errorResponses,
          },
        },
      },
      '/services/{id}/claims': {
        get: {
          summary: 'Each claim with its status and error budget',
          description:
            'Without a period, each claim is evaluated over its own current period ' +
            '(its year, quarter, month or rolling window).',
          operationId: 'getClaims',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...periodParameters],
          responses: { '200': jsonResponse('The claims.', 'ClaimList'), ...errorResponses },
        },
      },
      '/services/{id}/series': {
        get: {
          summary: 'Figures per bucket (day, week or month) and the error-budget and incident-pace series',
          operationId: 'getSeries',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...periodParameters],
          responses: { '200': jsonResponse('The series the dashboard charts.', 'Series'), ...errorResponses },
        },
      },
    },
    schemas: {
      Figures: {
        type: 'object',
        description: 'SPEC §2.7 figures; seconds, ratios and counts; null when there is nothing to measure.',
        properties: Object.fromEntries(
          [
            'plannedSeconds',
            'downtimeSeconds',
            'unknownSeconds',
            'maintenanceSeconds',
            'availability',
            'availabilityLower',
            'availabilityUpper',
            'coverage',
            'incidentCount',
            'longIncidentCount',
            'openIncidentCount',
            'mttrSeconds',
            'notificationDelayMaxSeconds',
            'notificationDelayP50Seconds',
            'incidentsNotifiedLate',
            'maintenanceCount',
            'maintenanceNoticeViolations',
            'latencyP50Ms',
            'latencyP95Ms',
            'latencyP99Ms',
          ].map((name) => [name, { type: ['number', 'null'] }]),
        ),
      },
      ReportClaim: {
        type: 'object',
        required: ['id', 'metric', 'bound', 'measured', 'status', 'text'],
        properties: {
          id: { type: 'string' },
          sheetRow: { type: ['integer', 'null'] },
          metric: { type: 'string' },
          bound: { type: 'number' },
          measured: { type: ['number', 'null'] },
          status: { enum: ['met', 'at_risk', 'breached', 'insufficient_data'] },
          reason: { type: 'string' },
          text: { type: 'object', properties: { ja: { type: 'string' }, en: { type: 'string' } } },
        },
      },
      Report: {
        type: 'object',
        required: ['service', 'period', 'figures', 'claims'],
        properties: {
          service: { type: 'string' },
          period: { $ref: '#/components/schemas/Period' },
          figures: { $ref: '#/components/schemas/Figures' },
          claims: { type: 'array', items: { $ref: '#/components/schemas/ReportClaim' } },
        },
      },
      Period: {
        type: 'object',
        properties: {
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          timezone: { type: 'string' },
        },
      },
      ClaimList: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          claims: {
            type: 'array',
            items: {
              allOf: [
                { $ref: '#/components/schemas/ReportClaim' },
                {
                  type: 'object',
                  properties: {
                    period: { $ref: '#/components/schemas/Period' },
                    budget: {
                      type: ['object', 'null'],
                      properties: {
                        totalSeconds: { type: 'number' },
                        usedSeconds: { type: 'number' },
                        remainingRatio: { type: 'number' },
                      },
                    },
                  },
                },
              ],
            },
          },
        },
      },
      Series: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          period: { $ref: '#/components/schemas/Period' },
          unit: { enum: ['day', 'week', 'month'] },
          buckets: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'string', format: 'date-time' },
                to: { type: 'string', format: 'date-time' },
                label: { type: 'string' },
                figures: {
                  oneOf: [{ $ref: '#/components/schemas/Figures' }, { type: 'null' }],
                  description: 'null: the bucket has not started.',
                },
              },
            },
          },
          budget: {
            type: ['object', 'null'],
            description: 'Remaining availability error budget at each bucket end, with the even-spend line (seconds).',
          },
          incidentPace: {
            type: ['object', 'null'],
            description: 'Cumulative incident count at each bucket end against the bound spread evenly.',
          },
        },
      },
    },
  },
};
