// `/`: every service with each claim's measured figure against its bound and its status, coverage
// and open incidents, for the selected period; search, status filter, pages of 25. A pure view of
// the rows overview-rows.ts reads.
import { claimStatuses } from '../../../sla/claim-status.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { fill, formatAvailability, formatNumber } from '../i18n.ts';
import { formatBound, formatMeasured, metricLabel, StatusBadge, statusLabel } from '../claim-labels.tsx';
import { PeriodShown } from '../period-shown.tsx';
import { periodParams } from '../period-query.ts';
import { overviewMessages } from './overview-messages.ts';
import { overviewPageSize, type OverviewData, type OverviewQuery, type OverviewRow } from './overview-rows.ts';

interface OverviewProps {
  ctx: PageContext;
  query: OverviewQuery;
  data: OverviewData;
}

export function overviewPage(ctx: PageContext, query: OverviewQuery, data: OverviewData): PageBody {
  return { title: overviewMessages(ctx.lang).title, body: <OverviewBody ctx={ctx} query={query} data={data} /> };
}

function OverviewBody({ ctx, query, data }: OverviewProps) {
  const m = overviewMessages(ctx.lang);
  return (
    <>
      <h1>{m.heading}</h1>
      <PeriodShown ctx={ctx} timezone={ctx.timezone} />
      <Filters ctx={ctx} query={query} />
      <p class="muted" data-summary>
        {fill(m.summary, {
          met: data.counts.met,
          atRisk: data.counts.at_risk,
          breached: data.counts.breached,
          insufficient: data.counts.insufficient_data,
        })}
      </p>
      {data.rows.length === 0 ? <p>{m.noServices}</p> : <ServicesTable ctx={ctx} data={data} />}
      {data.pages > 1 ? <Pager ctx={ctx} query={query} data={data} /> : null}
    </>
  );
}

/** Search and status filter: a GET form that keeps the language and the period. */
function Filters({ ctx, query }: Omit<OverviewProps, 'data'>) {
  const m = overviewMessages(ctx.lang);
  return (
    /* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers teams still run;
       the role says the same */
    <form method="get" action="/" class="filters" role="search">
      <input type="hidden" name="lang" value={ctx.lang} />
      {Object.entries(periodParams(ctx.selection)).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <label>
        {m.search}
        <input type="search" name="q" value={query.search} />
      </label>
      <label>
        {m.statusFilter}
        <select name="status">
          <option value="">{m.anyStatus}</option>
          {claimStatuses.map((s) => (
            <option value={s} selected={query.status === s}>
              {statusLabel(ctx.lang, s)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{m.apply}</button>
    </form>
  );
}

function ServicesTable({ ctx, data }: Omit<OverviewProps, 'query'>) {
  const m = overviewMessages(ctx.lang);
  const first = data.total === 0 ? 0 : (data.page - 1) * overviewPageSize + 1;
  const last = Math.min(data.total, data.page * overviewPageSize);
  return (
    <div class="table-wrap">
      <table class="overview">
        <caption>{fill(m.showing, { first, last, total: data.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{m.service}</th>
            <th scope="col">{m.claims}</th>
            <th scope="col" class="num">
              {m.coverage}
            </th>
            <th scope="col" class="num">
              {m.openIncidents}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <ServiceRow ctx={ctx} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ServiceRow({ ctx, row: { service, report, claims, openNow } }: { ctx: PageContext; row: OverviewRow }) {
  const m = overviewMessages(ctx.lang);
  const coverage = report.report.figures.coverage;
  const availabilityBound = service.spec.claims.find((c) => c.metric === 'availability')?.bound ?? null;
  return (
    <tr data-service={service.spec.id}>
      <th scope="row">
        <a href={ctx.href(`/services/${encodeURIComponent(service.spec.id)}`)}>{service.spec.name}</a>
        <div class="muted">{service.spec.id}</div>
      </th>
      <td>
        {claims.length === 0 ? (
          <span class="muted">{m.noClaims}</span>
        ) : (
          <ul class="claim-list">
            {claims.map(({ evaluation: e }) => (
              <li data-claim={e.claim.id}>
                {metricLabel(ctx.lang, e.claim)}: <strong>{formatMeasured(ctx.lang, e.claim, e.measured)}</strong>{' '}
                <span class="muted">({formatBound(ctx.lang, e.claim)})</span>{' '}
                <StatusBadge lang={ctx.lang} status={e.status} />
              </li>
            ))}
          </ul>
        )}
      </td>
      <td class="num">
        {coverage === null ? ctx.t.noData : formatAvailability(ctx.lang, coverage, availabilityBound)}
      </td>
      <td class="num">{formatNumber(ctx.lang, openNow)}</td>
    </tr>
  );
}

/** Previous and next page, keeping the search and the filter. */
function Pager({ ctx, query, data }: OverviewProps) {
  const m = overviewMessages(ctx.lang);
  const pageHref = (page: number) =>
    ctx.href('/', { q: query.search || undefined, status: query.status ?? undefined, page: String(page) });
  return (
    <nav class="pager" aria-label={m.pagination}>
      {data.page > 1 ? (
        <a href={pageHref(data.page - 1)} rel="prev">
          {m.previous}
        </a>
      ) : null}
      <span>
        {data.page} / {data.pages}
      </span>
      {data.page < data.pages ? (
        <a href={pageHref(data.page + 1)} rel="next">
          {m.next}
        </a>
      ) : null}
    </nav>
  );
}
