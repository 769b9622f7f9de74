// `slawatch report --service ID (--year Y | --from ISO --to ISO) --format json`: the SPEC §5
// report of one service and period, from the store.
import { parseArgs } from 'node:util';
import { periodOfYear } from '../../../sla/periods.ts';
import { computeServiceReport } from '../../../pipeline/report-from-store.ts';
import { configPath, findService, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { parseInstantMs } from '../parse-time.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';
import type { ServiceReport } from '../../../sla/service-report.ts';

/** Report formats (SPEC §5); each renders computed data only. */
export const reportFormats = ['json'] as const;
type ReportFormat = (typeof reportFormats)[number];
const renderers: Record<ReportFormat, (report: ServiceReport) => string> = {
  json: (report) => JSON.stringify(report, null, 2),
};

export const reportUsage =
  'report --service ID (--year YYYY | --from ISO --to ISO) [--format json] [--as-of ISO] [--config FILE]';

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      service: { type: 'string' },
      year: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'json' },
      lang: { type: 'string', default: 'en' },
      'as-of': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format))
    throw new UsageError(`--format ${values.format}: supported formats are ${reportFormats.join(', ')}`);
  const config = await loadConfigOrFail(configPath(values.config, io), io);
  const service = findService(config, values.service).spec;
  const nowMs = values['as-of'] ? parseInstantMs(values['as-of'], '--as-of') : (io.nowMs ?? Date.now)();
  const period = periodFromFlags(values, service.timezone);
  const store = await openConfiguredStore(config, io, nowMs);
  try {
    const { report } = await computeServiceReport(store, { service, ...period, nowMs });
    writeLine(io.stdout, renderers[format](report));
    return 0;
  } finally {
    await store.close();
  }
}

function periodFromFlags(values: { year?: string; from?: string; to?: string }, timezone: string) {
  if (values.year !== undefined) {
    if (values.from || values.to) throw new UsageError('give either --year or --from and --to, not both');
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year ${values.year}: give a four-digit year`);
    return periodOfYear(timezone, Number(values.year));
  }
  if (!values.from || !values.to) throw new UsageError('give --year YYYY, or --from ISO and --to ISO');
  const fromMs = parseInstantMs(values.from, '--from');
  const toMs = parseInstantMs(values.to, '--to');
  if (toMs <= fromMs) throw new UsageError('--to must be after --from');
  return { fromMs, toMs };
}
