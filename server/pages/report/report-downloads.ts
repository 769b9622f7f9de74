// The files of the yearly report page (the same renderers as `slawatch export`): the filled sheet
// as CSV, XLSX or Markdown in either language, the year's incidents, OpenSLO YAML, Prometheus rules.
import type { ServiceSpec } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';
import { computeYearReport } from '../../../pipeline/frozen-months.ts';
import { serviceWithStoredSheet } from '../../../pipeline/stored-sheet.ts';
import { buildSheetExport, renderSheetExport, type SheetExportFormat } from '../../reports/sheet-export.ts';
import { renderIncidentsCsv } from '../../reports/incidents-csv.ts';
import { renderOpenSlo } from '../../reports/openslo.ts';
import { renderPrometheusRules } from '../../reports/prometheus-rules.ts';
import type { Lang } from '../i18n.ts';

export const reportFiles = [
  'sheet.csv',
  'sheet.xlsx',
  'sheet.md',
  'incidents.csv',
  'openslo.yaml',
  'prometheus-rules.yml',
] as const;
export type ReportFile = (typeof reportFiles)[number];

export function isReportFile(name: string): name is ReportFile {
  return (reportFiles as readonly string[]).includes(name);
}

const contentTypes: Record<ReportFile, string> = {
  'sheet.csv': 'text/csv; charset=utf-8',
  'sheet.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'sheet.md': 'text/markdown; charset=utf-8',
  'incidents.csv': 'text/csv; charset=utf-8',
  'openslo.yaml': 'application/yaml; charset=utf-8',
  'prometheus-rules.yml': 'application/yaml; charset=utf-8',
};

export interface ReportDownload {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export async function reportDownload(
  store: Store,
  service: ServiceSpec,
  request: { file: ReportFile; year: number; lang: Lang; nowMs: number },
): Promise<ReportDownload> {
  const { file, year, lang, nowMs } = request;
  const base = `${service.id}-${year}`;
  const done = (body: Buffer | string, fileName: string): ReportDownload => ({
    body: Buffer.from(body),
    contentType: contentTypes[file],
    fileName,
  });
  switch (file) {
    case 'sheet.csv':
    case 'sheet.xlsx':
    case 'sheet.md': {
      const format = file.slice('sheet.'.length) as SheetExportFormat;
      // A page view never freezes months; `slawatch export` does.
      const { filled } = await buildSheetExport(store, service, { year, lang, nowMs, freeze: false });
      return done(
        await renderSheetExport(filled, format, `${service.name} ${year}`),
        `${base}-sheet-${lang}.${format}`,
      );
    }
    case 'incidents.csv': {
      const { snapshots } = await computeYearReport(store, await serviceWithStoredSheet(store, service), year, nowMs, {
        freeze: false,
      });
      return done(
        renderIncidentsCsv(
          snapshots.flatMap((m) => m.counted),
          service.timezone,
        ),
        `${base}-incidents.csv`,
      );
    }
    case 'openslo.yaml':
      return done(renderOpenSlo(await serviceWithStoredSheet(store, service), year), `${service.id}-openslo.yaml`);
    case 'prometheus-rules.yml':
      return done(
        renderPrometheusRules([await serviceWithStoredSheet(store, service)]),
        `${service.id}-prometheus-rules.yml`,
      );
  }
}
