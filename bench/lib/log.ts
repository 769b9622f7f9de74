// Progress lines on stderr, so a long run shows where it is.
import { performance } from 'node:perf_hooks';

const startedAt = performance.now();

export function log(message: string): void {
  const s = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(7);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}
