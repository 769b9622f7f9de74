// `/reports` and `/services/:id/report/:year`: the year's check sheet filled with the measured
// answers, each beside its claim, measured figure and status, with a download for every format.
// `/services/:id/report/:year/:file` serves the downloads (report-downloads.ts).
import type { Hono } from 'hono';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import { fill, formatDate } from '../i18n.ts';
import { StatusBadge } from '../claim-labels.tsx';
import type { PageModule } from '../page-module.ts';
import { buildSheetExport } from '../../reports/sheet-export.ts';

type SheetSource = Awaited<ReturnType<typeof buildSheetExport>>['source'];
import type { FilledSheet } from '../../reports/filled-sheet.ts';
import type { MonthSource } from '../../../pipeline/frozen-months.ts';
import { reportMessages } from './report-messages.ts';
import { isReportFile, reportDownload, reportFiles } from './report-downloads.ts';
import type { Lang } from '../i18n.ts';
import { registerSheetUpload, UploadForm } from './sheet-upload.tsx';
import { MonthChanges, type MonthChangeView } from './month-changes.tsx';
import { monthChangeJson } from '../../routes/api/record-json.ts';
import { yearContaining } from '../../../sla/periods.ts';

const yearPattern = /^\d{4}$/;

export const reportPage: PageModule = {
  name: 'report',
  register(app: Hono, deps) {
    registerSheetUpload(app, deps);
    app.get('/reports', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const m = reportMessages(ctx.lang);
      return renderPage(c, ctx, { title: m.indexTitle, body: <ReportIndex ctx={ctx} /> });
    });

    app.get('/services/:id/report/:year', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
      if (!service) return renderErrorPage(c, ctx.lang, 404, `unknown service "${c.req.param('id')}"`);
      const yearText = c.req.param('year');
      if (!yearPattern.test(yearText))
        return renderErrorPage(c, ctx.lang, 400, `"${yearText}" is not a four-digit year`);
      const year = Number(yearText);
      const built = await buildSheetExport(deps.store, service, {
        year,
        lang: ctx.lang,
        nowMs: ctx.nowMs,
        freeze: false,
      });
      const { months } = built.year;
      const changes = (await deps.store.listMonthChanges(service.id, months[0]!.fromMs, months.at(-1)!.toMs)).map(
        (row) => monthChangeJson(row, service.timezone),
      );
      const m = reportMessages(ctx.lang);
      return renderPage(c, ctx, {
        title: fill(m.title, { service: service.name, year }),
        // The year is in the path; the period selector would not change this page.
        periodSelector: false,
        body: (
          <ReportBody
            ctx={ctx}
            serviceId={service.id}
            serviceName={service.name}
            year={year}
            filled={built.filled}
            months={months}
            source={built.source}
            changes={changes}
            timezone={service.timezone}
          />
        ),
      });
    });

    app.get('/services/:id/report/:year/:file', async (c) => {
      const made = createPageContext(c, deps);
      if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
      const { ctx } = made;
      const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
      const file = c.req.param('file');
      if (!service || !isReportFile(file))
        return renderErrorPage(c, ctx.lang, 404, `no such report file "${file}" (files: ${reportFiles.join(', ')})`);
      if (!yearPattern.test(c.req.param('year')))
        return renderErrorPage(c, ctx.lang, 400, `"${c.req.param('year')}" is not a four-digit year`);
      const download = await reportDownload(deps.store, service, {
        file,
        year: Number(c.req.param('year')),
        lang: ctx.lang,
        nowMs: ctx.nowMs,
      });
      return c.body(new Uint8Array(download.body), 200, {
        'Content-Type': download.contentType,
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
      });
    });
  },
};

function ReportIndex({ ctx }: { ctx: PageContext }) {
  const m = reportMessages(ctx.lang);
  const services = ctx.deps.config().services;
  return (
    <>
      <h1>{m.indexHeading}</h1>
      {services.length === 0 ? (
        <p>{m.noServices}</p>
      ) : (
        <ul class="report-index">
          {services.map((s) => {
            const thisYear = yearContaining(s.spec.timezone, ctx.nowMs);
            return (
              <li>
                <strong>{s.spec.name}</strong>{' '}
                {[thisYear, thisYear - 1].map((y) => (
                  <a href={ctx.href(`/services/${s.spec.id}/report/${y}`, {})}>{y}</a>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
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

function ReportBody(props: {
  ctx: PageContext;
  serviceId: string;
  serviceName: string;
  year: number;
  filled: FilledSheet;
  months: MonthSource[];
  source: SheetSource;
  changes: readonly MonthChangeView[];
  timezone: string;
}) {
  const { ctx, year, filled } = props;
  const m = reportMessages(ctx.lang);
  const base = `/services/${props.serviceId}/report/${year}`;
  const source =
    props.source.kind === 'imported'
      ? fill(m.sourceImported, {
          file: props.source.fileName,
          date: formatDate(ctx.lang, props.source.importedAtMs, ctx.deps.config().timezone),
        })
      : props.source.kind === 'claims'
        ? m.sourceClaims
        : m.sourceTemplate;
  return (
    <>
      <h1>{fill(m.heading, { service: props.serviceName, year })}</h1>
      <p class="muted">
        {fill(m.sheetSource, { source })} ·{' '}
        <a href={ctx.href(`/services/${props.serviceId}/report/${year - 1}`, {})}>
          {fill(m.previousYear, { year: year - 1 })}
        </a>{' '}
        <a href={ctx.href(`/services/${props.serviceId}/report/${year + 1}`, {})}>
          {fill(m.nextYear, { year: year + 1 })}
        </a>
      </p>
      <Downloads ctx={ctx} base={base} />
      <UploadForm ctx={ctx} serviceId={props.serviceId} />
      <h2>{m.onlyAnswered}</h2>
      <SheetTable ctx={ctx} filled={filled} answeredOnly />
      <h2>{m.months}</h2>
      <ul class="legend months">
        {props.months.map((month) => (
          <li data-month={month.month} data-frozen={String(month.frozen)}>
            {month.month}: {month.frozen ? m.monthFrozen : m.monthLive}
          </li>
        ))}
      </ul>
      <h2>{m.monthChanges}</h2>
      <MonthChanges ctx={ctx} changes={props.changes} timezone={props.timezone} />
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
