// The start-up benchmark's plan: `slawatch serve` started by each launcher — the built program
// (dist/ on plain node) and the TypeScript sources through tsx, the baseline — first with one
// monitor (start-up time and idle memory), then with 10,000 http monitors at 60 s against the
// probing benchmark's local target (memory once every monitor has probed).
export const launchers = { built: 'bin/slawatch.js', tsx: 'bin/slawatch-dev.js' } as const;
export type Launcher = keyof typeof launchers;

export interface StartupLevel {
  label: string;
  monitors: number;
  /** Runs per launcher; the launchers alternate, so both see the same load on a shared machine. */
  runs: number;
  /** How long the process runs after /healthz first answers before its memory is read. */
  settleMs: number;
}

export const startupIntervalMs = 60_000;

export const startupLevels: readonly StartupLevel[] = [
  { label: 'idle (1 monitor)', monitors: 1, runs: 7, settleMs: 5_000 },
  // One interval and a margin: every monitor has probed once and its check is written.
  { label: '10,000 http monitors at 60 s', monitors: 10_000, runs: 3, settleMs: startupIntervalMs + 10_000 },
];
