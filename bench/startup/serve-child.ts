// One `slawatch serve` for the start-up benchmark: spawned by a launcher on a loopback port,
// timed from spawn until /healthz first answers 200, its memory read from /proc while it runs
// (Linux), stopped with SIGTERM.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { repoDir } from '../lib/cache.ts';

export interface ServeMemory {
  /** Resident set size of the node process. */
  rssBytes: number;
  /** The node process and its descendants (tsx keeps esbuild's service processes). */
  treeRssBytes: number;
  /** The node process's peak resident set size so far (VmHWM). */
  peakRssBytes: number;
}

export interface ServeChild {
  /** Spawn to the first 200 from /healthz. */
  startupMs: number;
  memory(): ServeMemory;
  stop(): Promise<void>;
}

const startTimeoutMs = 180_000;

export async function startServeChild(launcher: string, configPath: string, databaseUrl: string): Promise<ServeChild> {
  const started = performance.now();
  const args = [launcher, 'serve', '--config', configPath, '--host', '127.0.0.1', '--port', '0'];
  const child = spawn(process.execPath, args, {
    cwd: repoDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams are read for the child's whole life, so a full pipe never blocks it.
  let stdout = '';
  let stderrTail = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderrTail = (stderrTail + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await untilHealthy(
      () => /serving on (http:\/\/\S+)/.exec(stdout)?.[1],
      () => child.exitCode !== null || child.signalCode !== null,
    );
  } catch (error) {
    await stop();
    throw new Error(`${launcher} serve: ${(error as Error).message}\n${stderrTail}`);
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;
  return {
    startupMs,
    memory: () => ({
      rssBytes: statusKb(pid, 'VmRSS') * 1024,
      treeRssBytes: treeRssBytes(pid),
      peakRssBytes: statusKb(pid, 'VmHWM') * 1024,
    }),
    stop,
  };
}

/** Polls until the origin serve printed answers /healthz with 200. */
async function untilHealthy(origin: () => string | undefined, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + startTimeoutMs;
  const healthy = (url: string) =>
    fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
  while (performance.now() < deadline) {
    if (exited()) throw new Error('exited before it was healthy');
    const url = origin();
    if (url && (await healthy(url))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not healthy within ${startTimeoutMs / 1000} s`);
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** VmRSS of pid and every process below it, found by their parent ids in /proc. */
function treeRssBytes(pid: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent id; the command name before it is in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while the list was read
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree.reduce((sum, p) => {
    try {
      return sum + statusKb(p, 'VmRSS') * 1024;
    } catch {
      return sum;
    }
  }, 0);
}
