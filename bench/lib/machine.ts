// What RESULTS.md says about the machine, and a fixed CPU workload timed in this process so that
// numbers from noisy runs can be compared (divide by the calibration to normalise).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { median, timed } from './stats.ts';

export interface MachineInfo {
  date: string;
  uname: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
}

export function machineInfo(): MachineInfo {
  let uname = '';
  try {
    uname = execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim();
  } catch {
    uname = 'uname unavailable';
  }
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: keep os.cpus()'s model
  }
  return {
    date: new Date().toISOString(),
    uname,
    cpuModel,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Median ms of sorting 1 M pseudo-random doubles (5 runs): a yardstick for this machine's mood. */
export async function calibrationMs(): Promise<number> {
  const data = new Float64Array(1_000_000);
  let x = 12345;
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (let i = 0; i < data.length; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      data[i] = x;
    }
    runs.push((await timed(() => data.sort())).ms);
  }
  return median(runs);
}
