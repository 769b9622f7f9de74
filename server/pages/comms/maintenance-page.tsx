// `/maintenance/new` and `/maintenance/:id`: create and edit a maintenance window, "announce to
// customers" (sends to the customer channels and records announced_at), and the change record.
import type { Context, Hono } from 'hono';
import type { Maintenance, MaintenanceKind } from '../../../sla/model.ts';
import {
  announceMaintenance,
  createMaintenance,
  editMaintenance,
  type MaintenanceFields,
} from '../../../jobs/maintenance-actions.ts';
import type { ActionResult } from '../../../jobs/communications.ts';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import { commsMessages } from './comms-messages.ts';
import { commsServices, Notice, pageAction, ReasonInput, withPage } from './comms-page-context.tsx';
import { field, localDateTimeValue, parseLocalDateTime } from './form-values.ts';
import { ChangeList } from './change-list.tsx';
import { CsrfField } from '../csrf-field.tsx';

type Form = Record<string, unknown>;

const serviceOf = (deps: PageDeps, id: string) => commsServices(deps).find((s) => s.spec.id === id);

function maintenanceFields(
  form: Form,
  zone: string,
): { ok: true; fields: MaintenanceFields } | { ok: false; message: string } {
  const title = field(form, 'title').trim();
  if (!title) return { ok: false, message: 'title: required' };
  const times: Record<string, number | null> = {};
  for (const name of ['start', 'end', 'announced_at']) {
    const ms = parseLocalDateTime(field(form, name), zone);
    if (ms === undefined || (ms === null && name !== 'announced_at'))
      return { ok: false, message: `${name}: ${ms === null ? 'required' : 'invalid date and time'}` };
    times[name] = ms;
  }
  const kind: MaintenanceKind = field(form, 'kind') === 'no-downtime' ? 'no-downtime' : 'downtime';
  return {
    ok: true,
    fields: { title, kind, startMs: times.start!, endMs: times.end!, announcedAtMs: times.announced_at ?? null },
  };
}

export const maintenancePage: PageModule = {
  name: 'maintenance',
  register(app: Hono, deps) {
    app.get('/maintenance/new', (c) =>
      withPage(c, deps, { live: false }, async (ctx) => newPage(ctx, deps, c.req.query('service') ?? '', null)),
    );
    app.post('/maintenance', async (c) => {
      const form = await c.req.parseBody();
      const service = serviceOf(deps, field(form, 'service'));
      const parsed = service
        ? maintenanceFields(form, service.spec.timezone)
        : { ok: false as const, message: 'service: unknown' };
      const result =
        parsed.ok && service
          ? await createMaintenance(pageAction(c, deps), service.spec, parsed.fields, field(form, 'reason'))
          : { ok: false as const, status: 400 as const, message: parsed.ok ? '' : parsed.message };
      if (result.ok) return c.redirect(`/maintenance/${result.value.id}`, 303);
      return withPage(c, deps, { live: false }, async (ctx) => ({
        ...newPage(ctx, deps, field(form, 'service'), result.message),
        status: result.status,
      }));
    });
    app.get('/maintenance/:id', (c) =>
      withPage(c, deps, { live: false }, (ctx) => view(c, ctx, deps, c.req.query('done') ?? null, null)),
    );
    app.post('/maintenance/:id', (c) =>
      act(c, deps, async (form, _window, service) => {
        const parsed = maintenanceFields(form, service.spec.timezone);
        return parsed.ok
          ? editMaintenance(pageAction(c, deps), service.spec, c.req.param('id')!, parsed.fields, field(form, 'reason'))
          : { ok: false, status: 400, message: parsed.message };
      }),
    );
    app.post('/maintenance/:id/announce', (c) =>
      act(c, deps, async (form, _window, service) =>
        announceMaintenance(pageAction(c, deps), service, c.req.param('id')!, field(form, 'message').trim() || null),
      ),
    );
  },
};

async function act(
  c: Context,
  deps: PageDeps,
  run: (
    form: Form,
    window: Maintenance,
    service: NonNullable<ReturnType<typeof serviceOf>>,
  ) => Promise<ActionResult<unknown>>,
): Promise<Response> {
  const id = c.req.param('id')!;
  const window = await deps.store.comms.getMaintenance(id);
  const service = window ? serviceOf(deps, window.serviceId) : undefined;
  const result: ActionResult<unknown> =
    window && service
      ? await run(await c.req.parseBody(), window, service)
      : { ok: false, status: 404, message: `no maintenance window has id ${id}` };
  if (result.ok) return c.redirect(`/maintenance/${id}?done=saved`, 303);
  return withPage(c, deps, { live: false }, async (ctx) => ({
    ...(await view(c, ctx, deps, null, result.message)),
    status: result.status,
  }));
}

function Inputs({ ctx, window, zone }: { ctx: PageContext; window: Maintenance | null; zone: string }) {
  const m = commsMessages(ctx.lang);
  const time = (name: string, label: string, ms: number | null, required: boolean) => (
    <label>
      {label} <input type="datetime-local" name={name} value={localDateTimeValue(ms, zone)} required={required} />
    </label>
  );
  return (
    <>
      <label>
        {m.title} <input type="text" name="title" required maxlength={200} value={window?.title ?? ''} />
      </label>
      <label>
        {m.kind}{' '}
        <select name="kind">
          <option value="downtime" selected={(window?.kind ?? 'downtime') === 'downtime'}>
            {m.downtime}
          </option>
          <option value="no-downtime" selected={window?.kind === 'no-downtime'}>
            {m.noDowntime}
          </option>
        </select>
      </label>
      {time('start', m.start, window?.startMs ?? null, true)}
      {time('end', m.end, window?.endMs ?? null, true)}
      {time('announced_at', m.announcedAt, window?.announcedAtMs ?? null, false)}
      <p class="muted">{fill(m.timesNote, { timezone: zone })}</p>
      <ReasonInput lang={ctx.lang} />
    </>
  );
}

function newPage(ctx: PageContext, deps: PageDeps, serviceId: string, error: string | null) {
  const m = commsMessages(ctx.lang);
  const services = commsServices(deps);
  const zone = serviceOf(deps, serviceId)?.spec.timezone ?? deps.config().timezone;
  return {
    title: m.newMaintenance,
    body: (
      <>
        <h1>{m.newMaintenance}</h1>
        <Notice text={error} error />
        <form method="post" action="/maintenance" class="record-form">
          <CsrfField ctx={ctx} />
          <label>
            {m.service}{' '}
            <select name="service">
              {services.map((s) => (
                <option value={s.spec.id} selected={s.spec.id === serviceId}>
                  {s.spec.name}
                </option>
              ))}
            </select>
          </label>
          <Inputs ctx={ctx} window={null} zone={zone} />
          <button type="submit">{m.create}</button>
        </form>
      </>
    ),
  };
}

async function view(c: Context, ctx: PageContext, deps: PageDeps, done: string | null, error: string | null) {
  const id = c.req.param('id')!;
  const m = commsMessages(ctx.lang);
  const title = fill(m.maintenanceTitle, { id });
  const window = await deps.store.comms.getMaintenance(id);
  if (!window)
    return { title, body: <Notice text={`no maintenance window has id ${id}`} error />, status: 404 as const };
  const service = serviceOf(deps, window.serviceId);
  const zone = service?.spec.timezone ?? deps.config().timezone;
  const [changes, deliveries] = await Promise.all([
    deps.store.comms.listChanges({ entity: 'maintenance', entityId: id }),
    deps.store.comms.listDeliveries({ subject: `maintenance:${id}` }),
  ]);
  return {
    title,
    body: (
      <>
        <h1>
          {title}: {window.title}
        </h1>
        <Notice text={done ? m.saved : null} />
        <Notice text={error} error />
        <dl class="facts">
          <dt>{m.service}</dt>
          <dd>{window.serviceId}</dd>
          <dt>{m.announcedAt}</dt>
          <dd data-announced>
            {window.announcedAtMs === null ? m.notAnnounced : formatDateTime(ctx.lang, window.announcedAtMs, zone)}
          </dd>
        </dl>
        <form method="post" action={`/maintenance/${id}`} class="record-form">
          <CsrfField ctx={ctx} />
          <Inputs ctx={ctx} window={window} zone={zone} />
          <button type="submit">{m.save}</button>
        </form>
        <h2>{m.announce}</h2>
        {service && service.notifyCustomers.length > 0 ? (
          <form method="post" action={`/maintenance/${id}/announce`} class="record-form">
            <CsrfField ctx={ctx} />
            <label>
              {m.notifyMessage} <textarea name="message" rows={3} maxlength={5000}></textarea>
            </label>
            <p class="muted">{fill(m.notifyHint, { channels: service.notifyCustomers.join(', ') })}</p>
            <button type="submit">{m.announce}</button>
          </form>
        ) : (
          <p class="muted">{m.noCustomerChannels}</p>
        )}
        <ChangeList lang={ctx.lang} zone={zone} changes={changes} deliveries={deliveries} />
      </>
    ),
  };
}
