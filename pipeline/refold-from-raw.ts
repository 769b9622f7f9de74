// Rebuilding derived records from the raw checks in the store: a location's timeline refolded
// from the last up check before a change (an insert into the past), and hours rolled up again.
// Reads in chunks so a year of checks refolds in bounded memory.
import type { Segment } from '../sla/segments.ts';
import {
  foldChecks,
  foldStateAfterUpCheck,
  initialFoldState,
  tailStartMs,
  type FoldParams,
  type LocationFoldState,
} from '../sla/location-fold.ts';
import { hourMs, hourOf, rollupChecks } from '../sla/rollup.ts';
import type { Store } from '../db/store.ts';
import { foldStateRow, locationSegments } from './location-track.ts';

const chunkMs = 24 * hourMs;

/** Where to restart a location's fold so that a check at fromMs is taken into account. */
async function restartPoint(
  store: Store,
  monitorId: string,
  location: string,
  fromMs: number,
): Promise<{ state: LocationFoldState; replaceFromMs: number; readFromMs: number }> {
  const saved = await store.getLocationState(monitorId, location);
  if (saved && fromMs > saved.lastCheckMs) {
    // The live case: every new check is later than the last one folded.
    const state = JSON.parse(saved.stateJson) as LocationFoldState;
    return { state, replaceFromMs: tailStartMs(state) ?? fromMs, readFromMs: saved.lastCheckMs + 1 };
  }
  const up = await store.latestUpCheckBefore(monitorId, location, fromMs);
  if (up) return { state: foldStateAfterUpCheck(up.timeMs), replaceFromMs: up.timeMs, readFromMs: up.timeMs + 1 };
  const earliestRawMs = await store.earliestCheckMs(monitorId, location);
  const firstSegment = (
    await store.listSegments([monitorId], Number.MIN_SAFE_INTEGER, (earliestRawMs ?? fromMs) + 1)
  ).find((s) => s.location === location);
  if (firstSegment && earliestRawMs !== null && firstSegment.startMs < earliestRawMs) {
    throw new Error(
      `cannot insert checks of ${monitorId}@${location} at ${new Date(fromMs).toISOString()}: ` +
        `the raw checks before ${new Date(earliestRawMs).toISOString()} were pruned`,
    );
  }
  return { state: initialFoldState(), replaceFromMs: Number.MIN_SAFE_INTEGER, readFromMs: Number.MIN_SAFE_INTEGER };
}

/** Refolds one location from where fromMs requires; returns where its stored timeline was rewritten. */
export async function refoldLocation(
  store: Store,
  monitorId: string,
  location: string,
  fromMs: number,
  params: FoldParams,
): Promise<number> {
  const start = await restartPoint(store, monitorId, location, fromMs);
  let state = start.state;
  const closed: Segment[] = [];
  // Read in day-sized chunks so a year of imported checks folds in bounded memory.
  let cursorMs = start.readFromMs;
  for (;;) {
    const next = await store.listChecks(monitorId, location, cursorMs, Number.MAX_SAFE_INTEGER, chunkLimit);
    if (next.length === 0) break;
    const result = foldChecks(state, next, params);
    state = result.state;
    for (const s of result.closed) closed.push(s);
    cursorMs = next[next.length - 1]!.timeMs + 1;
    if (next.length < chunkLimit) break;
  }
  const segments = locationSegments(monitorId, location, closed, state, params);
  await store.replaceSegments(monitorId, location, start.replaceFromMs, segments);
  if (state.lastCheck) await store.putLocationState(foldStateRow(monitorId, location, state));
  return start.replaceFromMs;
}

const chunkLimit = 50_000;

/** Recomputes the rollups of every hour in [fromMs, toMs] from the raw checks. */
export async function rerollHours(store: Store, monitorId: string, fromMs: number, toMs: number): Promise<void> {
  const endMs = hourOf(toMs) + hourMs;
  for (let chunkStart = hourOf(fromMs); chunkStart < endMs; chunkStart += chunkMs) {
    const checks = await store.listMonitorChecks([monitorId], chunkStart, Math.min(chunkStart + chunkMs, endMs));
    if (checks.length > 0) await store.upsertRollups(rollupChecks(checks));
  }
}
