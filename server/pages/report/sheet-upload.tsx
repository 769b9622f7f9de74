// `POST /services/:id/sheet`: the check sheet uploaded from the yearly report page. "Preview" is
// `import sheet --dry-run`: the claims it reads and the rows it cannot, nothing stored. "Import"
// stores the sheet and its claims for the service, as `import sheet` does, then shows the report.
// Only a same-origin form may post (the Origin header must name this host): another site cannot
// make a browser change the claims.
import type { Context, Hono } from 'hono';
import { createPageContext, type PageContext } from '../page-context.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import { fill } from '../i18n.ts';
import type { PageDeps } from '../page-deps.ts';
import { readSheetBytes, SheetReadError } from '../../sheets/read-sheet.ts';
import { extractSheetClaims, type SheetReading } from '../../sheets/extract-claims.ts';
import { uploadMessages } from './upload-messages.ts';
import { CsrfField } from '../csrf-field.tsx';
import { yearContaining } from '../../../sla/periods.ts';

export const maxSheetBytes = 5 * 1024 * 1024;

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function UploadForm({ ctx, serviceId }: { ctx: PageContext; serviceId: string }) {
  const m = uploadMessages(ctx.lang);
  return (
    <section aria-labelledby="sheet-upload">
      <h2 id="sheet-upload">{m.heading}</h2>
      <form
        method="post"
        enctype="multipart/form-data"
        action={`/services/${serviceId}/sheet?lang=${ctx.lang}`}
        class="filters"
      >
        <CsrfField ctx={ctx} />
        <label>
          {m.file}
          <input type="file" name="sheet" accept=".tsv,.csv,.xlsx,.txt" required />
        </label>
        <button type="submit" name="action" value="preview">
          {m.preview}
        </button>
        <button type="submit" name="action" value="import">
          {m.import}
        </button>
      </form>
    </section>
  );
}

function Preview({
  ctx,
  fileName,
  reading,
  stored,
  reportHref,
}: {
  ctx: PageContext;
  fileName: string;
  reading: SheetReading;
  stored: boolean;
  reportHref: string;
}) {
  const m = uploadMessages(ctx.lang);
  return (
    <>
      <h1>{fill(stored ? m.importedHeading : m.previewHeading, { file: fileName, count: reading.claims.length })}</h1>
      <p>
        <a href={reportHref}>{m.backToReport}</a>
      </p>
      <div class="table-wrap">
        <table class="sheet-claims">
          <thead>
            <tr>
              <th scope="col">{m.row}</th>
              <th scope="col">{m.metric}</th>
              <th scope="col">{m.bound}</th>
              <th scope="col">{m.source}</th>
            </tr>
          </thead>
          <tbody>
            {reading.claims.map((claim) => (
              <tr data-metric={claim.metric}>
                <td class="num">{claim.sheetRow}</td>
                <td>
                  {claim.metric}
                  {claim.kind ? ` (${claim.kind})` : ''}
                </td>
                <td class="num">{claim.bound}</td>
                <td>{claim.sourceText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reading.unreadable.length > 0 ? (
        <>
          <h2>{m.unreadable}</h2>
          <ul class="unreadable">
            {reading.unreadable.map((row) => (
              <li>
                {fill(m.unreadableRow, {
                  line: row.line,
                  row: row.sheetRow ?? '?',
                  item: row.item,
                  reason: row.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="muted">{m.boundUnits}</p>
    </>
  );
}

export function registerSheetUpload(app: Hono, deps: PageDeps) {
  app.post('/services/:id/sheet', async (c) => {
    const made = createPageContext(c, deps);
    if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
    const { ctx } = made;
    const m = uploadMessages(ctx.lang);
    if (!sameOrigin(c)) return c.text(m.crossOrigin, 403);
    const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
    if (!service) return renderErrorPage(c, ctx.lang, 404, `unknown service "${c.req.param('id')}"`);
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > maxSheetBytes + 64 * 1024)
      return renderErrorPage(c, ctx.lang, 400, fill(m.tooLarge, { mb: maxSheetBytes / 1024 / 1024 }));
    const body = await c.req.parseBody();
    const file = body.sheet;
    if (!(file instanceof File) || file.size === 0) return renderErrorPage(c, ctx.lang, 400, m.noFile);
    if (file.size > maxSheetBytes)
      return renderErrorPage(c, ctx.lang, 400, fill(m.tooLarge, { mb: maxSheetBytes / 1024 / 1024 }));
    let sheet: Awaited<ReturnType<typeof readSheetBytes>>;
    try {
      sheet = await readSheetBytes(Buffer.from(await file.arrayBuffer()), file.name);
    } catch (error) {
      if (error instanceof SheetReadError) return renderErrorPage(c, ctx.lang, 400, error.message);
      throw error;
    }
    const extraction = extractSheetClaims(sheet);
    if (!extraction.ok) return renderErrorPage(c, ctx.lang, 400, `${file.name}: ${extraction.reason}`);
    const store = body.action === 'import' && extraction.reading.claims.length > 0;
    if (store) {
      await deps.store.putSheet({
        serviceId: service.id,
        fileName: file.name,
        format: sheet.format,
        importedAtMs: ctx.nowMs,
        sheetJson: JSON.stringify(sheet),
        claimsJson: JSON.stringify(extraction.reading.claims),
      });
    }
    const reportHref = ctx.href(`/services/${service.id}/report/${yearContaining(service.timezone, ctx.nowMs)}`, {});
    return renderPage(c, ctx, {
      title: m.heading,
      body: (
        <Preview ctx={ctx} fileName={file.name} reading={extraction.reading} stored={store} reportHref={reportHref} />
      ),
    });
  });
}
