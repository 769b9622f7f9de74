// `/monitors/:id`: each location's state now, and over the last 24 hours of the selected period
// the checks' latency, the blips and the recent checks. A pure view of what monitor-route.ts reads.
import { DateTime } from 'luxon';
import type { ClaimStatus } from '../../../sla/claim-status.ts';
import type { Check } from '../../../sla/model.ts';
import type { MonitorConfig, ServiceConfig } from '../../config/types.ts';
import { checkJson } from '../../routes/api/record-json.ts';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { sourced } from '../charts/chart-points.ts';
import { fill, formatDateTime, formatDateTimeSeconds, formatDuration, formatNumber, type Lang } from '../i18n.ts';
import { buildHref, type PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { monitorMessages } from './monitor-messages.ts';
import type { LocationStateName, MonitorView } from './monitor-view.ts';

const checksListed = 50;
/** The most checks the latency chart draws, and so the most the route reads. */
export const checksCharted = 2000;

/** A location's state wears the badge of the claim status it is closest to. */
const stateBadge: Record<LocationStateName, ClaimStatus> = {
  up: 'met',
  failing: 'at_risk',
  down: 'breached',
  unknown: 'insufficient_data',
};

export interface MonitorPageData {
  service: ServiceConfig;
  monitor: MonitorConfig;
  view: MonitorView;
  /** The window shown: the last 24 hours of the period, never past now. */
  fromMs: number;
  toMs: number;
}

interface MonitorProps extends MonitorPageData {
  ctx: PageContext;
}

export function monitorPage(ctx: PageContext, data: MonitorPageData): PageBody {
  return { title: data.monitor.id, body: <MonitorBody ctx={ctx} {...data} /> };
}

/** Check times need seconds: checks come seconds apart. */
function checkTime(lang: Lang, timezone: string, ms: number | null): string {
  return ms === null ? '—' : formatDateTimeSeconds(lang, ms, timezone);
}

const latencyText = (lang: Lang, check: Check) =>
  check.latencyMs === null ? '—' : formatNumber(lang, check.latencyMs);

function MonitorBody(props: MonitorProps) {
  const { ctx, service, monitor, fromMs, toMs } = props;
  const m = monitorMessages(ctx.lang);
  const tz = service.spec.timezone;
  const atMinute = (ms: number) => formatDateTime(ctx.lang, ms, tz);
  return (
    <>
      <h1>{monitor.id}</h1>
      <p class="muted">
        {m.service}: <a href={ctx.href(`/services/${encodeURIComponent(service.spec.id)}`)}>{service.spec.name}</a>
        {' · '}
        {m.type}: {monitor.type} · {m.interval}: {formatDuration(ctx.lang, monitor.intervalMs)} · {m.confirm}:{' '}
        {fill(m.confirmValue, { n: monitor.confirm })} · {m.quorum}: {monitor.quorum}
      </p>
      <p class="period-shown">{fill(m.window, { from: atMinute(fromMs), to: atMinute(toMs), timezone: tz })}</p>
      <LocationsSection {...props} />
      <LatencySection {...props} />
      <BlipsSection {...props} />
      <ChecksSection {...props} />
    </>
  );
}

function LocationsSection({ ctx, service, view }: MonitorProps) {
  const m = monitorMessages(ctx.lang);
  return (
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
                  <span class={`status status-${stateBadge[l.state]}`}>{m[`state${l.state}`]}</span>
                </td>
                <td>{checkTime(ctx.lang, service.spec.timezone, l.lastCheckMs)}</td>
                <td class="num">{formatNumber(ctx.lang, l.failingChecks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The chart's points come from the JSON /api/v1/monitors/{id}/checks serves for the same window. */
function LatencySection({ ctx, service, monitor, view, fromMs, toMs }: MonitorProps) {
  const m = monitorMessages(ctx.lang);
  const tz = service.spec.timezone;
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
            .map((ch) => [checkTime(ctx.lang, tz, ch.timeMs), latencyText(ctx.lang, ch)]),
        }}
        tableLabel={m.chartTable}
      />
    </section>
  );
}

function BlipsSection({ ctx, service, view }: MonitorProps) {
  const m = monitorMessages(ctx.lang);
  const at = (ms: number) => checkTime(ctx.lang, service.spec.timezone, ms);
  return (
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
  );
}

function ChecksSection({ ctx, service, view }: MonitorProps) {
  const m = monitorMessages(ctx.lang);
  return (
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
                  <th scope="row">{checkTime(ctx.lang, service.spec.timezone, ch.timeMs)}</th>
                  <td>{ch.location}</td>
                  <td>
                    <span class={`status ${ch.status === 'up' ? 'status-met' : 'status-breached'}`}>
                      {m[ch.status]}
                    </span>
                  </td>
                  <td class="num">{latencyText(ctx.lang, ch)}</td>
                  <td>{ch.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
