// `POST /services/:id/sheet`: the check sheet uploaded from the yearly report page. "Preview" is
// `import sheet --dry-run`: the claims it reads and the rows it cannot, nothing stored. "Import"
// stores the sheet and its claims for the service, as `import sheet` does, then shows the report.
// Only a same-origin form may post (the Origin header must name this host): another site cannot
// make a browser change the claims.
import type { Context, Hono } from 'hono';
import { yearContaining } from '../../../sla/periods.ts';
import { extractSheetClaims } from '../../sheets/extract-claims.ts';
import { readSheetBytes, SheetReadError } from '../../sheets/read-sheet.ts';
import { fill } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import { renderErrorPage, renderPage, withPageContext } from '../render-page.ts';
import { sheetPreviewPage } from './sheet-upload.tsx';
import { uploadMessages } from './upload-messages.ts';

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

export function registerSheetUpload(app: Hono, deps: PageDeps) {
  app.post('/services/:id/sheet', (c) => withPageContext(c, deps, (ctx) => uploadSheet(c, ctx, deps)));
}

async function uploadSheet(c: Context, ctx: PageContext, deps: PageDeps): Promise<Response> {
  const m = uploadMessages(ctx.lang);
  if (!sameOrigin(c)) return c.text(m.crossOrigin, 403);
  const service = deps.config().services.find((s) => s.spec.id === c.req.param('id'))?.spec;
  if (!service) return renderErrorPage(c, ctx.lang, 404, `unknown service "${c.req.param('id')}"`);
  const tooLarge = fill(m.tooLarge, { mb: maxSheetBytes / 1024 / 1024 });
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > maxSheetBytes + 64 * 1024) return renderErrorPage(c, ctx.lang, 400, tooLarge);
  const body = await c.req.parseBody();
  const file = body.sheet;
  if (!(file instanceof File) || file.size === 0) return renderErrorPage(c, ctx.lang, 400, m.noFile);
  if (file.size > maxSheetBytes) return renderErrorPage(c, ctx.lang, 400, tooLarge);
  let sheet: Awaited<ReturnType<typeof readSheetBytes>>;
  try {
    sheet = await readSheetBytes(Buffer.from(await file.arrayBuffer()), file.name);
  } catch (error) {
    if (error instanceof SheetReadError) return renderErrorPage(c, ctx.lang, 400, error.message);
    throw error;
  }
  const extraction = extractSheetClaims(sheet);
  if (!extraction.ok) return renderErrorPage(c, ctx.lang, 400, `${file.name}: ${extraction.reason}`);
  const stored = body.action === 'import' && extraction.reading.claims.length > 0;
  if (stored) {
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
  return renderPage(
    c,
    ctx,
    sheetPreviewPage(ctx, { fileName: file.name, reading: extraction.reading, stored, reportHref }),
  );
}
