// The stored path and the naive path must give the same figures and probe incidents.
import type { Figures } from '../../sla/figures-types.ts';
import type { Incident } from '../../sla/model.ts';

/** Differences as readable lines; empty when equal (numbers within 1e-12 relative). */
export function figureDifferences(stored: Figures, naive: Figures): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(stored), ...Object.keys(naive)]) as Set<keyof Figures>;
  for (const key of keys) {
    const a = stored[key];
    const b = naive[key];
    if (!same(a, b)) out.push(`${key}: stored ${String(a)} ≠ naive ${String(b)}`);
  }
  return out;
}

export function incidentDifferences(stored: readonly Incident[], naive: readonly Incident[]): string[] {
  const out: string[] = [];
  const show = (i: Incident | undefined) =>
    i ? `[${i.startedAtMs}, ${i.resolvedAtMs}) detected ${i.detectedAtMs}` : 'none';
  const n = Math.max(stored.length, naive.length);
  if (stored.length !== naive.length) out.push(`probe incidents: stored ${stored.length} ≠ naive ${naive.length}`);
  for (let i = 0; i < n && out.length < 10; i++) {
    const a = stored[i];
    const b = naive[i];
    if (
      !a ||
      !b ||
      a.startedAtMs !== b.startedAtMs ||
      a.resolvedAtMs !== b.resolvedAtMs ||
      a.detectedAtMs !== b.detectedAtMs
    ) {
      out.push(`incident ${i}: stored ${show(a)} ≠ naive ${show(b)}`);
    }
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}
