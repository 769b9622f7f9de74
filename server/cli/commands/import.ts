// `slawatch import checks|incidents|maintenance FILE`: all or nothing. The file is streamed into
// one transaction; any bad row rolls everything back and every bad row is printed with its line
// number and reason. Imported checks then go through the same evaluation as live ones.
import { parseArgs } from 'node:util';
import { monthLabel } from '../../../jobs/closed-months.ts';
import type { Check, Incident, Maintenance } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';
import { createCheckIngestor } from '../../../pipeline/check-ingestor.ts';
import { reconcileProbeIncidents } from '../../../pipeline/reconcile-incidents.ts';
import { importKinds, isImportKind, type ImportKind } from '../../import/import-kinds.ts';
import { readImportFile } from '../../import/read-import-file.ts';
import type { ImportContext } from '../../import/row-parser.ts';
import { createProgress } from '../../import/progress.ts';
import type { SlawatchConfig } from '../../config/types.ts';
import { configPath, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';
import { frozenMonthsTouched, refreezeMonths } from '../../../pipeline/frozen-months.ts';
import { importSheetUsage, runImportSheet } from './import-sheet.ts';
import { lockedTransaction } from '../../../db/service-lock.ts';

export const importUsage = `import ${importKinds.join('|')} FILE [--config FILE] [--actor NAME] [--reason TEXT]
  slawatch ${importSheetUsage}`;

/** Raised inside the transaction to roll it back when rows were bad. */
class BadRows extends Error {
  constructor(readonly rows: { line: number; reason: string }[]) {
    super(`${rows.length} bad rows`);
  }
}

interface Writer {
  write(tx: Store, values: unknown[]): Promise<void>;
  finish(tx: Store, nowMs: number): Promise<void>;
  /** Per service, the instants the imported rows cover (for frozen months). */
  touched: Touched;
}

type Touched = Map<string, { fromMs: number; toMs: number; rows: number }>;

/** Widens the service's span in place (called once per imported row, millions for checks). */
function touch(map: Touched, serviceId: string, fromMs: number, toMs: number) {
  const span = map.get(serviceId);
  if (!span) {
    map.set(serviceId, { fromMs, toMs, rows: 1 });
    return;
  }
  if (fromMs < span.fromMs) span.fromMs = fromMs;
  if (toMs > span.toMs) span.toMs = toMs;
  span.rows++;
}

/** What each kind does with its rows; the switch covers every kind or does not compile. */
function createWriter(kind: ImportKind, config: SlawatchConfig, nowMs: number): Writer {
  const services = config.services.map((s) => s.spec);
  switch (kind) {
    case 'checks': {
      let ingestor: ReturnType<typeof createCheckIngestor> | null = null;
      const touched: Touched = new Map();
      const monitors = new Map(
        services.flatMap((s) => s.monitors.map((m) => [m.id, { serviceId: s.id, holdMs: 2 * m.intervalMs }] as const)),
      );
      return {
        touched,
        write: async (tx, values) => {
          ingestor ??= createCheckIngestor(tx, services, nowMs);
          // A check holds its status for up to two intervals and can confirm a run of failures
          // before it (SPEC §2.1–2): the months around it may change.
          for (const c of values as Check[]) {
            const m = monitors.get(c.monitorId)!;
            touch(touched, m.serviceId, c.timeMs - m.holdMs, c.timeMs + m.holdMs);
          }
          await tx.insertChecks(values as Check[]);
          await ingestor.add(values as Check[]);
        },
        finish: async () => ingestor?.finish(),
      };
    }
    case 'incidents': {
      const touched: Touched = new Map();
      return {
        touched,
        write: async (tx, values) => {
          for (const i of values as Incident[]) touch(touched, i.serviceId, i.startedAtMs, i.resolvedAtMs ?? nowMs);
          await tx.insertIncidents(values as Incident[]);
        },
        finish: async () => {},
      };
    }
    case 'maintenance': {
      const touched: Touched = new Map();
      return {
        touched,
        write: async (tx, values) => {
          const windows = values as Maintenance[];
          for (const w of windows) touch(touched, w.serviceId, w.startMs, w.endMs);
          await tx.insertMaintenance(windows);
        },
        // Maintenance masks probe incidents (SPEC §2.5), so they are derived again from the first
        // window (the start of the service's touched span).
        finish: async (tx, nowMs) => {
          for (const service of services) {
            const fromMs = touched.get(service.id)?.fromMs;
            if (fromMs !== undefined) await reconcileProbeIncidents(tx, service, fromMs, nowMs);
          }
        },
      };
    }
  }
}

export function importContext(config: SlawatchConfig): ImportContext {
  return {
    serviceIds: new Set(config.services.map((s) => s.spec.id)),
    monitors: new Map(
      config.services.flatMap((s) =>
        s.spec.monitors.map((m) => [m.id, { serviceId: s.spec.id, locations: m.locations }] as const),
      ),
    ),
  };
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'sheet') return runImportSheet(args.slice(1), io);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { config: { type: 'string' }, actor: { type: 'string' }, reason: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!kind || !isImportKind(kind) || !file) throw new UsageError(`usage: slawatch ${importUsage}`);
  const config = await loadConfigOrFail(configPath(values.config, io), io);
  const nowMs = (io.nowMs ?? Date.now)();
  const store = await openConfiguredStore(config, io, nowMs);
  const progress = createProgress(io.stderr);
  let rows = 0;
  try {
    // The whole import is one transaction, like a live batch (pipeline/ingest-checks.ts) but longer:
    // it holds every service it may touch from the start, so live recording waits, never races.
    await lockedTransaction(
      store,
      config.services.map((s) => s.spec.id),
      async (tx) => {
        const writer = createWriter(kind, config, nowMs);
        const bad: { line: number; reason: string }[] = [];
        for await (const batch of readImportFile(kind, file, importContext(config), { onProgress: progress.update })) {
          bad.push(...batch.errors);
          // After the first bad row nothing more is written, but every row is still checked.
          if (bad.length === 0) await writer.write(tx, batch.values);
          rows += batch.values.length + batch.errors.length;
        }
        if (bad.length > 0) throw new BadRows(bad);
        await writer.finish(tx, nowMs);
        await recordClosedMonthChanges(tx, config, writer, {
          kind,
          file,
          actor: values.actor ?? io.env.USER ?? 'cli',
          reason: values.reason,
          nowMs,
        });
      },
    );
  } catch (error) {
    if (error instanceof ClosedMonths) {
      writeLine(io.stderr, error.message);
      return 1;
    }
    if (!(error instanceof BadRows)) throw error;
    progress.stop();
    for (const row of error.rows) writeLine(io.stderr, `${file}:${row.line}: ${row.reason}`);
    writeLine(io.stderr, 'import refused: every bad row is listed above; nothing was written');
    return 1;
  } finally {
    progress.stop();
    await store.close();
  }
  writeLine(io.stdout, `imported ${rows} ${kind} from ${file}`);
  return 0;
}

class ClosedMonths extends Error {}

/**
 * An import that changes a frozen month measures it again and records who and why;
 * without --reason it is refused, so no closed month changes silently.
 */
async function recordClosedMonthChanges(
  tx: Store,
  config: SlawatchConfig,
  writer: Writer,
  context: { kind: string; file: string; actor: string; reason: string | undefined; nowMs: number },
) {
  for (const [serviceId, span] of writer.touched) {
    const service = config.services.find((s) => s.spec.id === serviceId)!.spec;
    const touched = await frozenMonthsTouched(tx, { serviceId, ...span });
    if (touched.length === 0) continue;
    if (!context.reason) {
      const months = touched.map((m) => monthLabel(m.monthStartMs, service.timezone)).join(', ');
      throw new ClosedMonths(
        `import refused: ${context.file} changes ${serviceId}'s closed months (${months}), whose figures are frozen; ` +
          'give --reason TEXT (and --actor NAME) so the change is recorded; nothing was written',
      );
    }
    await refreezeMonths(
      tx,
      service,
      {
        serviceId,
        ...span,
        actor: context.actor,
        reason: context.reason,
        change: `import of ${span.rows} ${context.kind} from ${context.file}`,
      },
      context.nowMs,
    );
  }
}
