// One code path for every check, live or imported (SPEC §2). Raw checks are stored by the
// caller; the ingestor folds each monitor location's new checks into its timeline as they come
// (sla/location-fold.ts, from the saved fold state), rolls up hours as they complete, and at the
// end writes the timelines and reconciles the services' probe incidents. Checks that arrive out
// of order for their location or hour (an import into the past) make that location or monitor
// fall back to rebuilding from the raw checks in the store. Use inside one transaction.
import type { Check, MonitorSpec, ServiceSpec } from '../sla/model.ts';
import type { Segment } from '../sla/segments.ts';
import {
  foldChecks,
  initialFoldState,
  joinSegments,
  tailSegments,
  tailStartMs,
  type FoldParams,
  type LocationFoldState,
} from '../sla/location-fold.ts';
import { hourOf, rollupChecks, type CheckRollup } from '../sla/rollup.ts';
import type { Store } from './store.ts';
import { monitorLocations } from './service-timeline.ts';
import { reconcileProbeIncidents } from './reconcile-incidents.ts';
import { refoldLocation, rerollHours } from './refold-from-raw.ts';

export interface CheckIngestor {
  /** Takes checks already inserted in the store (in this transaction), in any order. */
  add(checks: readonly Check[]): Promise<void>;
  /** Writes timelines and rollups and reconciles probe incidents. */
  finish(): Promise<void>;
}

type LocationTrack =
  | { mode: 'inline'; monitorId: string; location: string; params: FoldParams; state: LocationFoldState; replaceFromMs: number; closed: Segment[]; firstMs: number; tailBefore: Segment[] | null }
  | { mode: 'refold'; monitorId: string; location: string; params: FoldParams; fromMs: number };

type MonitorTrack =
  | { mode: 'inline'; hourMs: number; hourChecks: Check[]; fromMs: number; toMs: number }
  | { mode: 'reroll'; fromMs: number; toMs: number };

const rollupBatch = 500;

export function createCheckIngestor(store: Store, services: readonly ServiceSpec[], nowMs: number): CheckIngestor {
  const monitors = new Map<string, MonitorSpec>(services.flatMap((s) => s.monitors.map((m) => [m.id, m] as const)));
  const locations = new Map<string, LocationTrack>();
  const hours = new Map<string, MonitorTrack>();
  const readyRollups: CheckRollup[] = [];

  const trackLocation = async (check: Check, monitor: MonitorSpec): Promise<LocationTrack> => {
    const params = { intervalMs: monitor.intervalMs, confirm: monitor.confirm };
    const saved = await store.getLocationState(check.monitorId, check.location);
    if (saved && check.timeMs <= saved.lastCheckMs) {
      return { mode: 'refold', monitorId: check.monitorId, location: check.location, params, fromMs: check.timeMs };
    }
    const state = saved ? (JSON.parse(saved.stateJson) as LocationFoldState) : initialFoldState();
    const replaceFromMs = tailStartMs(state) ?? Number.MIN_SAFE_INTEGER;
    const tailBefore = saved ? tailSegments(state, params) : null;
    return { mode: 'inline', monitorId: check.monitorId, location: check.location, params, state, replaceFromMs, closed: [], firstMs: check.timeMs, tailBefore };
  };

  /** Folds one location's checks of a batch (in arrival order) into its track. */
  const foldInto = (track: LocationTrack, checks: readonly Check[]): LocationTrack => {
    if (track.mode === 'refold') {
      for (const c of checks) track.fromMs = Math.min(track.fromMs, c.timeMs);
      return track;
    }
    let lastMs = track.state.lastCheck?.timeMs ?? Number.NEGATIVE_INFINITY;
    for (const c of checks) {
      // Out of order (or a second result at one instant, which the store resolves last-wins):
      // rebuild this location from the raw checks instead.
      if (c.timeMs <= lastMs) {
        const fromMs = checks.reduce((min, x) => Math.min(min, x.timeMs), track.firstMs);
        return { mode: 'refold', monitorId: track.monitorId, location: track.location, params: track.params, fromMs };
      }
      lastMs = c.timeMs;
    }
    const result = foldChecks(track.state, checks, track.params);
    track.state = result.state;
    for (const s of result.closed) track.closed.push(s);
    return track;
  };

  const startHourTrack = async (check: Check): Promise<MonitorTrack> => {
    // Inline rollups are only right for hours with no rollup yet, i.e. after the latest one.
    const latest = await store.latestRollupHourMs(check.monitorId);
    const hourMs = hourOf(check.timeMs);
    return latest !== null && hourMs <= latest
      ? { mode: 'reroll', fromMs: check.timeMs, toMs: check.timeMs }
      : { mode: 'inline', hourMs, hourChecks: [], fromMs: check.timeMs, toMs: check.timeMs };
  };

  const trackHour = (track: MonitorTrack, check: Check): MonitorTrack => {
    track.fromMs = Math.min(track.fromMs, check.timeMs);
    track.toMs = Math.max(track.toMs, check.timeMs);
    if (track.mode === 'reroll') return track;
    const hourMs = hourOf(check.timeMs);
    if (hourMs < track.hourMs) return { mode: 'reroll', fromMs: track.fromMs, toMs: track.toMs };
    if (hourMs > track.hourMs) {
      if (track.hourChecks.length > 0) readyRollups.push(...rollupChecks(track.hourChecks));
      track.hourMs = hourMs;
      track.hourChecks = [];
    }
    track.hourChecks.push(check);
    return track;
  };

  return {
    async add(checks) {
      const byLocation = new Map<string, Check[]>();
      for (const check of checks) {
        const monitor = monitors.get(check.monitorId);
        if (!monitor) continue;
        const hourTrack = hours.get(check.monitorId) ?? (await startHourTrack(check));
        hours.set(check.monitorId, trackHour(hourTrack, check));
        if (!monitorLocations(monitor).includes(check.location)) continue;
        const key = `${check.monitorId}\u0000${check.location}`;
        if (!locations.has(key)) locations.set(key, await trackLocation(check, monitor));
        const list = byLocation.get(key);
        if (list) list.push(check);
        else byLocation.set(key, [check]);
      }
      for (const [key, list] of byLocation) locations.set(key, foldInto(locations.get(key)!, list));
      if (readyRollups.length >= rollupBatch) await store.upsertRollups(readyRollups.splice(0));
    },
    async finish() {
      const rewrittenFromMs = new Map<string, number>();
      const rewritten = (monitorId: string, fromMs: number) =>
        rewrittenFromMs.set(monitorId, Math.min(rewrittenFromMs.get(monitorId) ?? fromMs, fromMs));
      for (const track of locations.values()) {
        if (track.mode === 'refold') {
          rewritten(track.monitorId, Math.min(track.fromMs, await refoldLocation(store, track.monitorId, track.location, track.fromMs, track.params)));
          continue;
        }
        const segments = joinSegments([...track.closed, ...tailSegments(track.state, track.params)]).map((s) => ({
          ...s,
          monitorId: track.monitorId,
          location: track.location,
        }));
        await store.replaceSegments(track.monitorId, track.location, track.replaceFromMs, segments);
        const last = track.state.lastCheck!;
        await store.putLocationState({ monitorId: track.monitorId, location: track.location, lastCheckMs: last.timeMs, stateJson: JSON.stringify(track.state) });
        // A confirmation rewrites the timeline back to its run's first failing check (SPEC §2.2),
        // so incidents are reconciled from the earliest rewritten instant.
        // Only the last segment grew (a steady monitor): no state changed anywhere, so no
        // incident can have opened or closed and the reconciliation is skipped.
        if (track.tailBefore && onlyExtends(track.tailBefore, segments)) continue;
        rewritten(track.monitorId, Math.min(track.firstMs, track.replaceFromMs === Number.MIN_SAFE_INTEGER ? track.firstMs : track.replaceFromMs));
      }
      for (const track of hours.values()) {
        if (track.mode === 'inline' && track.hourChecks.length > 0) readyRollups.push(...rollupChecks(track.hourChecks));
      }
      if (readyRollups.length > 0) await store.upsertRollups(readyRollups.splice(0));
      // After the inline ones: a monitor that fell back rebuilds its hours over whatever was written.
      for (const [monitorId, track] of hours) {
        if (track.mode === 'reroll') await rerollHours(store, monitorId, track.fromMs, track.toMs);
      }
      for (const service of services) {
        const froms = service.monitors.map((m) => rewrittenFromMs.get(m.id)).filter((t): t is number => t !== undefined);
        if (froms.length > 0) await reconcileProbeIncidents(store, service, Math.min(...froms), nowMs);
      }
    },
  };
}

/** True when `after` is `before` with only its last segment ending later. */
export function onlyExtends(before: readonly Segment[], after: readonly Segment[]): boolean {
  if (before.length === 0 || before.length !== after.length) return false;
  return before.every((b, i) => {
    const a = after[i]!;
    const last = i === before.length - 1;
    return a.startMs === b.startMs && a.state === b.state && a.knownAtMs === b.knownAtMs && (last ? a.endMs >= b.endMs : a.endMs === b.endMs);
  });
}
