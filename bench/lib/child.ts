// Child processes: run one to completion, timing its whole life from the parent, with its peak
// RSS from /usr/bin/time -v when that exists (else polled from /proc/PID/status VmHWM).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { repoDir } from './cache.ts';

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size in bytes, when measured. */
  peakRssBytes: number | null;
}

const timeBinary = '/usr/bin/time';

/** Runs `node --import tsx script args…` (or `node args…` with script null) in the repo folder. */
export function runNode(
  nodeArgs: readonly string[],
  options: { env?: Record<string, string | undefined>; measureRss?: boolean } = {},
): Promise<ChildResult> {
  const useTime = options.measureRss === true && existsSync(timeBinary);
  const command = useTime ? timeBinary : process.execPath;
  const args = useTime ? ['-v', process.execPath, ...nodeArgs] : [...nodeArgs];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: repoDir,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let polledKb = 0;
    const poll =
      options.measureRss === true && !useTime
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) polledKb = Math.max(polledKb, Number(m[1]));
            } catch {
              // exited between ticks
            }
          }, 50)
        : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (poll) clearInterval(poll);
      let peakRssBytes: number | null = polledKb > 0 ? polledKb * 1024 : null;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) peakRssBytes = Number(m[1]) * 1024;
      }
      resolve({ code, stdout, stderr, wallMs, peakRssBytes });
    });
  });
}

export function assertChildOk(what: string, result: ChildResult): void {
  if (result.code !== 0) {
    throw new Error(`${what} exited with ${result.code}:\n${result.stderr.slice(-4000)}`);
  }
}
