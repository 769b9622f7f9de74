// `/maintenance/new` and `/maintenance/:id`: create and edit a maintenance window, "announce to
// customers" (sends to the customer channels and records announced_at), and the change record. A
// pure view of what maintenance-route.ts reads.
import type { Change, Delivery } from '../../../db/comms-store.ts';
import type { Maintenance } from '../../../sla/model.ts';
import type { CommsService } from '../../routes/comms-deps.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { ChangeList } from './change-list.tsx';
import { commsMessages } from './comms-messages.ts';
import { Notice, ReasonInput } from './comms-page-parts.tsx';
import { localDateTimeValue } from './form-values.ts';

export interface NewMaintenanceData {
  services: CommsService[];
  serviceId: string;
  /** The chosen service's timezone (the config's when none is): the form's times are wall-clock in it. */
  zone: string;
  error: string | null;
}

/** A window with everything its page lists. */
export interface MaintenanceRecord {
  window: Maintenance;
  zone: string;
  /** The configured service with its customer channels; undefined once it left the config. */
  service: CommsService | undefined;
  changes: Change[];
  deliveries: Delivery[];
}

export interface MaintenancePageData {
  id: string;
  /** null: no window has this id. */
  record: MaintenanceRecord | null;
  done: string | null;
  error: string | null;
}

export function newMaintenancePage(
  ctx: PageContext,
  { services, serviceId, zone, error }: NewMaintenanceData,
): PageBody {
  const m = commsMessages(ctx.lang);
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

export function maintenancePage(ctx: PageContext, { id, record, done, error }: MaintenancePageData): PageBody {
  const m = commsMessages(ctx.lang);
  const title = fill(m.maintenanceTitle, { id });
  if (!record) return { title, body: <Notice text={`no maintenance window has id ${id}`} error />, status: 404 };
  const { window, zone, service } = record;
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
        <ChangeList lang={ctx.lang} zone={zone} changes={record.changes} deliveries={record.deliveries} />
      </>
    ),
  };
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
