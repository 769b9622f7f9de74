// `/`: every service with each claim's measured figure against its bound and its status, coverage
// and open incidents, for the selected period; search, status filter, pages of 25.
import type { Hono } from 'hono';
import { claimStatuses } from '../../../sla/claim-status.ts';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import { fill, formatAvailability, formatNumber } from '../i18n.ts';
import { formatBound, formatMeasured, metricLabel, StatusBadge, statusLabel } from '../claim-labels.tsx';
import { PeriodShown } from '../period-shown.tsx';
import { periodParams } from '../period-query.ts';
import type { PageModule } from '../page-module.ts';
import { overviewMessages } from './overview-messages.ts';
import {
  loadOverview,
  overviewPageSize,
  parseOverviewQuery,
  type OverviewData,
  type OverviewQuery,
} from './overview-rows.ts';

export const overviewPage: PageModule = {
  name: 'overview',
  register(app: Hono, deps) {
    app.get('/', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const query = parseOverviewQuery(c.req.query());
      const data = await loadOverview(deps, ctx.selection, query, ctx.nowMs);
      const m = overviewMessages(ctx.lang);
      return renderPage(c, ctx, { title: m.title, body: <OverviewBody ctx={ctx} query={query} data={data} /> });
    });
  },
};

function OverviewBody({ ctx, query, data }: { ctx: PageContext; query: OverviewQuery; data: OverviewData }) {
  const m = overviewMessages(ctx.lang);
  const zone = ctx.deps.config().timezone;
  const first = data.total === 0 ? 0 : (data.page - 1) * overviewPageSize + 1;
  const last = Math.min(data.total, data.page * overviewPageSize);
  const pageHref = (page: number) =>
    ctx.href('/', { q: query.search || undefined, status: query.status ?? undefined, page: String(page) });
  return (
    <>
      <h1>{m.heading}</h1>
      <PeriodShown ctx={ctx} timezone={zone} />
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers teams still run; the role says the same */}
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
      <p class="muted" data-summary>
        {fill(m.summary, {
          met: data.counts.met,
          atRisk: data.counts.at_risk,
          breached: data.counts.breached,
          insufficient: data.counts.insufficient_data,
        })}
      </p>
      {data.rows.length === 0 ? (
        <p>{m.noServices}</p>
      ) : (
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
              {data.rows.map(({ service, report, claims, openNow }) => {
                const f = report.report.figures;
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
                              {metricLabel(ctx.lang, e.claim)}:{' '}
                              <strong>{formatMeasured(ctx.lang, e.claim, e.measured)}</strong>{' '}
                              <span class="muted">({formatBound(ctx.lang, e.claim)})</span>{' '}
                              <StatusBadge lang={ctx.lang} status={e.status} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td class="num">
                      {f.coverage === null ? ctx.t.noData : formatAvailability(ctx.lang, f.coverage, availabilityBound)}
                    </td>
                    <td class="num">{formatNumber(ctx.lang, openNow)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 ? (
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
      ) : null}
    </>
  );
}
