// Writes (once, cached) a checks CSV in SPEC §5's columns `time,monitor,status,latency_ms,location`
// with ISO times at +09:00 and a blank location (the monitor's only one).
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleetChecks } from '../lib/synthetic-fleet.ts';
import { cachePath, publish } from '../lib/cache.ts';
import { tokyoIso } from '../lib/tokyo-iso.ts';
import { log } from '../lib/log.ts';
import { importFleet, importGeneratorVersion } from './import-scenario.ts';

export async function importCsv(rows: number, rebuild: boolean): Promise<string> {
  const path = cachePath(`${importGeneratorVersion}-${rows}.csv`);
  if (existsSync(path) && !rebuild) return path;
  log(`import: writing ${rows.toLocaleString('en-US')} rows to ${path}`);
  const dir = mkdtempSync(join(tmpdir(), 'slawatch-bench-csv-'));
  const temp = join(dir, 'checks.csv');
  const out = createWriteStream(temp);
  out.write('time,monitor,status,latency_ms,location\n');
  let written = 0;
  for (const chunk of fleetChecks(importFleet(rows), 3_600_000)) {
    const lines: string[] = [];
    for (const c of chunk) {
      if (written >= rows) break;
      written++;
      lines.push(`${tokyoIso(c.timeMs)},${c.monitorId},${c.status},${c.latencyMs ?? ''},\n`);
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (written < rows) throw new Error(`generated only ${written} rows`);
  publish(temp, path);
  rmSync(dir, { recursive: true, force: true });
  return path;
}
