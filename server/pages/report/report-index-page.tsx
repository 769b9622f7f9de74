// `/reports`: every service with links to its yearly report for this year and the last, each year
// in the service's own timezone.
import type { ServiceSpec } from '../../../sla/model.ts';
import { yearContaining } from '../../../sla/periods.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { reportMessages } from './report-messages.ts';

export function reportIndexPage(ctx: PageContext, services: readonly ServiceSpec[]): PageBody {
  return { title: reportMessages(ctx.lang).indexTitle, body: <ReportIndex ctx={ctx} services={services} /> };
}

function ReportIndex({ ctx, services }: { ctx: PageContext; services: readonly ServiceSpec[] }) {
  const m = reportMessages(ctx.lang);
  return (
    <>
      <h1>{m.indexHeading}</h1>
      {services.length === 0 ? (
        <p>{m.noServices}</p>
      ) : (
        <ul class="report-index">
          {services.map((s) => {
            const thisYear = yearContaining(s.timezone, ctx.nowMs);
            return (
              <li>
                <strong>{s.name}</strong>{' '}
                {[thisYear, thisYear - 1].map((y) => (
                  <a href={ctx.href(`/services/${s.id}/report/${y}`, {})}>{y}</a>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
