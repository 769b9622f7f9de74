// Maintenance windows written by people (SPEC §5 "maintenance (CRUD + announce)"): create, edit,
// "announce" (sends to the customer channels and records announced_at), and a window's history.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { maintenanceKinds, type Maintenance } from '../../sla/model.ts';
import { announceMaintenance, createMaintenance, editMaintenance } from '../../jobs/maintenance-actions.ts';
import { actionContext, instant, iso, jsonBody, reason, serviceOf, unwrap, type CommsDeps } from './comms-deps.ts';
import { changeJson, deliveryJson } from './incidents.ts';

const createSchema = z.strictObject({
  service: z.string(),
  start: instant(),
  end: instant(),
  kind: z.enum(maintenanceKinds),
  title: z.string().trim().min(1).max(200),
  announced_at: instant().nullable().optional(),
  reason: reason(),
});

const editSchema = z.strictObject({
  start: instant().optional(),
  end: instant().optional(),
  kind: z.enum(maintenanceKinds).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  announced_at: instant().nullable().optional(),
  reason: reason(),
});

export function maintenanceJson(w: Maintenance & { id: string }) {
  return {
    id: w.id,
    service: w.serviceId,
    kind: w.kind,
    title: w.title,
    start: iso(w.startMs),
    end: iso(w.endMs),
    announcedAt: iso(w.announcedAtMs),
  };
}

async function windowOf(deps: CommsDeps, id: string) {
  const window = await deps.store.comms.getMaintenance(id);
  if (!window) throw new HTTPException(404, { message: `no maintenance window has id ${id}` });
  return window;
}

export function createMaintenanceRoutes(deps: CommsDeps): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const body = await jsonBody(c, createSchema);
    const service = serviceOf(deps, body.service);
    const window = unwrap(
      await createMaintenance(
        actionContext(c, deps),
        service.spec,
        {
          startMs: body.start,
          endMs: body.end,
          kind: body.kind,
          title: body.title,
          announcedAtMs: body.announced_at ?? null,
        },
        body.reason,
      ),
    );
    return c.json({ ok: true, maintenance: maintenanceJson(window) }, 201);
  });
  app.patch('/:id', async (c) => {
    const body = await jsonBody(c, editSchema);
    const window = await windowOf(deps, c.req.param('id'));
    const patch: Record<string, unknown> = {};
    if (body.start !== undefined) patch.startMs = body.start;
    if (body.end !== undefined) patch.endMs = body.end;
    if (body.kind !== undefined) patch.kind = body.kind;
    if (body.title !== undefined) patch.title = body.title;
    if (body.announced_at !== undefined) patch.announcedAtMs = body.announced_at;
    const edited = unwrap(
      await editMaintenance(
        actionContext(c, deps),
        serviceOf(deps, window.serviceId).spec,
        c.req.param('id'),
        patch,
        body.reason,
      ),
    );
    return c.json({ ok: true, maintenance: maintenanceJson(edited) });
  });
  app.post('/:id/announce', async (c) => {
    const body = await jsonBody(c, z.strictObject({ message: z.string().max(5000).nullable().optional() }));
    const window = await windowOf(deps, c.req.param('id'));
    const result = unwrap(
      await announceMaintenance(
        actionContext(c, deps),
        serviceOf(deps, window.serviceId),
        c.req.param('id'),
        body.message ?? null,
      ),
    );
    deps.deliver?.();
    return c.json({ ok: true, announcedAt: iso(result.announcedAtMs), queued: result.queued });
  });
  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    const window = await windowOf(deps, id);
    const [changes, deliveries] = await Promise.all([
      deps.store.comms.listChanges({ entity: 'maintenance', entityId: id }),
      deps.store.comms.listDeliveries({ subject: `maintenance:${id}` }),
    ]);
    return c.json({
      maintenance: maintenanceJson({ ...window, id }),
      changes: changes.map(changeJson),
      deliveries: deliveries.map(deliveryJson),
    });
  });
  return app;
}
