// `/incidents/new` and `/incidents/:id`: reads an incident with its notes, change record and
// deliveries and renders them; the form posts (create, edit, notes, notify customers) act through
// jobs/communications.ts and come back to the incident, or show the error in the page.
import type { Context, Hono } from 'hono';
import {
  addIncidentNote,
  createManualIncident,
  editIncident,
  notifyCustomers,
  type ActionResult,
  type IncidentFields,
} from '../../../jobs/communications.ts';
import type { Incident } from '../../../sla/model.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import { commsServiceOf, commsServices, pageAction, withPage, zoneOf } from './comms-page-context.ts';
import { field } from './form-values.ts';
import { incidentFields } from './incident-form.ts';
import { incidentPage, newIncidentPage, type IncidentRecord } from './incident-page.tsx';

type Form = Record<string, unknown>;

export const incidentRoutes: PageModule = {
  name: 'incidents',
  register(app: Hono, deps) {
    app.get('/incidents/new', (c) => showNew(c, deps, c.req.query('service') ?? '', null));
    app.post('/incidents', async (c) => {
      const form = await c.req.parseBody();
      const serviceId = field(form, 'service');
      if (!commsServiceOf(deps, serviceId))
        return showNew(c, deps, serviceId, `no service has id ${JSON.stringify(serviceId)}`, 404);
      const parsed = incidentFields(form, zoneOf(deps, serviceId), false);
      const result = parsed.ok
        ? await createManualIncident(
            pageAction(c, deps),
            serviceId,
            parsed.fields as IncidentFields,
            field(form, 'reason'),
          )
        : { ok: false as const, status: 400 as const, message: parsed.message };
      if (result.ok) return c.redirect(`/incidents/${result.value.id}`, 303);
      return showNew(c, deps, serviceId, result.message, result.status);
    });
    app.get('/incidents/:id', (c) => show(c, deps, { done: c.req.query('done') ?? null, error: null }));
    app.post('/incidents/:id', (c) =>
      act(c, deps, async (form, incident) => {
        const parsed = incidentFields(form, zoneOf(deps, incident.serviceId), incident.source === 'probe');
        return parsed.ok
          ? editIncident(pageAction(c, deps), c.req.param('id')!, parsed.fields, field(form, 'reason'))
          : { ok: false, status: 400, message: parsed.message };
      }),
    );
    app.post('/incidents/:id/notes', (c) =>
      act(c, deps, async (form) => {
        const text = field(form, 'text').trim();
        if (!text) return { ok: false, status: 400, message: 'text: required' };
        return addIncidentNote(pageAction(c, deps), c.req.param('id')!, text, field(form, 'publish') === 'on');
      }),
    );
    app.post('/incidents/:id/notify', (c) =>
      act(c, deps, async (form, incident) => {
        const service = commsServiceOf(deps, incident.serviceId);
        if (!service) return { ok: false, status: 404, message: `service ${incident.serviceId} is not configured` };
        return notifyCustomers(pageAction(c, deps), service, c.req.param('id')!, field(form, 'message').trim() || null);
      }),
    );
  },
};

function showNew(c: Context, deps: PageDeps, serviceId: string, error: string | null, status?: 400 | 404 | 409) {
  const services = commsServices(deps);
  const zone = zoneOf(deps, serviceId || services[0]?.spec.id || '');
  return withPage(c, deps, { live: false }, (ctx) => ({
    ...newIncidentPage(ctx, { services, serviceId, zone, error }),
    status,
  }));
}

/** The incident of the path with everything its page lists; null when there is none. */
async function loadIncident(deps: PageDeps, id: string): Promise<IncidentRecord | null> {
  const incident = await deps.store.comms.getIncident(id);
  if (!incident) return null;
  const [notes, changes, deliveries] = await Promise.all([
    deps.store.comms.listIncidentNotes(id),
    deps.store.comms.listChanges({ entity: 'incident', entityId: id }),
    deps.store.comms.listDeliveries({ subject: `incident:${id}` }),
  ]);
  return {
    incident,
    zone: zoneOf(deps, incident.serviceId),
    service: commsServiceOf(deps, incident.serviceId),
    notes,
    changes,
    deliveries,
  };
}

function show(
  c: Context,
  deps: PageDeps,
  notice: { done: string | null; error: string | null },
  status?: 400 | 404 | 409,
) {
  const id = c.req.param('id')!;
  return withPage(c, deps, { live: false }, async (ctx) => {
    const page = incidentPage(ctx, { id, record: await loadIncident(deps, id), ...notice });
    return status ? { ...page, status } : page;
  });
}

/** Runs a form action on an incident, then shows it: a redirect on success, the error in the page otherwise. */
async function act(
  c: Context,
  deps: PageDeps,
  run: (form: Form, incident: Incident) => Promise<ActionResult<unknown>>,
): Promise<Response> {
  const id = c.req.param('id')!;
  const incident = await deps.store.comms.getIncident(id);
  const result: ActionResult<unknown> = incident
    ? await run(await c.req.parseBody(), incident)
    : { ok: false, status: 404, message: `no incident has id ${id}` };
  if (result.ok) return c.redirect(`/incidents/${id}?done=saved`, 303);
  return show(c, deps, { done: null, error: result.message }, result.status);
}
