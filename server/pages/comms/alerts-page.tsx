// `/alerts`: the firing drift alerts with acknowledge and silence, the recent history, and the
// delivery log. Acknowledge stops repeats; silence sends nothing until its end (SPEC §4).
import type { Hono } from 'hono';
import { acknowledgeAlert, silenceAlert } from '../../../jobs/alert-actions.ts';
import type { AlertState } from '../../../sla/alert-lifecycle.ts';
import type { Delivery } from '../../../db/comms-store.ts';
import { fill, formatDateTime } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageModule } from '../page-module.ts';
import { commsMessages } from './comms-messages.ts';
import { Notice, pageAction, withPage } from './comms-page-context.tsx';
import { field } from './form-values.ts';
import { CsrfField } from '../csrf-field.tsx';

const silenceChoices = [
  ['1h', 3_600_000],
  ['4h', 4 * 3_600_000],
  ['1d', 86_400_000],
  ['7d', 7 * 86_400_000],
] as const;

export const alertsPage: PageModule = {
  name: 'alerts',
  register(app: Hono, deps) {
    app.get('/alerts', (c) =>
      withPage(c, deps, { live: true }, async (ctx) => {
        const [firing, recent, deliveries] = await Promise.all([
          deps.store.comms.listAlerts({ status: 'firing', limit: 500 }),
          deps.store.comms.listAlerts({ limit: 50 }),
          deps.store.comms.listDeliveries({ limit: 50 }),
        ]);
        const m = commsMessages(ctx.lang);
        return {
          title: m.alertsTitle,
          body: (
            <AlertsBody
              ctx={ctx}
              firing={firing}
              recent={recent}
              deliveries={deliveries}
              error={c.req.query('error') ?? null}
            />
          ),
        };
      }),
    );
    app.post('/alerts/:id/acknowledge', async (c) => {
      const result = await acknowledgeAlert(pageAction(c, deps), c.req.param('id'));
      return c.redirect(result.ok ? '/alerts' : `/alerts?error=${encodeURIComponent(result.message)}`, 303);
    });
    app.post('/alerts/:id/silence', async (c) => {
      const form = await c.req.parseBody();
      const choice = silenceChoices.find(([label]) => label === field(form, 'for'));
      const ctx = pageAction(c, deps);
      const result = choice
        ? await silenceAlert(ctx, c.req.param('id'), ctx.nowMs + choice[1])
        : { ok: false as const, message: `choose one of ${silenceChoices.map(([l]) => l).join(', ')}` };
      return c.redirect(result.ok ? '/alerts' : `/alerts?error=${encodeURIComponent(result.message)}`, 303);
    });
  },
};

function AlertsBody({
  ctx,
  firing,
  recent,
  deliveries,
  error,
}: {
  ctx: PageContext;
  firing: (AlertState & { id: string })[];
  recent: (AlertState & { id: string })[];
  deliveries: Delivery[];
  error: string | null;
}) {
  const m = commsMessages(ctx.lang);
  const zone = ctx.deps.config().timezone;
  const time = (ms: number | null) => (ms === null ? '—' : formatDateTime(ctx.lang, ms, zone));
  return (
    <>
      <h1>{m.alertsTitle}</h1>
      <Notice text={error} error />
      <h2>{m.firing}</h2>
      {firing.length === 0 ? (
        <p>{m.noFiring}</p>
      ) : (
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
                    {a.acknowledgedAtMs !== null ? (
                      <p class="muted">
                        {fill(m.acknowledgedBy, { who: a.acknowledgedBy ?? '', time: time(a.acknowledgedAtMs) })}
                      </p>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{m.history}</h2>
      {recent.length === 0 ? (
        <p>{m.noHistory}</p>
      ) : (
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
      )}
      <h2>{m.deliveries}</h2>
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
    </>
  );
}
