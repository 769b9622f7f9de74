// `slawatch export sheet|incidents|openslo|prometheus-rules`: the yearly check sheet with the
// measured answers (CSV, XLSX, Markdown; Japanese or English), the year's incidents as CSV, the
// claims as OpenSLO YAML, and Prometheus burn-rate rules. Output to --out FILE or stdout.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { readSheetBytes, readSheetFileBytes, SheetReadError } from '../../sheets/read-sheet.ts';
import {
  buildSheetExport,
  renderSheetExport,
  SheetExportError,
  sheetExportFormats,
  sheetLangs,
  type SheetExportFormat,
  type SheetTemplate,
} from '../../reports/sheet-export.ts';
import { renderIncidentsCsv } from '../../reports/incidents-csv.ts';
import { renderOpenSlo } from '../../reports/openslo.ts';
import { renderPrometheusRules } from '../../reports/prometheus-rules.ts';
import { computeYearReport } from '../../../pipeline/frozen-months.ts';
import { serviceWithStoredSheet } from '../../../pipeline/stored-sheet.ts';
import { configPath, findService, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { parseInstantMs } from '../parse-time.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';
import { yearContaining } from '../../../sla/periods.ts';

export const exportKinds = ['sheet', 'incidents', 'openslo', 'prometheus-rules'] as const;
export const exportUsage = [
  'export sheet --service ID --year YYYY --format csv|xlsx|md --lang ja|en [--template FILE] [--out FILE] ' +
    '[--as-of ISO] [--config FILE]',
  '  slawatch export incidents --service ID --year YYYY [--out FILE]',
  '  slawatch export openslo --service ID [--year YYYY] [--out FILE]',
  '  slawatch export prometheus-rules [--service ID] [--out FILE]',
].join('\n');

function parseYear(text: string | undefined, required: boolean, fallback: number): number {
  if (text === undefined) {
    if (required) throw new UsageError('--year YYYY is required');
    return fallback;
  }
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year ${text}: give a four-digit year`);
  return Number(text);
}

/** The template, its file read once: an XLSX one keeps its bytes to be written back. */
async function readTemplate(path: string): Promise<SheetTemplate> {
  try {
    const bytes = await readSheetFileBytes(path);
    const sheet = await readSheetBytes(bytes, path);
    return sheet.format === 'xlsx' ? { sheet, xlsxBytes: bytes } : { sheet };
  } catch (error) {
    if (error instanceof SheetReadError) throw new UsageError(error.message);
    throw error;
  }
}

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
      template: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const [kind] = positionals;
  if (!kind || !(exportKinds as readonly string[]).includes(kind) || positionals.length > 1)
    throw new UsageError(`usage: slawatch ${exportUsage}`);
  const config = await loadConfigOrFail(configPath(values.config, io), io);
  const nowMs = values['as-of'] ? parseInstantMs(values['as-of'], '--as-of') : (io.nowMs ?? Date.now)();
  const lang = values.lang as 'ja' | 'en';
  if (!(sheetLangs as readonly string[]).includes(lang)) throw new UsageError(`--lang ${values.lang}: use ja or en`);
  const format = (values.format ?? 'csv') as SheetExportFormat;
  if (kind === 'sheet' && !sheetExportFormats.includes(format))
    throw new UsageError(`--format ${values.format}: use ${sheetExportFormats.join(', ')}`);
  if (kind === 'sheet' && format === 'xlsx' && !values.out) throw new UsageError('--format xlsx needs --out FILE');
  const template = kind === 'sheet' && values.template ? await readTemplate(values.template) : undefined;
  const services =
    kind === 'prometheus-rules' && !values.service
      ? config.services.map((s) => s.spec)
      : [findService(config, values.service).spec];
  // The default year is the service's own: at 2026-12-31T15:00Z it is already 2027 in Tokyo.
  const thisYear = yearContaining(services[0]?.timezone ?? 'UTC', nowMs);

  const store = await openConfiguredStore(config, io, nowMs);
  let output: Buffer;
  try {
    const service = services[0]!;
    switch (kind) {
      case 'sheet': {
        const year = parseYear(values.year, true, thisYear);
        const { filled } = await buildSheetExport(store, service, { year, lang, nowMs, template }).catch(
          (error: unknown) => {
            throw error instanceof SheetExportError
              ? new UsageError(`${values.template ?? service.id}: ${error.message}`)
              : error;
          },
        );
        output = await renderSheetExport(filled, format, `${service.name} ${year}`, template);
        break;
      }
      case 'incidents': {
        const year = parseYear(values.year, true, thisYear);
        const { snapshots } = await computeYearReport(store, await serviceWithStoredSheet(store, service), year, nowMs);
        output = Buffer.from(
          renderIncidentsCsv(
            snapshots.flatMap((m) => m.counted),
            service.timezone,
          ),
        );
        break;
      }
      case 'openslo':
        output = Buffer.from(
          renderOpenSlo(await serviceWithStoredSheet(store, service), parseYear(values.year, false, thisYear)),
        );
        break;
      default: {
        const specs = [];
        for (const s of services) specs.push(await serviceWithStoredSheet(store, s));
        output = Buffer.from(renderPrometheusRules(specs));
      }
    }
  } finally {
    await store.close();
  }
  if (values.out) {
    await writeFile(values.out, output);
    writeLine(io.stderr, `wrote ${values.out}`);
  } else {
    io.stdout.write(output);
  }
  return 0;
}
