// Hourly aggregates of checks, kept forever so that year-scale figures never need raw checks.
// They keep exactly what the figures need: exact latency histograms (for percentiles) and the
// first/last up check and the longest gap inside the hour (for backup_freshness).
import type { Check } from './model.ts';

export const hourMs = 3_600_000;

export interface CheckRollup {
  monitorId: string;
  /** UTC hour start. */
  hourMs: number;
  upCount: number;
  downCount: number;
  /** Exact latency histogram of the up checks: latency ms → count. */
  latencyCounts: Map<number, number>;
  firstUpMs: number | null;
  lastUpMs: number | null;
  /** Longest gap between consecutive up checks inside the hour; null with fewer than two. */
  maxUpGapMs: number | null;
}

export function hourOf(timeMs: number): number {
  return Math.floor(timeMs / hourMs) * hourMs;
}

/** Aggregates checks (any order, any monitors) into one rollup per monitor and hour. */
export function rollupChecks(checks: readonly Check[]): CheckRollup[] {
  const byKey = new Map<string, Check[]>();
  for (const check of checks) {
    const key = `${check.monitorId}\u0000${hourOf(check.timeMs)}`;
    const list = byKey.get(key);
    if (list) list.push(check);
    else byKey.set(key, [check]);
  }
  const out: CheckRollup[] = [];
  for (const list of byKey.values()) out.push(rollupHour(list));
  return out.sort((a, b) => (a.monitorId < b.monitorId ? -1 : a.monitorId > b.monitorId ? 1 : a.hourMs - b.hourMs));
}

/** One monitor's checks of one hour. */
function rollupHour(checks: readonly Check[]): CheckRollup {
  const first = checks[0]!;
  const rollup: CheckRollup = {
    monitorId: first.monitorId,
    hourMs: hourOf(first.timeMs),
    upCount: 0,
    downCount: 0,
    latencyCounts: new Map(),
    firstUpMs: null,
    lastUpMs: null,
    maxUpGapMs: null,
  };
  const upTimes: number[] = [];
  for (const check of checks) {
    if (check.status !== 'up') {
      rollup.downCount++;
      continue;
    }
    rollup.upCount++;
    upTimes.push(check.timeMs);
    if (check.latencyMs !== null) {
      const ms = Math.round(check.latencyMs);
      rollup.latencyCounts.set(ms, (rollup.latencyCounts.get(ms) ?? 0) + 1);
    }
  }
  upTimes.sort((a, b) => a - b);
  if (upTimes.length > 0) {
    rollup.firstUpMs = upTimes[0]!;
    rollup.lastUpMs = upTimes[upTimes.length - 1]!;
  }
  for (let i = 1; i < upTimes.length; i++) {
    const gap = upTimes[i]! - upTimes[i - 1]!;
    if (rollup.maxUpGapMs === null || gap > rollup.maxUpGapMs) rollup.maxUpGapMs = gap;
  }
  return rollup;
}

/** Sums latency histograms. */
export function mergeLatencyCounts(target: Map<number, number>, source: ReadonlyMap<number, number>): void {
  for (const [ms, count] of source) target.set(ms, (target.get(ms) ?? 0) + count);
}

/**
 * The rollup of one monitor hour's checks from the rollups of two disjoint sets of them, when
 * every up check of `later` is after every up check of `earlier` (a live hour growing); null
 * otherwise, since the longest up gap then needs the checks themselves. The caller guarantees
 * that `later` holds new checks, not replacements of counted ones.
 */
export function appendRollup(earlier: CheckRollup, later: CheckRollup): CheckRollup | null {
  if (earlier.monitorId !== later.monitorId || earlier.hourMs !== later.hourMs) return null;
  if (earlier.lastUpMs !== null && later.firstUpMs !== null && later.firstUpMs <= earlier.lastUpMs) return null;
  const latencyCounts = new Map(earlier.latencyCounts);
  mergeLatencyCounts(latencyCounts, later.latencyCounts);
  const gaps = [earlier.maxUpGapMs, later.maxUpGapMs];
  if (earlier.lastUpMs !== null && later.firstUpMs !== null) gaps.push(later.firstUpMs - earlier.lastUpMs);
  const known = gaps.filter((g): g is number => g !== null);
  return {
    monitorId: earlier.monitorId,
    hourMs: earlier.hourMs,
    upCount: earlier.upCount + later.upCount,
    downCount: earlier.downCount + later.downCount,
    latencyCounts,
    firstUpMs: earlier.firstUpMs ?? later.firstUpMs,
    lastUpMs: later.lastUpMs ?? earlier.lastUpMs,
    maxUpGapMs: known.length > 0 ? Math.max(...known) : null,
  };
}
