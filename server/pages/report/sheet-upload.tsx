// The check-sheet upload of the yearly report page (sheet-upload-route.ts answers it): the form,
// and the claims a preview or an import read from the sheet with the rows it could not read.
import type { SheetReading } from '../../sheets/extract-claims.ts';
import { CsrfField } from '../csrf-field.tsx';
import { fill } from '../i18n.ts';
import type { PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { uploadMessages } from './upload-messages.ts';

export interface SheetPreviewData {
  fileName: string;
  reading: SheetReading;
  /** The sheet and its claims were stored (an import), not only read (a preview). */
  stored: boolean;
  reportHref: string;
}

export function sheetPreviewPage(ctx: PageContext, data: SheetPreviewData): PageBody {
  return { title: uploadMessages(ctx.lang).heading, body: <Preview ctx={ctx} {...data} /> };
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

function Preview({ ctx, fileName, reading, stored, reportHref }: SheetPreviewData & { ctx: PageContext }) {
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
