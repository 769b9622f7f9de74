// `/services/:id`: the claims with the arithmetic behind each status, contradictions between the
// claims, the figures, the charts, the incident timeline and list, unknown stretches and the
// maintenance calendar, for the selected period in the service's timezone.
import type { Hono } from 'hono';
import { findContradictions } from '../../../sla/consistency.ts';
import type { ServiceConfig } from '../../config/types.ts';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import { fill, formatAvailability, formatDuration, formatNumber } from '../i18n.ts';
import { PeriodShown } from '../period-shown.tsx';
import { resolvePeriod } from '../period-query.ts';
import type { PageModule } from '../page-module.ts';
import type { CachedReport } from '../report-cache.ts';
import { claimViews, type ClaimView } from '../claim-views.ts';
import { computeServiceSeries, type ServiceSeries } from './service-series.ts';
import { loadServiceRecords, type ServiceRecords } from './service-records.ts';
import { serviceMessages } from './service-messages.ts';
import { ServiceCharts } from './service-charts.tsx';
import {
  ClaimsTable,
  IncidentTable,
  IncidentTimeline,
  MaintenanceTable,
  UnknownStretches,
} from './service-sections.tsx';

export const servicePage: PageModule = {
  name: 'service',
  register(app: Hono, deps) {
    app.get('/services/:id', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const id = c.req.param('id');
      const service = deps.config().services.find((s) => s.spec.id === id);
      if (!service) return renderErrorPage(c, ctx.lang, 404, `no service "${id}"`);
      const { fromMs, toMs } = resolvePeriod(ctx.selection, service.spec.timezone);
      const [{ series, whole }, records, claims] = await Promise.all([
        computeServiceSeries(deps.reports, service.spec, fromMs, toMs, ctx.nowMs),
        loadServiceRecords(deps.store, service.spec, fromMs, toMs, ctx.nowMs),
        claimViews(deps.reports, service.spec, ctx.selection, ctx.nowMs),
      ]);
      return renderPage(c, ctx, {
        title: service.spec.name,
        body: (
          <ServiceBody
            ctx={ctx}
            service={service}
            report={whole}
            claims={claims}
            series={series}
            records={records}
            fromMs={fromMs}
            toMs={toMs}
          />
        ),
      });
    });
  },
};

interface BodyProps {
  ctx: PageContext;
  service: ServiceConfig;
  report: CachedReport;
  claims: ClaimView[];
  series: ServiceSeries;
  records: ServiceRecords;
  fromMs: number;
  toMs: number;
}

function ServiceBody({ ctx, service, report, claims, series, records, fromMs, toMs }: BodyProps) {
  const m = serviceMessages(ctx.lang);
  const { spec } = service;
  const f = report.report.figures;
  const lang = ctx.lang;
  const contradictions = findContradictions(spec);
  const availabilityBound = spec.claims.find((c) => c.metric === 'availability')?.bound ?? null;
  const noData = ctx.t.noData;
  const cards: [string, string][] = [
    [m.availability, f.availability === null ? noData : formatAvailability(lang, f.availability, availabilityBound)],
    [m.downtime, formatDuration(lang, f.downtimeSeconds * 1000)],
    [m.unknown, formatDuration(lang, f.unknownSeconds * 1000)],
    [m.planned, formatDuration(lang, f.plannedSeconds * 1000)],
    [m.coverage, f.coverage === null ? noData : formatAvailability(lang, f.coverage, availabilityBound)],
    [m.incidents, f.incidentCount === null ? noData : formatNumber(lang, f.incidentCount)],
    [m.openIncidents, f.openIncidentCount === null ? noData : formatNumber(lang, f.openIncidentCount)],
    [m.mttr, f.mttrSeconds === null ? noData : formatDuration(lang, f.mttrSeconds * 1000)],
  ];
  return (
    <>
      <h1>{spec.name}</h1>
      <p class="muted">
        {spec.id} · {m.timezone}: {spec.timezone} · {m.monitors}:{' '}
        {spec.monitors.map((mon, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={ctx.href(`/monitors/${encodeURIComponent(mon.id)}`)}>{mon.id}</a>
          </>
        ))}
      </p>
      <PeriodShown ctx={ctx} timezone={spec.timezone} />
      {contradictions.length > 0 ? (
        <section class="alert" role="alert" aria-labelledby="contradictions-heading">
          <h2 id="contradictions-heading">{m.contradictions}</h2>
          <ul>
            {contradictions.map((x) => (
              <li data-contradiction={x.claimIds.join(',')}>{x[lang]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{m.figures}</h2>
        <ul class="cards">
          {cards.map(([label, value]) => (
            <li>
              <span class="label">{label}</span>
              <span class="value">{value}</span>
            </li>
          ))}
        </ul>
        {f.unknownSeconds > 0 && f.availabilityLower !== null && f.availabilityUpper !== null ? (
          <p class="muted">
            {m.availability}:{' '}
            {fill(m.availabilityRange, {
              lower: formatAvailability(lang, f.availabilityLower, availabilityBound),
              upper: formatAvailability(lang, f.availabilityUpper, availabilityBound),
            })}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{m.claims}</h2>
        <ClaimsTable ctx={ctx} claims={claims} timezone={spec.timezone} />
      </section>
      <ServiceCharts ctx={ctx} series={series} claims={spec.claims} />
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">{m.timeline}</h2>
        <IncidentTimeline
          ctx={ctx}
          incidents={records.incidents}
          maintenance={records.maintenance}
          fromMs={fromMs}
          toMs={toMs}
          nowMs={report.nowMs}
        />
        <h3>{m.incidentList}</h3>
        <IncidentTable ctx={ctx} incidents={records.incidents} timezone={spec.timezone} nowMs={report.nowMs} />
      </section>
      <section aria-labelledby="unknown-heading">
        <h2 id="unknown-heading">{m.unknownStretches}</h2>
        <UnknownStretches ctx={ctx} unknown={records.unknown} timezone={spec.timezone} />
      </section>
      <section aria-labelledby="maintenance-heading">
        <h2 id="maintenance-heading">{m.maintenance}</h2>
        <MaintenanceTable ctx={ctx} windows={records.maintenance} claims={spec.claims} timezone={spec.timezone} />
      </section>
    </>
  );
}
