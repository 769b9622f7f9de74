// `/monitors/:id`: each location's state now, and over the last 24 hours of the selected period
// the checks' latency, the blips and the recent checks.
import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import { fill, formatDateTime, formatDateTimeSeconds, formatDuration, formatNumber } from '../i18n.ts';
import { resolvePeriod } from '../period-query.ts';
import type { PageModule } from '../page-module.ts';
import type { MonitorConfig, ServiceConfig } from '../../config/types.ts';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { checkJson } from '../../routes/api/record-json.ts';
import { sourced } from '../charts/chart-points.ts';
import { buildHref } from '../page-context.ts';
import { loadMonitorView, type MonitorView } from './monitor-view.ts';
import { monitorMessages } from './monitor-messages.ts';

const windowMs = 24 * 3_600_000;
const checksListed = 50;
const checksCharted = 2000;

export const monitorPage: PageModule = {
  name: 'monitor',
  register(app: Hono, deps) {
    app.get('/monitors/:id', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const id = c.req.param('id');
      const service = deps.config().services.find((s) => s.monitors.some((m) => m.id === id));
      const monitor = service?.monitors.find((m) => m.id === id);
      if (!service || !monitor) return renderErrorPage(c, ctx.lang, 404, `no monitor "${id}"`);
      const period = resolvePeriod(ctx.selection, service.spec.timezone);
      const toMs = Math.max(period.fromMs + 1, Math.min(period.toMs, ctx.nowMs + 1));
      const fromMs = Math.max(period.fromMs, toMs - windowMs);
      const view = await loadMonitorView(deps.store, monitor, fromMs, toMs, ctx.nowMs, checksCharted);
      return renderPage(c, ctx, {
        title: monitor.id,
        body: <MonitorBody ctx={ctx} service={service} monitor={monitor} view={view} fromMs={fromMs} toMs={toMs} />,
      });
    });
  },
};

function MonitorBody({
  ctx,
  service,
  monitor,
  view,
  fromMs,
  toMs,
}: {
  ctx: PageContext;
  service: ServiceConfig;
  monitor: MonitorConfig;
  view: MonitorView;
  fromMs: number;
  toMs: number;
}) {
  const m = monitorMessages(ctx.lang);
  const tz = service.spec.timezone;
  const lang = ctx.lang;
  // Checks come seconds apart: their times need seconds.
  const at = (ms: number | null) => (ms === null ? '—' : formatDateTimeSeconds(lang, ms, tz));
  const atMinute = (ms: number) => formatDateTime(lang, ms, tz);
  const chronological = [...view.checks].reverse();
  const json = { checks: chronological.map(checkJson) };
  const source = buildHref(`/api/v1/monitors/${encodeURIComponent(monitor.id)}/checks`, {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    order: 'asc',
    limit: String(checksCharted),
  });
  const labels = chronological.map((ch) => DateTime.fromMillis(ch.timeMs, { zone: tz }).toFormat('MM-dd HH:mm:ss'));
  const latency = sourced(json, { label: m.latencyLabel, color: '#0b57b0', from: { path: 'checks[].latencyMs' } });
  return (
    <>
      <h1>{monitor.id}</h1>
      <p class="muted">
        {m.service}: <a href={ctx.href(`/services/${encodeURIComponent(service.spec.id)}`)}>{service.spec.name}</a> ·{' '}
        {m.type}: {monitor.type} · {m.interval}: {formatDuration(lang, monitor.intervalMs)} · {m.confirm}:{' '}
        {fill(m.confirmValue, { n: monitor.confirm })} · {m.quorum}: {monitor.quorum}
      </p>
      <p class="period-shown">{fill(m.window, { from: atMinute(fromMs), to: atMinute(toMs), timezone: tz })}</p>
      <section aria-labelledby="locations-heading">
        <h2 id="locations-heading">{m.locations}</h2>
        <div class="table-wrap">
          <table class="locations">
            <thead>
              <tr>
                <th scope="col">{m.location}</th>
                <th scope="col">{m.state}</th>
                <th scope="col">{m.lastCheck}</th>
                <th scope="col" class="num">
                  {m.failing}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.locations.map((l) => (
                <tr data-location={l.location} data-state={l.state}>
                  <th scope="row">{l.location}</th>
                  <td>
                    <span
                      class={`status status-${l.state === 'up' ? 'met' : l.state === 'down' ? 'breached' : l.state === 'failing' ? 'at_risk' : 'insufficient_data'}`}
                    >
                      {m[`state${l.state}`]}
                    </span>
                  </td>
                  <td>{at(l.lastCheckMs)}</td>
                  <td class="num">{formatNumber(lang, l.failingChecks)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="latency-heading">
        <h2 id="latency-heading">{m.latency}</h2>
        <ChartFigure
          spec={{
            id: 'chart-check-latency',
            kind: 'line',
            title: m.latency,
            labels,
            datasets: [latency],
            y: { title: 'ms', unit: 'ms', min: 0 },
            source,
          }}
          table={{
            headers: [m.time, m.latencyLabel],
            rows: chronological
              .slice(-checksListed)
              .map((ch) => [at(ch.timeMs), ch.latencyMs === null ? '—' : formatNumber(lang, ch.latencyMs)]),
          }}
          tableLabel={m.chartTable}
        />
      </section>
      <section aria-labelledby="blips-heading">
        <h2 id="blips-heading">{m.blips}</h2>
        {view.blips.length === 0 ? (
          <p>{m.noBlips}</p>
        ) : (
          <div class="table-wrap">
            <table class="blips">
              <thead>
                <tr>
                  <th scope="col">{m.location}</th>
                  <th scope="col">{m.from}</th>
                  <th scope="col">{m.to}</th>
                  <th scope="col" class="num">
                    {m.failedChecks}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.blips.map((b) => (
                  <tr>
                    <th scope="row">{b.location}</th>
                    <td>{at(b.startMs)}</td>
                    <td>{at(b.endMs)}</td>
                    <td class="num">{b.failedChecks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{fill(m.recentChecks, { n: checksListed })}</h2>
        {view.checks.length === 0 ? (
          <p>{m.noChecks}</p>
        ) : (
          <div class="table-wrap">
            <table class="checks">
              <thead>
                <tr>
                  <th scope="col">{m.time}</th>
                  <th scope="col">{m.location}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col" class="num">
                    {m.latencyLabel}
                  </th>
                  <th scope="col">{m.detail}</th>
                </tr>
              </thead>
              <tbody>
                {view.checks.slice(0, checksListed).map((ch) => (
                  <tr data-status={ch.status}>
                    <th scope="row">{at(ch.timeMs)}</th>
                    <td>{ch.location}</td>
                    <td>
                      <span class={`status ${ch.status === 'up' ? 'status-met' : 'status-breached'}`}>
                        {m[ch.status]}
                      </span>
                    </td>
                    <td class="num">{ch.latencyMs === null ? '—' : formatNumber(lang, ch.latencyMs)}</td>
                    <td>{ch.detail ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
