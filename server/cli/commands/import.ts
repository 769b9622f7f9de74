// `slawatch import checks|incidents|maintenance FILE`: all or nothing. The file is streamed into
// one transaction; any bad row rolls everything back and every bad row is printed with its line
// number and reason. Imported checks then go through the same evaluation as live ones.
import { parseArgs } from 'node:util';
import type { Check, Incident, Maintenance } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';
import { createCheckIngestor } from '../../../db/check-ingestor.ts';
import { reconcileProbeIncidents } from '../../../db/reconcile-incidents.ts';
import { importKinds, isImportKind, type ImportKind } from '../../import/import-kinds.ts';
import { readImportFile } from '../../import/read-import-file.ts';
import type { ImportContext } from '../../import/row-parser.ts';
import { createProgress } from '../../import/progress.ts';
import type { SlawatchConfig } from '../../config/types.ts';
import { configPath, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';

export const importUsage = `import ${importKinds.join('|')} FILE [--config FILE]`;

/** Raised inside the transaction to roll it back when rows were bad. */
class BadRows extends Error {
  constructor(readonly rows: { line: number; reason: string }[]) {
    super(`${rows.length} bad rows`);
  }
}

interface Writer {
  write(tx: Store, values: unknown[]): Promise<void>;
  finish(tx: Store, nowMs: number): Promise<void>;
}

/** What each kind does with its rows; the switch covers every kind or does not compile. */
function createWriter(kind: ImportKind, config: SlawatchConfig, nowMs: number): Writer {
  const services = config.services.map((s) => s.spec);
  switch (kind) {
    case 'checks': {
      let ingestor: ReturnType<typeof createCheckIngestor> | null = null;
      return {
        write: async (tx, values) => {
          ingestor ??= createCheckIngestor(tx, services, nowMs);
          await tx.insertChecks(values as Check[]);
          await ingestor.add(values as Check[]);
        },
        finish: async () => ingestor?.finish(),
      };
    }
    case 'incidents':
      return {
        write: async (tx, values) => void (await tx.insertIncidents(values as Incident[])),
        finish: async () => {},
      };
    case 'maintenance': {
      const earliest = new Map<string, number>();
      return {
        write: async (tx, values) => {
          const windows = values as Maintenance[];
          for (const w of windows) earliest.set(w.serviceId, Math.min(earliest.get(w.serviceId) ?? w.startMs, w.startMs));
          await tx.insertMaintenance(windows);
        },
        // Maintenance masks probe incidents (SPEC §2.5), so they are derived again from the first window.
        finish: async (tx, nowMs) => {
          for (const service of services) {
            const fromMs = earliest.get(service.id);
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
      config.services.flatMap((s) => s.spec.monitors.map((m) => [m.id, { serviceId: s.spec.id, locations: m.locations }] as const)),
    ),
  };
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' } } });
  const [kind, file] = positionals;
  if (!kind || !isImportKind(kind) || !file) throw new UsageError(`usage: slawatch ${importUsage}`);
  const config = await loadConfigOrFail(configPath(values.config, io), io);
  const nowMs = (io.nowMs ?? Date.now)();
  const store = await openConfiguredStore(config, io, nowMs);
  const progress = createProgress(io.stderr);
  let rows = 0;
  try {
    await store.transaction(async (tx) => {
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
    });
  } catch (error) {
    if (!(error instanceof BadRows)) throw error;
    progress.stop();
    for (const row of error.rows) writeLine(io.stderr, `${file}:${row.line}: ${row.reason}`);
    writeLine(io.stderr, "import refused: every bad row is listed above; nothing was written");
    return 1;
  } finally {
    progress.stop();
    await store.close();
  }
  writeLine(io.stdout, `imported ${rows} ${kind} from ${file}`);
  return 0;
}
