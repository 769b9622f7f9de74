// Timing helpers: medians of repeated runs on a noisy machine.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs fn once and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** `warmups` untimed runs, then `runs` timed ones; returns every timed ms and the last result. */
export async function repeat<T>(
  runs: number,
  warmups: number,
  fn: () => Promise<T> | T,
): Promise<{ ms: number[]; last: T }> {
  for (let i = 0; i < warmups; i++) await fn();
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const r = await timed(fn);
    ms.push(r.ms);
    last = r.value;
  }
  return { ms, last: last as T };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes.toFixed(0)} B`;
}

/** "a, b, c" of each run, for the table's runs column. */
export function fmtRuns(ms: readonly number[]): string {
  return ms.map(fmtMs).join(', ');
}

export function passFail(ok: boolean): string {
  return ok ? 'pass' : '**FAIL**';
}
