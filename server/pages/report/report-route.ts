// `/reports`, `/services/:id/report/:year` and its downloads `/services/:id/report/:year/:file`
// (report-downloads.ts): reads the year's filled sheet, months and month changes, then renders them.
import type { Context, Hono } from 'hono';
import { buildSheetExport } from '../../reports/sheet-export.ts';
import { monthChangeJson } from '../../routes/api/record-json.ts';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import { renderErrorPage, renderPage, withPageContext } from '../render-page.ts';
import { isReportFile, reportDownload, reportFiles } from './report-downloads.ts';
import { reportIndexPage } from './report-index-page.tsx';
import { reportPage } from './report-page.tsx';
import { registerSheetUpload } from './sheet-upload-route.ts';

const yearPattern = /^\d{4}$/;

export const reportRoutes: PageModule = {
  name: 'report',
  register(app: Hono, deps) {
    registerSheetUpload(app, deps);
    app.get('/reports', (c) =>
      withPageContext(c, deps, (ctx) =>
        renderPage(
          c,
          ctx,
          reportIndexPage(
            ctx,
            deps.config().services.map((s) => s.spec),
          ),
        ),
      ),
    );
    app.get('/services/:id/report/:year', (c) => withPageContext(c, deps, (ctx) => yearReport(c, ctx, deps)));
    app.get('/services/:id/report/:year/:file', (c) => withPageContext(c, deps, (ctx) => download(c, ctx, deps)));
  },
};

async function yearReport(c: Context, ctx: PageContext, deps: PageDeps): Promise<Response> {
  const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
  if (!service) return renderErrorPage(c, ctx.lang, 404, `unknown service "${c.req.param('id')}"`);
  const yearText = c.req.param('year') ?? '';
  if (!yearPattern.test(yearText)) return renderErrorPage(c, ctx.lang, 400, `"${yearText}" is not a four-digit year`);
  const year = Number(yearText);
  const built = await buildSheetExport(deps.store, service, { year, lang: ctx.lang, nowMs: ctx.nowMs, freeze: false });
  const { months } = built.year;
  const changes = (await deps.store.listMonthChanges(service.id, months[0]!.fromMs, months.at(-1)!.toMs)).map((row) =>
    monthChangeJson(row, service.timezone),
  );
  return renderPage(
    c,
    ctx,
    reportPage(ctx, { service, year, filled: built.filled, months, source: built.source, changes }),
  );
}

async function download(c: Context, ctx: PageContext, deps: PageDeps): Promise<Response> {
  const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
  const file = c.req.param('file') ?? '';
  if (!service || !isReportFile(file))
    return renderErrorPage(c, ctx.lang, 404, `no such report file "${file}" (files: ${reportFiles.join(', ')})`);
  if (!yearPattern.test(c.req.param('year') ?? ''))
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
}
