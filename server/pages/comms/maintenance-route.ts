// `/maintenance/new` and `/maintenance/:id`: reads a maintenance window with its change record and
// deliveries and renders them; the form posts (create, edit, announce to customers) act through
// jobs/maintenance-actions.ts and come back to the window, or show the error in the page.
import type { Context, Hono } from 'hono';
import type { ActionResult } from '../../../jobs/communications.ts';
import { announceMaintenance, createMaintenance, editMaintenance } from '../../../jobs/maintenance-actions.ts';
import type { CommsService } from '../../routes/comms-deps.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import { commsServiceOf, commsServices, pageAction, withPage, zoneOf } from './comms-page-context.ts';
import { field } from './form-values.ts';
import { maintenanceFields } from './maintenance-form.ts';
import { maintenancePage, newMaintenancePage, type MaintenanceRecord } from './maintenance-page.tsx';

type Form = Record<string, unknown>;

export const maintenanceRoutes: PageModule = {
  name: 'maintenance',
  register(app: Hono, deps) {
    app.get('/maintenance/new', (c) => showNew(c, deps, c.req.query('service') ?? '', null));
    app.post('/maintenance', async (c) => {
      const form = await c.req.parseBody();
      const service = commsServiceOf(deps, field(form, 'service'));
      const parsed = service
        ? maintenanceFields(form, service.spec.timezone)
        : { ok: false as const, message: 'service: unknown' };
      const result =
        parsed.ok && service
          ? await createMaintenance(pageAction(c, deps), service.spec, parsed.fields, field(form, 'reason'))
          : { ok: false as const, status: 400 as const, message: parsed.ok ? '' : parsed.message };
      if (result.ok) return c.redirect(`/maintenance/${result.value.id}`, 303);
      return showNew(c, deps, field(form, 'service'), result.message, result.status);
    });
    app.get('/maintenance/:id', (c) => show(c, deps, { done: c.req.query('done') ?? null, error: null }));
    app.post('/maintenance/:id', (c) =>
      act(c, deps, async (form, service) => {
        const parsed = maintenanceFields(form, service.spec.timezone);
        return parsed.ok
          ? editMaintenance(pageAction(c, deps), service.spec, c.req.param('id')!, parsed.fields, field(form, 'reason'))
          : { ok: false, status: 400, message: parsed.message };
      }),
    );
    app.post('/maintenance/:id/announce', (c) =>
      act(c, deps, async (form, service) =>
        announceMaintenance(pageAction(c, deps), service, c.req.param('id')!, field(form, 'message').trim() || null),
      ),
    );
  },
};

function showNew(c: Context, deps: PageDeps, serviceId: string, error: string | null, status?: 400 | 404 | 409) {
  const data = { services: commsServices(deps), serviceId, zone: zoneOf(deps, serviceId), error };
  return withPage(c, deps, { live: false }, (ctx) => ({ ...newMaintenancePage(ctx, data), status }));
}

/** The window of the path with everything its page lists; null when there is none. */
async function loadMaintenance(deps: PageDeps, id: string): Promise<MaintenanceRecord | null> {
  const window = await deps.store.comms.getMaintenance(id);
  if (!window) return null;
  const [changes, deliveries] = await Promise.all([
    deps.store.comms.listChanges({ entity: 'maintenance', entityId: id }),
    deps.store.comms.listDeliveries({ subject: `maintenance:${id}` }),
  ]);
  return {
    window,
    zone: zoneOf(deps, window.serviceId),
    service: commsServiceOf(deps, window.serviceId),
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
    const page = maintenancePage(ctx, { id, record: await loadMaintenance(deps, id), ...notice });
    return status ? { ...page, status } : page;
  });
}

/** Runs a form action on a window of a configured service, then shows the window. */
async function act(
  c: Context,
  deps: PageDeps,
  run: (form: Form, service: CommsService) => Promise<ActionResult<unknown>>,
): Promise<Response> {
  const id = c.req.param('id')!;
  const window = await deps.store.comms.getMaintenance(id);
  const service = window ? commsServiceOf(deps, window.serviceId) : undefined;
  const result: ActionResult<unknown> =
    window && service
      ? await run(await c.req.parseBody(), service)
      : { ok: false, status: 404, message: `no maintenance window has id ${id}` };
  if (result.ok) return c.redirect(`/maintenance/${id}?done=saved`, 303);
  return show(c, deps, { done: null, error: result.message }, result.status);
}
