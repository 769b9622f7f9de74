// `/alerts`: the firing drift alerts with acknowledge and silence, the recent history, and the
// delivery log. Acknowledge stops repeats; silence sends nothing until its end (SPEC §4). A pure
// view of what alerts-route.ts reads.
import type { Delivery } from '../../../db/comms-store.ts';
import type { AlertState } from '../../../sla/alert-lifecycle.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { commsMessages } from './comms-messages.ts';
import { Notice } from './comms-page-parts.tsx';

/** How long a silence may last: the form's choices, each with its length. */
export const silenceChoices = [
  ['1h', 3_600_000],
  ['4h', 4 * 3_600_000],
  ['1d', 86_400_000],
  ['7d', 7 * 86_400_000],
] as const;

type StoredAlert = AlertState & { id: string };

export interface AlertsPageData {
  firing: StoredAlert[];
  recent: StoredAlert[];
  deliveries: Delivery[];
  /** Why the last acknowledge or silence failed. */
  error: string | null;
}

export function alertsPage(ctx: PageContext, data: AlertsPageData): PageBody {
  return { title: commsMessages(ctx.lang).alertsTitle, body: <AlertsBody ctx={ctx} {...data} /> };
}

/** Alert times read in the config's timezone: an alert list spans services. */
const timeIn = (ctx: PageContext) => (ms: number | null) =>
  ms === null ? '—' : formatDateTime(ctx.lang, ms, ctx.timezone);

function AlertsBody({ ctx, firing, recent, deliveries, error }: AlertsPageData & { ctx: PageContext }) {
  const m = commsMessages(ctx.lang);
  return (
    <>
      <h1>{m.alertsTitle}</h1>
      <Notice text={error} error />
      <h2>{m.firing}</h2>
      {firing.length === 0 ? <p>{m.noFiring}</p> : <FiringAlerts ctx={ctx} firing={firing} />}
      <h2>{m.history}</h2>
      {recent.length === 0 ? <p>{m.noHistory}</p> : <AlertHistory ctx={ctx} recent={recent} />}
      <h2>{m.deliveries}</h2>
      <DeliveryLog ctx={ctx} deliveries={deliveries} />
    </>
  );
}

function FiringAlerts({ ctx, firing }: { ctx: PageContext; firing: StoredAlert[] }) {
  const m = commsMessages(ctx.lang);
  const time = timeIn(ctx);
  return (
    <div class="table-wrap">
      <table class="alerts">
        <thead>
          <tr>
            <th scope="col">{m.service}</th>
            <th scope="col">{m.alert}</th>
            <th scope="col">{m.severity}</th>
            <th scope="col">{m.summary}</th>
            <th scope="col">{m.since}</th>
            <th scope="col">{m.actions}</th>
          </tr>
        </thead>
        <tbody>
          {firing.map((a) => (
            <tr data-alert={a.id} data-severity={a.severity}>
              <td>{a.serviceId}</td>
              <td>
                <code>{a.name}</code>
                {a.claimId ? <div class="muted">{a.claimId}</div> : null}
              </td>
              <td>{a.severity}</td>
              <td>{a.summary}</td>
              <td>{time(a.firedAtMs)}</td>
              <td>
                <AlertActions ctx={ctx} alert={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Acknowledge (or who did) and silence, with the silence in force. */
function AlertActions({ ctx, alert: a }: { ctx: PageContext; alert: StoredAlert }) {
  const m = commsMessages(ctx.lang);
  const time = timeIn(ctx);
  return (
    <>
      {a.acknowledgedAtMs !== null ? (
        <p class="muted">{fill(m.acknowledgedBy, { who: a.acknowledgedBy ?? '', time: time(a.acknowledgedAtMs) })}</p>
      ) : (
        <form method="post" action={`/alerts/${a.id}/acknowledge`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{m.acknowledge}</button>
        </form>
      )}
      {a.silencedUntilMs !== null && a.silencedUntilMs > ctx.nowMs ? (
        <p class="muted">{fill(m.silencedUntil, { time: time(a.silencedUntilMs) })}</p>
      ) : null}
      <form method="post" action={`/alerts/${a.id}/silence`} class="inline-form">
        <CsrfField ctx={ctx} />
        <label>
          {m.silence}{' '}
          <select name="for">
            {silenceChoices.map(([label]) => (
              <option value={label}>{label}</option>
            ))}
          </select>
        </label>
        <button type="submit">{m.silenceButton}</button>
      </form>
    </>
  );
}

function AlertHistory({ ctx, recent }: { ctx: PageContext; recent: StoredAlert[] }) {
  const m = commsMessages(ctx.lang);
  const time = timeIn(ctx);
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{m.service}</th>
            <th scope="col">{m.alert}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.since}</th>
            <th scope="col">{m.resolvedAt}</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((a) => (
            <tr>
              <td>{a.serviceId}</td>
              <td>
                <code>{a.name}</code>
              </td>
              <td>{a.status}</td>
              <td>{time(a.firedAtMs)}</td>
              <td>{time(a.resolvedAtMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeliveryLog({ ctx, deliveries }: { ctx: PageContext; deliveries: Delivery[] }) {
  const m = commsMessages(ctx.lang);
  const time = timeIn(ctx);
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{m.when}</th>
            <th scope="col">{m.channel}</th>
            <th scope="col">{m.what}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.attempts}</th>
            <th scope="col">{m.error}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr>
              <td>{time(d.createdMs)}</td>
              <td>{d.channelId}</td>
              <td>{d.subject}</td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
