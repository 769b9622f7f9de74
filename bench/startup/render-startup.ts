// The start-up benchmark's section of RESULTS.md: per level, the median of each measure for the
// built program and for the tsx baseline, their ratio, and every run.
import { fmtBytes, fmtMs, median } from '../lib/stats.ts';
import { markdownTable } from '../lib/table.ts';
import type { ServeMemory } from './serve-child.ts';
import { launchers, type Launcher, type StartupLevel } from './startup-scenario.ts';

export interface StartupRun {
  startupMs: number;
  memory: ServeMemory;
}

export interface LevelResult {
  level: StartupLevel;
  runs: Record<Launcher, StartupRun[]>;
}

interface Measure {
  name: string;
  value: (run: StartupRun) => number;
  format: (value: number) => string;
}

const measures: readonly Measure[] = [
  { name: 'start-up: spawn to a healthy /healthz', value: (r) => r.startupMs, format: fmtMs },
  { name: 'RSS of the node process', value: (r) => r.memory.rssBytes, format: fmtBytes },
  { name: 'RSS with its child processes', value: (r) => r.memory.treeRssBytes, format: fmtBytes },
  { name: 'peak RSS of the node process', value: (r) => r.memory.peakRssBytes, format: fmtBytes },
];

function settled({ level }: LevelResult): string {
  return `${level.label}: ${fmtMs(level.settleMs)} later, ${level.runs} runs each`;
}

function rows(result: LevelResult): string[][] {
  return measures.map((m) => {
    const values = (launcher: Launcher) => result.runs[launcher].map(m.value);
    const built = median(values('built'));
    const tsx = median(values('tsx'));
    return [
      result.level.label,
      m.name,
      m.format(tsx),
      m.format(built),
      (built / tsx).toFixed(2),
      `${values('built').map(m.format).join(', ')} / ${values('tsx').map(m.format).join(', ')}`,
    ];
  });
}

export function renderStartup(results: readonly LevelResult[], tookMs: number): string {
  return [
    '## 6. Start-up and memory: the built program against tsx',
    '',
    `Measured ${new Date().toISOString()}; this section took ${fmtMs(tookMs)}.`,
    `\`slawatch serve --config F --port 0\` on a fresh SQLite file, started as \`node ${launchers.built}\` (the`,
    `built program: dist/ on plain node) and as \`node ${launchers.tsx}\` (the baseline: the TypeScript sources`,
    'through tsx, which also bundles web/ with esbuild at start; its transform cache is warm after the first run).',
    'The launchers alternate run by run. The config is the probing benchmark’s (services of 50 http monitors, two',
    'claims each) against its local keep-alive target. Start-up runs from spawn to the first 200 from `/healthz`;',
    `memory is read from /proc a while after that (${results.map(settled).join('; ')}).`,
    '"With its child processes" adds esbuild’s service processes, which tsx keeps. Medians; ratio = built ÷ tsx.',
    '',
    markdownTable(
      ['config', 'measure', 'tsx (baseline)', 'built', 'built ÷ tsx', 'runs: built / tsx'],
      results.flatMap(rows),
    ),
  ].join('\n');
}
