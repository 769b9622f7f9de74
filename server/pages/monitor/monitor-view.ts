// What the monitor page and /api/v1/monitors/{id} show: each location's state now (from its fold
// state: the last check and any failing run), and the recent checks with their blips (runs of
// failures shorter than `confirm`, SPEC §2.2) found by the same fold the pipeline uses.
import {
  foldChecks,
  foldStateAfterUpCheck,
  initialFoldState,
  type Blip,
  type LocationFoldState,
} from '../../../sla/location-fold.ts';
import type { Check } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';
import { monitorLocations } from '../../../pipeline/service-timeline.ts';
import type { MonitorConfig } from '../../config/types.ts';

export const locationStates = ['up', 'failing', 'down', 'unknown'] as const;
export type LocationStateName = (typeof locationStates)[number];

export interface LocationView {
  location: string;
  state: LocationStateName;
  lastCheckMs: number | null;
  /** Consecutive failures of the current run. */
  failingChecks: number;
}

export interface MonitorView {
  locations: LocationView[];
  /** Newest first. */
  checks: Check[];
  blips: (Blip & { location: string })[];
}

/** The state of one location from its fold state: held no longer than 2 × interval (SPEC §2.1). */
export function locationStateOf(
  state: LocationFoldState | null,
  monitor: Pick<MonitorConfig, 'intervalMs' | 'confirm'>,
  nowMs: number,
): Omit<LocationView, 'location'> {
  const last = state?.lastCheck ?? null;
  if (!last || nowMs - last.timeMs >= 2 * monitor.intervalMs) {
    return { state: 'unknown', lastCheckMs: last?.timeMs ?? null, failingChecks: state?.run?.count ?? 0 };
  }
  const failing = state?.run?.count ?? 0;
  if (last.status === 'up') return { state: 'up', lastCheckMs: last.timeMs, failingChecks: 0 };
  return { state: failing >= monitor.confirm ? 'down' : 'failing', lastCheckMs: last.timeMs, failingChecks: failing };
}

export async function loadMonitorView(
  store: Store,
  monitor: MonitorConfig,
  fromMs: number,
  toMs: number,
  nowMs: number,
  maxChecks = 500,
): Promise<MonitorView> {
  const locations = monitorLocations(monitor);
  const views: LocationView[] = [];
  const checks: Check[] = [];
  const blips: MonitorView['blips'] = [];
  for (const location of locations) {
    const row = await store.getLocationState(monitor.id, location);
    const state = row ? (JSON.parse(row.stateJson) as LocationFoldState) : null;
    views.push({ location, ...locationStateOf(state, monitor, nowMs) });
    // Fold from the last up check before the window, so a failing run that began earlier is judged whole.
    const before = await store.latestUpCheckBefore(monitor.id, location, fromMs);
    const folded = await store.listChecks(monitor.id, location, before ? before.timeMs + 1 : fromMs, toMs);
    const start = before ? foldStateAfterUpCheck(before.timeMs) : initialFoldState();
    const result = foldChecks(start, folded, { intervalMs: monitor.intervalMs, confirm: monitor.confirm });
    blips.push(...result.blips.filter((b) => b.startMs >= fromMs).map((b) => ({ ...b, location })));
    for (const check of folded) if (check.timeMs >= fromMs) checks.push(check);
  }
  checks.sort((a, b) => b.timeMs - a.timeMs);
  blips.sort((a, b) => b.startMs - a.startMs);
  return { locations: views, checks: checks.slice(0, maxChecks), blips };
}
