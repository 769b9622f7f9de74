// Run in a fresh process by the cold benchmark: opens the year's store and computes the year's
// report once, timing from just before openStore to the result. Prints one JSON line.
//   node --import tsx bench/year/cold-child.ts DB_PATH CONFIG_PATH
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open-store.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import { loadBenchConfig } from '../lib/bench-config.ts';
import { yearFromMs, yearNowMs, yearToMs } from './year-scenario.ts';

const [dbPath, configPath] = process.argv.slice(2) as [string, string];
const config = await loadBenchConfig(configPath);
const service = config.services[0]!.spec;
const started = performance.now();
const store = await openStore(`file:${dbPath}`);
const opened = performance.now();
const { report } = await computeServiceReport(store, { service, fromMs: yearFromMs, toMs: yearToMs, nowMs: yearNowMs });
const done = performance.now();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    insideMs: done - started,
    openMs: opened - started,
    reportMs: done - opened,
    availability: report.figures.availability,
  })}\n`,
);
