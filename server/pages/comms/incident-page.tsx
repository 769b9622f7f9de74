// `/incidents/new` and `/incidents/:id`: create and edit an incident (impact, title, cause, times
// of a manual one), its timeline notes (published ones appear on the status page and count as
// notifying customers), "notify customers", and the change record. A pure view of what
// incident-route.ts reads.
import type { Change, Delivery, IncidentNote } from '../../../db/comms-store.ts';
import type { Incident } from '../../../sla/model.ts';
import type { CommsService } from '../../routes/comms-deps.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { ChangeList } from './change-list.tsx';
import { commsMessages } from './comms-messages.ts';
import { Notice, ReasonInput } from './comms-page-parts.tsx';
import { localDateTimeValue } from './form-values.ts';

export interface NewIncidentData {
  services: CommsService[];
  /** The service chosen, or '' for the first. */
  serviceId: string;
  /** The chosen service's timezone: the form's times are wall-clock times in it. */
  zone: string;
  error: string | null;
}

/** An incident with everything its page lists. */
export interface IncidentRecord {
  incident: Incident;
  zone: string;
  /** The configured service with its customer channels; undefined once it left the config. */
  service: CommsService | undefined;
  notes: IncidentNote[];
  changes: Change[];
  deliveries: Delivery[];
}

export interface IncidentPageData {
  id: string;
  /** null: no incident has this id. */
  record: IncidentRecord | null;
  done: string | null;
  error: string | null;
}

export function newIncidentPage(ctx: PageContext, { services, serviceId, zone, error }: NewIncidentData): PageBody {
  const m = commsMessages(ctx.lang);
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
          <IncidentInputs ctx={ctx} incident={null} zone={zone} />
          <button type="submit">{m.create}</button>
        </form>
      </>
    ),
  };
}

export function incidentPage(ctx: PageContext, { id, record, done, error }: IncidentPageData): PageBody {
  const m = commsMessages(ctx.lang);
  const title = fill(m.incidentTitle, { id });
  if (!record) return { title, body: <Notice text={`no incident has id ${id}`} error />, status: 404 };
  return {
    title,
    body: (
      <>
        <h1>
          {title}: {record.incident.title}
        </h1>
        <Notice text={done ? m.saved : null} />
        <Notice text={error} error />
        <IncidentFacts ctx={ctx} incident={record.incident} zone={record.zone} />
        <form method="post" action={`/incidents/${id}`} class="record-form">
          <CsrfField ctx={ctx} />
          <IncidentInputs ctx={ctx} incident={record.incident} zone={record.zone} />
          <button type="submit">{m.save}</button>
        </form>
        <NotesSection ctx={ctx} id={id} notes={record.notes} zone={record.zone} />
        <NotifySection ctx={ctx} id={id} service={record.service} />
        <ChangeList lang={ctx.lang} zone={record.zone} changes={record.changes} deliveries={record.deliveries} />
      </>
    ),
  };
}

function IncidentFacts({ ctx, incident, zone }: { ctx: PageContext; incident: Incident; zone: string }) {
  const m = commsMessages(ctx.lang);
  const time = (ms: number | null, none: string) => (ms === null ? none : formatDateTime(ctx.lang, ms, zone));
  return (
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
  );
}

/** "Notify customers": only where the service has customer channels. */
function NotifySection({ ctx, id, service }: { ctx: PageContext; id: string; service: CommsService | undefined }) {
  const m = commsMessages(ctx.lang);
  return (
    <>
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
    </>
  );
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
