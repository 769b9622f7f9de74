// Incidents written by people (SPEC §1, §5 "incidents (CRUD + notify)"): create and edit manual
// incidents, add timeline notes (published ones appear on the status page and count as
// notifying customers), "notify customers", and an incident's history (notes, changes,
// deliveries). The read-only listing is the dashboard API's.
import { Hono } from 'hono';
import { z } from 'zod';
import { incidentImpacts, type Incident } from '../../sla/model.ts';
import { addIncidentNote, createManualIncident, editIncident, notifyCustomers } from '../../jobs/communications.ts';
import { actionContext, instant, iso, jsonBody, reason, serviceOf, unwrap, type CommsDeps } from './comms-deps.ts';
import { HTTPException } from 'hono/http-exception';

const text = (max: number) => z.string().trim().min(1).max(max);

const createSchema = z.strictObject({
  service: z.string(),
  title: text(200),
  impact: z.enum(incidentImpacts).default('outage'),
  started_at: instant(),
  detected_at: instant().nullable().optional(),
  resolved_at: instant().nullable().optional(),
  cause: z.string().max(2000).nullable().optional(),
  reason: reason(),
});

const editSchema = z.strictObject({
  title: text(200).optional(),
  impact: z.enum(incidentImpacts).optional(),
  started_at: instant().optional(),
  detected_at: instant().nullable().optional(),
  resolved_at: instant().nullable().optional(),
  cause: z.string().max(2000).nullable().optional(),
  reason: reason(),
});

const noteSchema = z.strictObject({ text: text(5000), publish: z.boolean().default(false) });
const notifySchema = z.strictObject({ message: z.string().max(5000).nullable().optional() });

export function incidentJson(i: Incident & { id: string }) {
  return {
    id: i.id,
    service: i.serviceId,
    source: i.source,
    impact: i.impact,
    title: i.title,
    cause: i.cause ?? null,
    startedAt: iso(i.startedAtMs),
    detectedAt: iso(i.detectedAtMs),
    notifiedAt: iso(i.notifiedAtMs),
    resolvedAt: iso(i.resolvedAtMs),
  };
}

export function createIncidentRoutes(deps: CommsDeps): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const body = await jsonBody(c, createSchema);
    serviceOf(deps, body.service);
    const incident = unwrap(
      await createManualIncident(
        actionContext(c, deps),
        body.service,
        {
          title: body.title,
          impact: body.impact,
          startedAtMs: body.started_at,
          detectedAtMs: body.detected_at ?? null,
          resolvedAtMs: body.resolved_at ?? null,
          cause: body.cause ?? null,
        },
        body.reason,
      ),
    );
    return c.json({ ok: true, incident: incidentJson(incident) }, 201);
  });
  app.patch('/:id', async (c) => {
    const body = await jsonBody(c, editSchema);
    const patch: Record<string, unknown> = {};
    if (body.title !== undefined) patch.title = body.title;
    if (body.impact !== undefined) patch.impact = body.impact;
    if (body.started_at !== undefined) patch.startedAtMs = body.started_at;
    if (body.detected_at !== undefined) patch.detectedAtMs = body.detected_at;
    if (body.resolved_at !== undefined) patch.resolvedAtMs = body.resolved_at;
    if (body.cause !== undefined) patch.cause = body.cause;
    const incident = unwrap(await editIncident(actionContext(c, deps), c.req.param('id'), patch, body.reason));
    return c.json({ ok: true, incident: incidentJson(incident) });
  });
  app.post('/:id/notes', async (c) => {
    const body = await jsonBody(c, noteSchema);
    const result = unwrap(await addIncidentNote(actionContext(c, deps), c.req.param('id'), body.text, body.publish));
    return c.json({ ok: true, noteId: result.noteId, notifiedAt: iso(result.notifiedAtMs) }, 201);
  });
  app.post('/:id/notify', async (c) => {
    const body = await jsonBody(c, notifySchema);
    const incident = await deps.store.comms.getIncident(c.req.param('id'));
    if (!incident) throw new HTTPException(404, { message: `no incident has id ${c.req.param('id')}` });
    const result = unwrap(
      await notifyCustomers(
        actionContext(c, deps),
        serviceOf(deps, incident.serviceId),
        c.req.param('id'),
        body.message ?? null,
      ),
    );
    deps.deliver?.();
    return c.json({ ok: true, notifiedAt: iso(result.notifiedAtMs), queued: result.queued });
  });
  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    const incident = await deps.store.comms.getIncident(id);
    if (!incident) throw new HTTPException(404, { message: `no incident has id ${id}` });
    const [notes, changes, deliveries] = await Promise.all([
      deps.store.comms.listIncidentNotes(id),
      deps.store.comms.listChanges({ entity: 'incident', entityId: id }),
      deps.store.comms.listDeliveries({ subject: `incident:${id}` }),
    ]);
    return c.json({
      incident: incidentJson({ ...incident, id }),
      notes: notes.map((n) => ({
        id: n.id,
        time: iso(n.timeMs),
        author: n.author,
        text: n.text,
        publishedAt: iso(n.publishedMs),
      })),
      changes: changes.map(changeJson),
      deliveries: deliveries.map(deliveryJson),
    });
  });
  return app;
}

export const changeJson = (ch: { timeMs: number; actor: string; action: string; detail: Record<string, unknown> }) => ({
  time: iso(ch.timeMs),
  actor: ch.actor,
  action: ch.action,
  detail: ch.detail,
});

export const deliveryJson = (d: {
  id: string;
  channelId: string;
  subject: string;
  createdMs: number;
  status: string;
  attempts: number;
  lastError: string | null;
  sentMs: number | null;
}) => ({
  id: d.id,
  channel: d.channelId,
  subject: d.subject,
  created: iso(d.createdMs),
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  sentAt: iso(d.sentMs),
});
