// The OpenAPI part of the write API: incidents, maintenance, alerts, deliveries and the
// Alertmanager receiver. Their routes are mounted by createApp from CommsDeps (they need the
// outbox kick and the receiver's token), so this module only documents them.
import { Hono } from 'hono';
import type { ApiModule } from './api-module.ts';
import { errorResponses, jsonResponse, type OpenApiObject } from './openapi.ts';

const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const actor = {
  name: 'X-Slawatch-Actor',
  in: 'header',
  required: false,
  description:
    'Read only by an app built without sign-in (embedded tests): the change log records the signed-in ' +
    'account or the API token of the request, never a name the client picks.',
  schema: { type: 'string' },
};
const body = (ref: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const ok = (description: string): OpenApiObject => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const instant = { type: 'string', format: 'date-time', description: 'ISO 8601 with an offset' };
const conflict = {
  '409': jsonResponse(
    "Not possible in this state (a probe incident's times, no customer channels, an alert already resolved).",
    'Error',
  ),
};
const closedConflict = {
  '409': jsonResponse(
    'The change touches a closed (frozen) month and no reason was given; the message names the months ' +
      '(yyyy-MM in the service timezone). Nothing was written.',
    'Error',
  ),
};
const reason = {
  type: 'string',
  maxLength: 500,
  description:
    'Why the change is made. Required when it touches a closed month, whose stored figures are then measured ' +
    'again and the change recorded (who, what, why, figures before and after).',
};

function op(
  summary: string,
  operationId: string,
  extra: OpenApiObject,
  responses: Record<string, OpenApiObject>,
): OpenApiObject {
  return {
    summary,
    operationId,
    parameters: [actor, ...((extra.parameters as unknown[]) ?? [])],
    ...extra,
    responses: { ...responses, '400': errorResponses['400']!, '404': errorResponses['404']! },
  };
}

export const commsApiDocs: ApiModule = {
  name: 'communications',
  routes: () => new Hono(),
  openapi: {
    paths: {
      '/incidents': {
        post: op(
          'Create a manual incident',
          'createIncident',
          { requestBody: body('IncidentCreate') },
          { '201': ok('The incident.'), ...closedConflict },
        ),
      },
      '/incidents/{id}': {
        patch: op(
          'Edit an incident (a probe incident: title, impact, cause only)',
          'editIncident',
          { parameters: id, requestBody: body('IncidentEdit') },
          {
            '200': ok('The incident.'),
            '409': jsonResponse(
              "A probe incident's times cannot be edited, or the change touches a closed month " +
                'and no reason was given (nothing was written).',
              'Error',
            ),
          },
        ),
      },
      '/incidents/{id}/notes': {
        post: op(
          'Add a timeline note; publish: true shows it on the status page and counts as notifying customers',
          'addIncidentNote',
          { parameters: id, requestBody: body('Note') },
          { '201': ok("The note id and the incident's notifiedAt.") },
        ),
      },
      '/incidents/{id}/notify': {
        post: op(
          "Notify customers: send to the service's notify_customers channels and record notified_at",
          'notifyCustomers',
          { parameters: id, requestBody: body('Notice') },
          { '200': ok('notifiedAt and how many messages were queued.'), ...conflict },
        ),
      },
      '/incidents/{id}/history': {
        get: {
          summary: 'Notes, changes (who, when, what) and deliveries of an incident',
          operationId: 'incidentHistory',
          parameters: id,
          responses: { '200': ok('The history.'), '404': errorResponses['404'] },
        },
      },
      '/maintenance': {
        post: op(
          'Create a maintenance window',
          'createMaintenance',
          { requestBody: body('MaintenanceCreate') },
          { '201': ok('The window.'), ...closedConflict },
        ),
      },
      '/maintenance/{id}': {
        patch: op(
          'Edit a maintenance window',
          'editMaintenance',
          { parameters: id, requestBody: body('MaintenanceEdit') },
          { '200': ok('The window.'), ...closedConflict },
        ),
      },
      '/maintenance/{id}/announce': {
        post: op(
          'Announce a window to customers and record announced_at',
          'announceMaintenance',
          { parameters: id, requestBody: body('Notice') },
          { '200': ok('announcedAt and how many messages were queued.'), ...conflict },
        ),
      },
      '/maintenance/{id}/history': {
        get: {
          summary: 'Changes and deliveries of a window',
          operationId: 'maintenanceHistory',
          parameters: id,
          responses: { '200': ok('The history.'), '404': errorResponses['404'] },
        },
      },
      '/alerts': {
        get: {
          summary: 'Drift alerts, newest first (firing and resolved: the history)',
          operationId: 'listAlerts',
          parameters: [
            { name: 'service', in: 'query', schema: { type: 'string' } },
            { name: 'status', in: 'query', schema: { enum: ['firing', 'resolved'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': ok(
              '{ alerts: [...] } with id, key, service, name, severity (page|ticket), status, claim, summary, ' +
                'times, lastSent per channel.',
            ),
          },
        },
      },
      '/alerts/{id}/acknowledge': {
        post: op(
          'Acknowledge a firing alert: no more repeats (the resolve is still sent)',
          'acknowledgeAlert',
          { parameters: id },
          { '200': ok('acknowledgedAt.'), ...conflict },
        ),
      },
      '/alerts/{id}/silence': {
        post: op(
          'Silence a firing alert: nothing is sent until then',
          'silenceAlert',
          { parameters: id, requestBody: body('Silence') },
          { '200': ok('silencedUntil.'), ...conflict },
        ),
      },
      '/alerts/{id}/history': {
        get: {
          summary: 'Changes and deliveries of an alert',
          operationId: 'alertHistory',
          parameters: id,
          responses: { '200': ok('The history.') },
        },
      },
      '/deliveries': {
        get: {
          summary: 'The delivery log (every message, its channel, status, attempts and last error)',
          operationId: 'listDeliveries',
          parameters: [
            { name: 'service', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { '200': ok('{ deliveries: [...] }') },
        },
      },
      '/alertmanager': {
        post: {
          summary:
            'Alertmanager webhook receiver (version 4): firing alerts open incidents of source alertmanager ' +
            '(one per fingerprint and startsAt), resolved ones close them',
          operationId: 'receiveAlertmanager',
          description:
            'Authenticated by `Authorization: Bearer <alertmanager.token>` ' +
            '(in alertmanager.yml: http_config.authorization.credentials).',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['version', 'status', 'alerts'] } } },
          },
          responses: {
            '200': ok('{ incidents: [{fingerprint, incidentId, action}], skipped: [...] }'),
            '400': errorResponses['400'],
            '401': jsonResponse('Missing or wrong Bearer token.', 'Error'),
            '404': jsonResponse('The receiver is not configured.', 'Error'),
          },
        },
      },
    },
    schemas: {
      IncidentCreate: {
        type: 'object',
        required: ['service', 'title', 'started_at'],
        properties: {
          service: { type: 'string' },
          title: { type: 'string' },
          impact: { enum: ['outage', 'partial'] },
          started_at: instant,
          detected_at: instant,
          resolved_at: instant,
          cause: { type: 'string' },
          reason,
        },
        additionalProperties: false,
      },
      IncidentEdit: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          impact: { enum: ['outage', 'partial'] },
          started_at: instant,
          detected_at: instant,
          resolved_at: instant,
          cause: { type: 'string' },
          reason,
        },
        additionalProperties: false,
      },
      Note: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string' }, publish: { type: 'boolean' } },
        additionalProperties: false,
      },
      Notice: { type: 'object', properties: { message: { type: 'string' } }, additionalProperties: false },
      MaintenanceCreate: {
        type: 'object',
        required: ['service', 'start', 'end', 'kind', 'title'],
        properties: {
          service: { type: 'string' },
          start: instant,
          end: instant,
          kind: { enum: ['downtime', 'no-downtime'] },
          title: { type: 'string' },
          announced_at: instant,
          reason,
        },
        additionalProperties: false,
      },
      MaintenanceEdit: {
        type: 'object',
        properties: {
          start: instant,
          end: instant,
          kind: { enum: ['downtime', 'no-downtime'] },
          title: { type: 'string' },
          announced_at: instant,
          reason,
        },
        additionalProperties: false,
      },
      Silence: {
        oneOf: [
          {
            type: 'object',
            required: ['for'],
            properties: { for: { type: 'string', description: 'a duration: 30m, 4h, 2d' } },
          },
          { type: 'object', required: ['until'], properties: { until: instant } },
        ],
      },
    },
  },
};
