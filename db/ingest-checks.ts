// One code path for every check, live or imported (SPEC §2): raw checks are stored, each
// affected monitor location's timeline is folded forward (or refolded from the last up check
// before an out-of-order insert), the touched hours are rolled up, and the services' probe
// incidents are reconciled. Call inside a transaction to make it all or nothing.
import type { Check, ServiceSpec } from '../sla/model.ts';
import type { Segment } from '../sla/segments.ts';
import {
  foldChecks,
  foldStateAfterUpCheck,
  initialFoldState,
  joinSegments,
  tailSegments,
  tailStartMs,
  type FoldParams,
  type LocationFoldState,
} from '../sla/location-fold.ts';
import { hourMs, hourOf, rollupChecks } from '../sla/rollup.ts';
import type { Store } from './store.ts';
import { monitorLocations } from './service-timeline.ts';
import { reconcileProbeIncidents } from './reconcile-incidents.ts';

const chunkMs = 24 * hourMs;

/** Earliest touched time per monitor location, and per monitor. */
export interface TouchedRange {
  byLocation: Map<string, { monitorId: string; location: string; fromMs: number }>;
  byMonitor: Map<string, { fromMs: number; toMs: number }>;
}

export function emptyTouched(): TouchedRange {
  return { byLocation: new Map(), byMonitor: new Map() };
}

export function touch(range: TouchedRange, check: Pick<Check, 'monitorId' | 'location' | 'timeMs'>): void {
  const key = `${check.monitorId}\u0000${check.location}`;
  const loc = range.byLocation.get(key);
  if (!loc) range.byLocation.set(key, { monitorId: check.monitorId, location: check.location, fromMs: check.timeMs });
  else if (check.timeMs < loc.fromMs) loc.fromMs = check.timeMs;
  const mon = range.byMonitor.get(check.monitorId);
  if (!mon) range.byMonitor.set(check.monitorId, { fromMs: check.timeMs, toMs: check.timeMs });
  else {
    mon.fromMs = Math.min(mon.fromMs, check.timeMs);
    mon.toMs = Math.max(mon.toMs, check.timeMs);
  }
}

/** Stores checks and brings every derived record up to date. */
export async function ingestChecks(store: Store, services: readonly ServiceSpec[], checks: readonly Check[], nowMs: number): Promise<void> {
  if (checks.length === 0) return;
  const touched = emptyTouched();
  for (const c of checks) touch(touched, c);
  await store.transaction(async (tx) => {
    await tx.insertChecks(checks);
    await updateDerived(tx, services, touched, nowMs);
  });
}

/** Refolds locations, re-rolls hours and reconciles incidents for what was touched. */
export async function updateDerived(store: Store, services: readonly ServiceSpec[], touched: TouchedRange, nowMs: number): Promise<void> {
  const monitors = new Map(services.flatMap((s) => s.monitors.map((m) => [m.id, m] as const)));
  // A confirmation rewrites the timeline back to its run's first failing check (SPEC §2.2), so
  // incidents are reconciled from the earliest rewritten instant, not from the new checks.
  const rewrittenFromMs = new Map<string, number>();
  for (const { monitorId, location, fromMs } of touched.byLocation.values()) {
    const monitor = monitors.get(monitorId);
    if (!monitor || !monitorLocations(monitor).includes(location)) continue;
    const params = { intervalMs: monitor.intervalMs, confirm: monitor.confirm };
    const replacedFromMs = Math.min(fromMs, await refoldLocation(store, monitorId, location, fromMs, params));
    rewrittenFromMs.set(monitorId, Math.min(rewrittenFromMs.get(monitorId) ?? replacedFromMs, replacedFromMs));
  }
  for (const [monitorId, range] of touched.byMonitor) await rerollHours(store, monitorId, range.fromMs, range.toMs);
  for (const service of services) {
    const froms = service.monitors.map((m) => rewrittenFromMs.get(m.id)).filter((t): t is number => t !== undefined);
    if (froms.length > 0) await reconcileProbeIncidents(store, service, Math.min(...froms), nowMs);
  }
}

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
  const firstSegment = (await store.listSegments([monitorId], Number.MIN_SAFE_INTEGER, (earliestRawMs ?? fromMs) + 1))
    .find((s) => s.location === location);
  if (firstSegment && earliestRawMs !== null && firstSegment.startMs < earliestRawMs) {
    throw new Error(
      `cannot insert checks of ${monitorId}@${location} at ${new Date(fromMs).toISOString()}: the raw checks before ${new Date(earliestRawMs).toISOString()} were pruned`,
    );
  }
  return { state: initialFoldState(), replaceFromMs: Number.MIN_SAFE_INTEGER, readFromMs: Number.MIN_SAFE_INTEGER };
}

/** Refolds one location from where fromMs requires; returns where its stored timeline was rewritten. */
async function refoldLocation(store: Store, monitorId: string, location: string, fromMs: number, params: FoldParams): Promise<number> {
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
    closed.push(...result.closed);
    cursorMs = next[next.length - 1]!.timeMs + 1;
    if (next.length < chunkLimit) break;
  }
  const segments = joinSegments([...closed, ...tailSegments(state, params)]).map((s) => ({ ...s, monitorId, location }));
  await store.replaceSegments(monitorId, location, start.replaceFromMs, segments);
  if (state.lastCheck) {
    await store.putLocationState({ monitorId, location, lastCheckMs: state.lastCheck.timeMs, stateJson: JSON.stringify(state) });
  }
  return start.replaceFromMs;
}

const chunkLimit = 50_000;

/** Recomputes the rollups of every hour in [fromMs, toMs] from the raw checks. */
async function rerollHours(store: Store, monitorId: string, fromMs: number, toMs: number): Promise<void> {
  const endMs = hourOf(toMs) + hourMs;
  for (let chunkStart = hourOf(fromMs); chunkStart < endMs; chunkStart += chunkMs) {
    const checks = await store.listMonitorChecks([monitorId], chunkStart, Math.min(chunkStart + chunkMs, endMs));
    if (checks.length > 0) await store.upsertRollups(rollupChecks(checks));
  }
}
