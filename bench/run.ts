// `npm run bench` (node --import tsx bench/run.ts [--only NAME,…] [--rebuild], names in lib/args.ts): runs
// the benchmarks and writes bench/RESULTS.md. Generated inputs are cached in bench/.cache/.
import { join } from 'node:path';
import { parseBenchArgs, type BenchName } from './lib/args.ts';
import type { BenchArgs } from './lib/args.ts';
import { benchDir } from './lib/cache.ts';
import { calibrationMs, machineInfo } from './lib/machine.ts';
import { writeResults, type Section } from './lib/results-file.ts';
import { log } from './lib/log.ts';
import { runYearBench } from './year/year-bench.ts';
import { runImportBench } from './import/import-bench.ts';
import { runStorageBench } from './storage/storage-bench.ts';
import { runProbingBench } from './probing/probing-bench.ts';
import { runOverviewBench } from './overview/overview-bench.ts';
import { runStartupBench } from './startup/startup-bench.ts';

const benches: Record<BenchName, (args: BenchArgs) => Promise<Section>> = {
  year: runYearBench,
  import: runImportBench,
  storage: runStorageBench,
  probing: runProbingBench,
  overview: runOverviewBench,
  startup: runStartupBench,
};

const args = parseBenchArgs(process.argv.slice(2));
const machine = machineInfo();
const calibration = await calibrationMs();
log(
  `${machine.cpuModel}, node ${machine.node}; calibration ${calibration.toFixed(1)} ms; ` +
    `running ${args.only.join(', ')}`,
);
const resultsPath = join(benchDir, 'RESULTS.md');
const sections: Section[] = [];
for (const name of args.only) {
  const started = Date.now();
  // The machine is shared: a yardstick per section shows how busy it was while this one ran.
  const before = await calibrationMs();
  const section = await benches[name](args);
  const after = await calibrationMs();
  section.markdown +=
    '\n\n_Calibration (sort of 1 M doubles, ms) before / after this section: ' +
    `${before.toFixed(1)} / ${after.toFixed(1)}._`;
  sections.push(section);
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Written after each benchmark, so a later failure keeps what was measured.
  writeResults(resultsPath, machine, calibration, sections);
}
log(`wrote ${resultsPath}`);
