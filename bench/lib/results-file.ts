// bench/RESULTS.md: a header about the machine and one section per benchmark. A run replaces the
// sections it ran and keeps the others (each section carries the date it was measured).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchNames, type BenchName } from './args.ts';
import type { MachineInfo } from './machine.ts';

export interface Section {
  name: BenchName;
  markdown: string;
}

const begin = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

export function writeResults(
  path: string,
  machine: MachineInfo,
  calibration: number,
  sections: readonly Section[],
): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const bodies = new Map<BenchName, string>();
  for (const name of benchNames) {
    const kept = extract(previous, name);
    if (kept) bodies.set(name, kept);
  }
  for (const s of sections) bodies.set(s.name, s.markdown.trim());
  const header = [
    '# slawatch benchmarks',
    '',
    `Written by \`npm run bench\` (\`node --import tsx bench/run.ts [--only ${benchNames.join('|')}] [--rebuild]\`).`,
    'Each section below says when it was measured; the machine of the latest run:',
    '',
    `- date: ${machine.date}`,
    `- uname -a: \`${machine.uname}\``,
    `- CPU: ${machine.cpuModel} (${machine.cores} cores seen by node), ${machine.memoryGb} GiB RAM`,
    `- node: ${machine.node}`,
    '- calibration at the start of the run (median of 5 sorts of 1 M doubles, this process): ' +
      `${calibration.toFixed(1)} ms`,
    '',
    'The machine is shared and noisy: every figure is a median of several runs, and ratios are',
    'taken between numbers timed in the same process.',
  ].join('\n');
  const parts = benchNames.filter((n) => bodies.has(n)).map((n) => `${begin(n)}\n${bodies.get(n)}\n${end(n)}`);
  writeFileSync(path, `${header}\n\n${parts.join('\n\n')}\n`);
}

function extract(text: string, name: string): string | null {
  const from = text.indexOf(begin(name));
  const to = text.indexOf(end(name));
  if (from < 0 || to < from) return null;
  return text.slice(from + begin(name).length, to).trim();
}
