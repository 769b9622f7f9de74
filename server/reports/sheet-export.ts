// The yearly check-sheet export of one service, shared by the CLI and the dashboard: the sheet
// (a --template, else the one imported for the service, else one made from its claims), its
// claims merged into the service's, the year's report assembled from frozen months, the filled
// sheet, and a renderer per format.
import { DateTime } from 'luxon';
import type { ServiceSpec } from '../../sla/model.ts';
import type { Store } from '../../db/store.ts';
import { computeYearReport } from '../../pipeline/frozen-months.ts';
import type { Sheet } from '../sheets/read-sheet.ts';
import { extractSheetClaims } from '../sheets/extract-claims.ts';
import { withSheetClaims } from '../../sla/sheet-claims.ts';
import { defaultSheet } from './default-sheet.ts';
import { fillSheet, type FilledSheet } from './filled-sheet.ts';
import { langs, type Lang } from '../../sla/claim-words.ts';
import { renderSheetCsv } from './render-sheet-csv.ts';
import { renderSheetMarkdown } from './render-sheet-md.ts';
import { renderSheetIntoTemplate, renderSheetXlsx } from './render-sheet-xlsx.ts';

export const sheetExportFormats = ['csv', 'xlsx', 'md'] as const;
export type SheetExportFormat = (typeof sheetExportFormats)[number];
export const sheetLangs = langs;

export interface SheetTemplate {
  sheet: Sheet;
  /** The template file itself, when it is XLSX (written back with only the answers changed). */
  xlsxBytes?: Buffer;
}

export class SheetExportError extends Error {}

export async function buildSheetExport(
  store: Store,
  service: ServiceSpec,
  options: { year: number; lang: Lang; nowMs: number; template?: SheetTemplate; freeze?: boolean },
) {
  const stored = options.template ? null : await store.getSheet(service.id);
  const sheet: Sheet =
    options.template?.sheet ??
    (stored ? (JSON.parse(stored.sheetJson) as Sheet) : defaultSheet(service, options.year, options.lang));
  const extraction = extractSheetClaims(sheet);
  if (!extraction.ok) throw new SheetExportError(`the sheet cannot be read: ${extraction.reason}`);
  const spec = withSheetClaims(service, extraction.reading.claims);
  const year = await computeYearReport(store, spec, options.year, options.nowMs, { freeze: options.freeze });
  const filled = fillSheet({
    sheet,
    reading: extraction.reading,
    evaluations: year.evaluations,
    year: options.year,
    lang: options.lang,
    timezone: service.timezone,
    frozenMonths: year.months.filter((m) => m.frozen).map((m) => m.month),
    generatedAt: DateTime.fromMillis(options.nowMs, { zone: service.timezone }).toISO({ suppressMilliseconds: true })!,
  });
  const source = options.template
    ? { kind: 'template' as const }
    : stored
      ? { kind: 'imported' as const, fileName: stored.fileName, importedAtMs: stored.importedAtMs }
      : { kind: 'claims' as const };
  return { filled, spec, year, source };
}

export async function renderSheetExport(
  filled: FilledSheet,
  format: SheetExportFormat,
  title: string,
  template?: SheetTemplate,
): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(renderSheetCsv(filled));
    case 'md':
      return Buffer.from(renderSheetMarkdown(filled, title));
    case 'xlsx':
      return template?.xlsxBytes ? renderSheetIntoTemplate(filled, template.xlsxBytes) : renderSheetXlsx(filled, title);
  }
}
