// `/services/:id`: the claims with the arithmetic behind each status, contradictions between the
// claims, the figures, the charts, the incident timeline and list, unknown stretches and the
// maintenance calendar, for the selected period in the service's timezone.
import { findContradictions } from '../../../sla/consistency.ts';
import type { ServiceConfig } from '../../config/types.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { fill, formatAvailability, formatDuration, formatNumber } from '../i18n.ts';
import { PeriodShown } from '../period-shown.tsx';
import type { CachedReport } from '../report-cache.ts';
import type { ClaimView } from '../claim-views.ts';
import type { ServiceSeries } from './service-series.ts';
import type { ServiceRecords } from './service-records.ts';
import { serviceMessages } from './service-messages.ts';
import { ServiceCharts } from './service-charts.tsx';
import {
  ClaimsTable,
  IncidentTable,
  IncidentTimeline,
  MaintenanceTable,
  UnknownStretches,
} from './service-sections.tsx';

/** What service-route.ts reads for the page: the period's report, claims, series and records. */
export interface ServicePageData {
  service: ServiceConfig;
  report: CachedReport;
  claims: ClaimView[];
  series: ServiceSeries;
  records: ServiceRecords;
  fromMs: number;
  toMs: number;
}

export function servicePage(ctx: PageContext, data: ServicePageData): PageBody {
  return { title: data.service.spec.name, body: <ServiceBody ctx={ctx} {...data} /> };
}

type ServicePageProps = ServicePageData & { ctx: PageContext };

function ServiceBody({ ctx, service, report, claims, series, records, fromMs, toMs }: ServicePageProps) {
  const m = serviceMessages(ctx.lang);
  const { spec } = service;
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
      <Contradictions ctx={ctx} service={service} />
      <FiguresSection ctx={ctx} service={service} report={report} />
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

/** Claims that cannot all hold at once (SPEC §3), each with its arithmetic; nothing when they agree. */
function Contradictions({ ctx, service }: Pick<ServicePageProps, 'ctx' | 'service'>) {
  const contradictions = findContradictions(service.spec);
  if (contradictions.length === 0) return null;
  return (
    <section class="alert" role="alert" aria-labelledby="contradictions-heading">
      <h2 id="contradictions-heading">{serviceMessages(ctx.lang).contradictions}</h2>
      <ul>
        {contradictions.map((x) => (
          <li data-contradiction={x.claimIds.join(',')}>{x[ctx.lang]}</li>
        ))}
      </ul>
    </section>
  );
}

/** The period's figures as cards; with unknown time, the availability's range as well. */
function FiguresSection({ ctx, service, report }: Pick<ServicePageProps, 'ctx' | 'service' | 'report'>) {
  const m = serviceMessages(ctx.lang);
  const f = report.report.figures;
  const lang = ctx.lang;
  const availabilityBound = service.spec.claims.find((c) => c.metric === 'availability')?.bound ?? null;
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
  );
}
