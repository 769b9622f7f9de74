// `/incidents/new` and `/incidents/:id`: create and edit an incident (impact, title, cause, times
// of a manual one), its timeline notes (published ones appear on the status page and count as
// notifying customers), "notify customers", and the change record.
import type { Context, Hono } from 'hono';
import type { Incident, IncidentImpact } from '../../../sla/model.ts';
import {
  addIncidentNote,
  createManualIncident,
  editIncident,
  notifyCustomers,
  type ActionResult,
  type IncidentFields,
} from '../../../jobs/communications.ts';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import type { IncidentNote } from '../../../db/comms-store.ts';
import { commsMessages } from './comms-messages.ts';
import { commsServices, Notice, pageAction, ReasonInput, withPage } from './comms-page-context.tsx';
import { field, localDateTimeValue, parseLocalDateTime } from './form-values.ts';
import { ChangeList } from './change-list.tsx';
import { CsrfField } from '../csrf-field.tsx';

type Form = Record<string, unknown>;

function zoneOf(deps: PageDeps, serviceId: string): string {
  return deps.config().services.find((s) => s.spec.id === serviceId)?.spec.timezone ?? deps.config().timezone;
}

/** The fields of the incident form, or why they are invalid. */
function incidentFields(
  form: Form,
  zone: string,
  locked: boolean,
): { ok: true; fields: Partial<IncidentFields> } | { ok: false; message: string } {
  const fields: Partial<IncidentFields> = {
    title: field(form, 'title').trim(),
    impact: (field(form, 'impact') === 'partial' ? 'partial' : 'outage') as IncidentImpact,
    cause: field(form, 'cause').trim() || null,
  };
  if (!fields.title) return { ok: false, message: 'title: required' };
  if (locked) return { ok: true, fields };
  for (const [name, key] of [
    ['started_at', 'startedAtMs'],
    ['detected_at', 'detectedAtMs'],
    ['resolved_at', 'resolvedAtMs'],
  ] as const) {
    const ms = parseLocalDateTime(field(form, name), zone);
    if (ms === undefined) return { ok: false, message: `${name}: invalid date and time` };
    if (key === 'startedAtMs' && ms === null) return { ok: false, message: 'started_at: required' };
    (fields as Record<string, number | null>)[key] = ms;
  }
  return { ok: true, fields };
}

export const incidentPage: PageModule = {
  name: 'incidents',
  register(app: Hono, deps) {
    app.get('/incidents/new', (c) =>
      withPage(c, deps, { live: false }, async (ctx) => newIncidentPage(ctx, deps, c.req.query('service') ?? '', null)),
    );
    app.post('/incidents', async (c) => {
      const form = await c.req.parseBody();
      const serviceId = field(form, 'service');
      if (!commsServices(deps).some((s) => s.spec.id === serviceId))
        return withPage(c, deps, { live: false }, async (ctx) => ({
          ...newIncidentPage(ctx, deps, serviceId, `no service has id ${JSON.stringify(serviceId)}`),
          status: 404,
        }));
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
      return withPage(c, deps, { live: false }, async (ctx) => ({
        ...newIncidentPage(ctx, deps, serviceId, result.message),
        status: result.status,
      }));
    });
    app.get('/incidents/:id', (c) =>
      withPage(c, deps, { live: false }, (ctx) => incidentView(c, ctx, deps, c.req.query('done') ?? null, null)),
    );
    app.post('/incidents/:id', (c) =>
      act(c, deps, async (form, incident) => {
        const parsed = incidentFields(form, zoneOf(deps, incident.serviceId), incident.source === 'probe');
        return parsed.ok
          ? editIncident(pageAction(c, deps), c.req.param('id'), parsed.fields, field(form, 'reason'))
          : { ok: false, status: 400, message: parsed.message };
      }),
    );
    app.post('/incidents/:id/notes', (c) =>
      act(c, deps, async (form) => {
        const text = field(form, 'text').trim();
        if (!text) return { ok: false, status: 400, message: 'text: required' };
        return addIncidentNote(pageAction(c, deps), c.req.param('id'), text, field(form, 'publish') === 'on');
      }),
    );
    app.post('/incidents/:id/notify', (c) =>
      act(c, deps, async (form, incident) => {
        const service = commsServices(deps).find((s) => s.spec.id === incident.serviceId);
        if (!service) return { ok: false, status: 404, message: `service ${incident.serviceId} is not configured` };
        return notifyCustomers(pageAction(c, deps), service, c.req.param('id'), field(form, 'message').trim() || null);
      }),
    );
  },
};

/** Runs a form action on an incident, then shows the incident (redirect on success, the error in the page otherwise). */
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
  return withPage(c, deps, { live: false }, async (ctx) => ({
    ...(await incidentView(c, ctx, deps, null, result.message)),
    status: result.status,
  }));
}

function newIncidentPage(ctx: PageContext, deps: PageDeps, serviceId: string, error: string | null) {
  const m = commsMessages(ctx.lang);
  const services = commsServices(deps);
  return {
    title: m.newIncident,
    body: (
      <>
        <h1>{m.newIncident}</h1>
        <Notice text={error} error />
        <form method="post" action="/incidents" class="record-form">
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
          <IncidentInputs ctx={ctx} incident={null} zone={zoneOf(deps, serviceId || services[0]?.spec.id || '')} />
          <button type="submit">{m.create}</button>
        </form>
      </>
    ),
  };
}

function IncidentInputs({ ctx, incident, zone }: { ctx: PageContext; incident: Incident | null; zone: string }) {
  const m = commsMessages(ctx.lang);
  const locked = incident?.source === 'probe';
  const time = (name: string, label: string, ms: number | null) => (
    <label>
      {label} <input type="datetime-local" name={name} value={localDateTimeValue(ms, zone)} disabled={locked} />
    </label>
  );
  return (
    <>
      <label>
        {m.title} <input type="text" name="title" required maxlength={200} value={incident?.title ?? ''} />
      </label>
      <fieldset>
        <legend>{m.impact}</legend>
        <label>
          <input type="radio" name="impact" value="outage" checked={(incident?.impact ?? 'outage') === 'outage'} />{' '}
          {m.outage}
        </label>
        <label>
          <input type="radio" name="impact" value="partial" checked={incident?.impact === 'partial'} /> {m.partial}
        </label>
      </fieldset>
      <label>
        {m.cause}{' '}
        <textarea name="cause" rows={3} maxlength={2000}>
          {incident?.cause ?? ''}
        </textarea>
      </label>
      {time('started_at', m.startedAt, incident?.startedAtMs ?? null)}
      {time('detected_at', m.detectedAt, incident?.detectedAtMs ?? null)}
      {time('resolved_at', m.resolved, incident?.resolvedAtMs ?? null)}
      <p class="muted">{locked ? m.probeLocked : fill(m.timesNote, { timezone: zone })}</p>
      <ReasonInput lang={ctx.lang} />
    </>
  );
}

async function incidentView(c: Context, ctx: PageContext, deps: PageDeps, done: string | null, error: string | null) {
  const id = c.req.param('id')!;
  const m = commsMessages(ctx.lang);
  const incident = await deps.store.comms.getIncident(id);
  if (!incident)
    return {
      title: fill(m.incidentTitle, { id }),
      body: <Notice text={`no incident has id ${id}`} error />,
      status: 404 as const,
    };
  const zone = zoneOf(deps, incident.serviceId);
  const service = commsServices(deps).find((s) => s.spec.id === incident.serviceId);
  const [notes, changes, deliveries] = await Promise.all([
    deps.store.comms.listIncidentNotes(id),
    deps.store.comms.listChanges({ entity: 'incident', entityId: id }),
    deps.store.comms.listDeliveries({ subject: `incident:${id}` }),
  ]);
  const time = (ms: number | null, none: string) => (ms === null ? none : formatDateTime(ctx.lang, ms, zone));
  const title = fill(m.incidentTitle, { id });
  return {
    title,
    body: (
      <>
        <h1>
          {title}: {incident.title}
        </h1>
        <Notice text={done ? m.saved : null} />
        <Notice text={error} error />
        <dl class="facts">
          <dt>{m.service}</dt>
          <dd>{incident.serviceId}</dd>
          <dt>{m.source}</dt>
          <dd>{incident.source}</dd>
          <dt>{m.startedAt}</dt>
          <dd>{time(incident.startedAtMs, '—')}</dd>
          <dt>{m.notifiedAt}</dt>
          <dd data-notified>{time(incident.notifiedAtMs, m.notNotified)}</dd>
          <dt>{m.resolved}</dt>
          <dd>{time(incident.resolvedAtMs, m.open)}</dd>
        </dl>
        <form method="post" action={`/incidents/${id}`} class="record-form">
          <CsrfField ctx={ctx} />
          <IncidentInputs ctx={ctx} incident={incident} zone={zone} />
          <button type="submit">{m.save}</button>
        </form>
        <NotesSection ctx={ctx} id={id} notes={notes} zone={zone} />
        <h2>{m.notify}</h2>
        {service && service.notifyCustomers.length > 0 ? (
          <form method="post" action={`/incidents/${id}/notify`} class="record-form">
            <CsrfField ctx={ctx} />
            <label>
              {m.notifyMessage} <textarea name="message" rows={3} maxlength={5000}></textarea>
            </label>
            <p class="muted">{fill(m.notifyHint, { channels: service.notifyCustomers.join(', ') })}</p>
            <button type="submit">{m.notify}</button>
          </form>
        ) : (
          <p class="muted">{m.noCustomerChannels}</p>
        )}
        <ChangeList lang={ctx.lang} zone={zone} changes={changes} deliveries={deliveries} />
      </>
    ),
  };
}

function NotesSection({ ctx, id, notes, zone }: { ctx: PageContext; id: string; notes: IncidentNote[]; zone: string }) {
  const m = commsMessages(ctx.lang);
  return (
    <>
      <h2>{m.notes}</h2>
      {notes.length === 0 ? (
        <p>{m.noNotes}</p>
      ) : (
        <ol class="notes">
          {notes.map((n) => (
            <li data-note={n.id}>
              <strong>{formatDateTime(ctx.lang, n.timeMs, zone)}</strong> {n.author}{' '}
              <span class="muted">
                (
                {n.publishedMs === null
                  ? m.internal
                  : fill(m.published, { time: formatDateTime(ctx.lang, n.publishedMs, zone) })}
                )
              </span>
              <p>{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/incidents/${id}/notes`} class="record-form">
        <CsrfField ctx={ctx} />
        <label>
          {m.addNote} <textarea name="text" rows={3} required maxlength={5000}></textarea>
        </label>
        <label class="check">
          <input type="checkbox" name="publish" /> {m.publish}
        </label>
        <button type="submit">{m.addNote}</button>
      </form>
    </>
  );
}
