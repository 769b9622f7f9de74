// Shared start-up of commands that need the config and the store.
import { loadConfigFile, formatConfigErrors } from '../config/load-config.ts';
import type { SlawatchConfig } from '../config/types.ts';
import { openStore, defaultDatabaseUrl } from '../../db/open-store.ts';
import type { Store } from '../../db/store.ts';
import { syncServicesMaintenance } from '../../pipeline/service-maintenance.ts';
import { UsageError, type CliIo } from './io.ts';

export function configPath(flag: string | undefined, io: CliIo): string {
  return flag ?? io.env.SLAWATCH_CONFIG ?? 'slawatch.yaml';
}

export async function loadConfigOrFail(path: string, io: CliIo): Promise<SlawatchConfig> {
  const result = await loadConfigFile(path, io.env);
  if (!result.ok) throw new UsageError(formatConfigErrors(result.errors, path));
  return result.config;
}

export function databaseUrl(config: SlawatchConfig, io: CliIo): string {
  return io.env.DATABASE_URL ?? config.databaseUrl ?? defaultDatabaseUrl;
}

/** Opens the store (migrations run on open) and brings the config's maintenance windows into it. */
export async function openConfiguredStore(config: SlawatchConfig, io: CliIo, nowMs: number): Promise<Store> {
  const store = await openStore(databaseUrl(config, io));
  try {
    await syncServicesMaintenance(store, config.services, nowMs);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

export function findService(config: SlawatchConfig, id: string | undefined) {
  if (!id) throw new UsageError(`--service is required (one of: ${config.services.map((s) => s.spec.id).join(', ')})`);
  const service = config.services.find((s) => s.spec.id === id);
  if (!service)
    throw new UsageError(`unknown service "${id}" (configured: ${config.services.map((s) => s.spec.id).join(', ')})`);
  return service;
}
