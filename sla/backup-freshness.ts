// SPEC §2.7 backup_freshness: the longest gap between pushes of a push monitor, from hourly
// rollups (README rule 11), so it survives pruning of raw checks.
import type { CheckRollup } from './rollup.ts';

/**
 * rollups: the monitor's hours starting in [from, to), oldest first; lastUpBeforeMs: its last up
 * check before the first of those hours; endMs: E = min(to, now). Null when nothing was pushed
 * before E.
 */
export function longestPushGapMs(
  rollups: readonly CheckRollup[],
  lastUpBeforeMs: number | null,
  endMs: number,
): number | null {
  let previousMs = lastUpBeforeMs;
  let longest: number | null = null;
  const consider = (gap: number) => {
    if (longest === null || gap > longest) longest = gap;
  };
  for (const hour of rollups) {
    if (hour.upCount === 0 || hour.firstUpMs === null || hour.lastUpMs === null) continue;
    if (previousMs !== null) consider(hour.firstUpMs - previousMs);
    if (hour.maxUpGapMs !== null) consider(hour.maxUpGapMs);
    previousMs = hour.lastUpMs;
  }
  if (previousMs !== null && previousMs < endMs) consider(endMs - previousMs);
  return longest;
}
