// `/services/:id/report/:year`: the year's check sheet filled with the measured answers, each beside
// its claim, measured figure and status, with a download for every format. A pure view of what
// report-route.ts reads.
import type { MonthSource } from '../../../pipeline/frozen-months.ts';
import type { ServiceSpec } from '../../../sla/model.ts';
import type { FilledSheet } from '../../reports/filled-sheet.ts';
import type { buildSheetExport } from '../../reports/sheet-export.ts';
import { StatusBadge } from '../claim-labels.tsx';
import { fill, formatDate, type Lang } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { MonthChanges, type MonthChangeView } from './month-changes.tsx';
import { reportMessages } from './report-messages.ts';
import { UploadForm } from './sheet-upload.tsx';

type SheetSource = Awaited<ReturnType<typeof buildSheetExport>>['source'];

export interface ReportPageData {
  service: ServiceSpec;
  year: number;
  filled: FilledSheet;
  months: MonthSource[];
  /** Where the sheet's rows come from: an imported sheet, the claims, or the template. */
  source: SheetSource;
  changes: readonly MonthChangeView[];
}

export function reportPage(ctx: PageContext, data: ReportPageData): PageBody {
  return {
    title: fill(reportMessages(ctx.lang).title, { service: data.service.name, year: data.year }),
    // The year is in the path; the period selector would not change this page.
    periodSelector: false,
    body: <ReportBody ctx={ctx} {...data} />,
  };
}

function Downloads({ ctx, base }: { ctx: PageContext; base: string }) {
  const m = reportMessages(ctx.lang);
  const langs: Lang[] = ['ja', 'en'];
  const link = (file: string, label: string, lang: Lang = ctx.lang) => (
    <a class="button" href={`${base}/${file}?lang=${lang}`} download>
      {label}
    </a>
  );
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">{m.downloads}</h2>
      <p class="downloads">
        {langs.map((lang) => link('sheet.csv', fill(m.sheetCsv, { lang }), lang))}
        {langs.map((lang) => link('sheet.xlsx', fill(m.sheetXlsx, { lang }), lang))}
        {langs.map((lang) => link('sheet.md', fill(m.sheetMd, { lang }), lang))}
        {link('incidents.csv', m.incidentsCsv)}
        {link('openslo.yaml', m.openslo)}
        {link('prometheus-rules.yml', m.promRules)}
      </p>
    </section>
  );
}

function SheetTable({ ctx, filled, answeredOnly }: { ctx: PageContext; filled: FilledSheet; answeredOnly: boolean }) {
  const m = reportMessages(ctx.lang);
  const rows = filled.rows.filter(
    (r) => !r.header && (answeredOnly ? r.answered : r.cells.some((c) => c.trim() !== '')),
  );
  const lines = (text: string) =>
    text.split('\n').map((line, i) =>
      i === 0 ? (
        line
      ) : (
        <>
          <br />
          {line}
        </>
      ),
    );
  return (
    <div class="table-wrap">
      <table class="sheet" data-sheet={answeredOnly ? 'answered' : 'all'}>
        <thead>
          <tr>
            <th scope="col">{m.number}</th>
            <th scope="col">{m.item}</th>
            <th scope="col">{m.answer}</th>
            <th scope="col">{m.claimed}</th>
            <th scope="col">{m.measured}</th>
            <th scope="col">{m.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              data-row={filled.numberColumn === null ? String(r.line) : r.cells[filled.numberColumn]}
              class={r.answered ? 'answered' : undefined}
            >
              <td class="num">{filled.numberColumn === null ? r.line : r.cells[filled.numberColumn]}</td>
              <td>{r.cells[filled.itemColumn]}</td>
              <td>{r.cells[filled.answerColumn]}</td>
              <td>{r.extra ? lines(r.extra[0]) : ''}</td>
              <td>{r.extra ? lines(r.extra[1]) : ''}</td>
              <td>{r.status ? <StatusBadge lang={ctx.lang} status={r.status} /> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportBody({ ctx, service, year, filled, months, source, changes }: ReportPageData & { ctx: PageContext }) {
  const m = reportMessages(ctx.lang);
  const base = `/services/${service.id}/report/${year}`;
  const sourceText =
    source.kind === 'imported'
      ? fill(m.sourceImported, { file: source.fileName, date: formatDate(ctx.lang, source.importedAtMs, ctx.timezone) })
      : source.kind === 'claims'
        ? m.sourceClaims
        : m.sourceTemplate;
  return (
    <>
      <h1>{fill(m.heading, { service: service.name, year })}</h1>
      <p class="muted">
        {fill(m.sheetSource, { source: sourceText })} ·{' '}
        <a href={ctx.href(`/services/${service.id}/report/${year - 1}`, {})}>
          {fill(m.previousYear, { year: year - 1 })}
        </a>{' '}
        <a href={ctx.href(`/services/${service.id}/report/${year + 1}`, {})}>{fill(m.nextYear, { year: year + 1 })}</a>
      </p>
      <Downloads ctx={ctx} base={base} />
      <UploadForm ctx={ctx} serviceId={service.id} />
      <h2>{m.onlyAnswered}</h2>
      <SheetTable ctx={ctx} filled={filled} answeredOnly />
      <h2>{m.months}</h2>
      <ul class="legend months">
        {months.map((month) => (
          <li data-month={month.month} data-frozen={String(month.frozen)}>
            {month.month}: {month.frozen ? m.monthFrozen : m.monthLive}
          </li>
        ))}
      </ul>
      <h2>{m.monthChanges}</h2>
      <MonthChanges ctx={ctx} changes={changes} timezone={service.timezone} />
      <details>
        <summary>{m.allRows}</summary>
        <SheetTable ctx={ctx} filled={filled} answeredOnly={false} />
      </details>
      <h2>{m.notes}</h2>
      <ul class="notes">
        {filled.notes.map((note) => (
          <li>{note}</li>
        ))}
      </ul>
    </>
  );
}
