// Writes a generated slawatch.yaml into the cache and loads it the way the CLI does.
import { writeFileSync } from 'node:fs';
import { formatConfigErrors, loadConfigFile } from '../../server/config/load-config.ts';
import type { SlawatchConfig } from '../../server/config/types.ts';
import { cachePath } from './cache.ts';

export async function writeBenchConfig(name: string, yaml: string): Promise<{ path: string; config: SlawatchConfig }> {
  const path = cachePath(name);
  writeFileSync(path, yaml);
  return { path, config: await loadBenchConfig(path) };
}

export async function loadBenchConfig(path: string): Promise<SlawatchConfig> {
  const result = await loadConfigFile(path, {});
  if (!result.ok) throw new Error(formatConfigErrors(result.errors, path));
  return result.config;
}
