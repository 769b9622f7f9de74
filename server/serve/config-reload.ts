// Reloading the config file, on SIGHUP or when the file changes: an invalid file is refused with
// every error logged and the last good config keeps running; a valid one is audited change by
// change, its maintenance windows are synced, and the runtime restarts only changed monitors.
import { watch } from 'node:fs';
import type { Store } from '../../db/store.ts';
import { syncServicesMaintenance } from '../../pipeline/service-maintenance.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import { loadConfigFile, formatConfigErrors } from '../config/load-config.ts';
import type { SlawatchConfig } from '../config/types.ts';
import type { ProbeMetrics } from '../metrics/index.ts';
import { configChanges } from '../security/config-audit.ts';
import { recordAudit } from '../security/audit.ts';
import type { Log } from './logger.ts';

export interface ReloadDeps {
  configPath: string | null;
  /** The config in force, replaced by a reload. */
  live: { config: SlawatchConfig };
  store: Store;
  runtime: Runtime;
  probeMetrics: ProbeMetrics;
  nowMs: () => number;
  log: Log;
}

/** Reloads the config file; false when there is none or it is invalid. */
export async function reloadConfig(deps: ReloadDeps): Promise<boolean> {
  const { configPath, live, store, nowMs, log } = deps;
  if (!configPath) return false;
  const result = await loadConfigFile(configPath, process.env);
  if (!result.ok) {
    const errors = formatConfigErrors(result.errors, configPath);
    log('error', `config reload refused; the last good config keeps running:\n${errors}`);
    return false;
  }
  const kept = new Set(result.config.services.flatMap((svc) => svc.monitors.map((m) => m.id)));
  for (const m of live.config.services.flatMap((svc) => svc.monitors)) {
    if (!kept.has(m.id)) deps.probeMetrics.forget(m.id);
  }
  const changes = configChanges(live.config, result.config);
  live.config = result.config;
  for (const change of changes) await recordAudit({ store, nowMs }, { name: 'config-file', address: 'local' }, change);
  await syncServicesMaintenance(store, live.config.services, nowMs());
  deps.runtime.reload(live.config);
  return true;
}

/** Reloads when the file changes; stop() ends the watch. */
export function watchConfigFile(path: string, reload: () => Promise<boolean>): { stop(): void } {
  let reloadTimer: NodeJS.Timeout | null = null;
  // Editors write files in several steps: wait for the writes to settle.
  const watcher = watch(path, () => {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void reload(), 300);
  });
  return {
    stop() {
      watcher.close();
      if (reloadTimer) clearTimeout(reloadTimer);
    },
  };
}
