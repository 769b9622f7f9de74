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
import { appendRollup, hourOf, rollupChecks, type CheckRollup } from '../sla/rollup.ts';
import type { LocationStateRow, Store, TimelineUpdate } from '../db/store.ts';
import { monitorLocations } from './service-timeline.ts';
import { reconcileProbeIncidents } from './reconcile-incidents.ts';
import { refoldLocation, rerollHours } from './refold-from-raw.ts';

export interface CheckIngestor {
  /** Takes checks already inserted in the store (in this transaction), in any order. */
  add(checks: readonly Check[]): Promise<void>;
  /** Writes timelines and rollups and reconciles probe incidents. */
  finish(): Promise<void>;
}

const farFutureMs = 8.64e15;

type LocationTrack =
  | {
      mode: 'inline';
      monitorId: string;
      location: string;
      params: FoldParams;
      state: LocationFoldState;
      replaceFromMs: number;
      closed: Segment[];
      firstMs: number;
      tailBefore: Segment[] | null;
    }
  | { mode: 'refold'; monitorId: string; location: string; params: FoldParams; fromMs: number };

/**
 * A monitor's hours. Inline: checks of hours after its latest stored rollup are rolled up as they
 * come; the latest stored hour itself is appended to (`base`) when the new checks are new to it —
 * which holds when each of their locations folds inline (later than its last check, in order) —
 * and its up checks follow the stored ones. Otherwise the hours are rolled up again from raw checks.
 */
type MonitorTrack =
  | { mode: 'inline'; hourMs: number; hourChecks: Check[]; base: CheckRollup | null; fromMs: number; toMs: number }
  | { mode: 'reroll'; fromMs: number; toMs: number };

/** An appended rollup of a stored hour, written only if its checks' locations all folded inline. */
interface PendingAppend {
  rollup: CheckRollup;
  locationKeys: Set<string>;
}

const locationKey = (monitorId: string, location: string) => `${monitorId}\u0000${location}`;

const rollupBatch = 500;

export function createCheckIngestor(store: Store, services: readonly ServiceSpec[], nowMs: number): CheckIngestor {
  const monitors = new Map<string, MonitorSpec>(services.flatMap((s) => s.monitors.map((m) => [m.id, m] as const)));
  const locations = new Map<string, LocationTrack>();
  const hours = new Map<string, MonitorTrack>();
  const readyRollups: CheckRollup[] = [];

  const pendingAppends = new Map<string, PendingAppend[]>();

  const trackLocation = (check: Check, monitor: MonitorSpec, saved: LocationStateRow | undefined): LocationTrack => {
    const params = { intervalMs: monitor.intervalMs, confirm: monitor.confirm };
    if (saved && check.timeMs <= saved.lastCheckMs) {
      return { mode: 'refold', monitorId: check.monitorId, location: check.location, params, fromMs: check.timeMs };
    }
    const state = saved ? (JSON.parse(saved.stateJson) as LocationFoldState) : initialFoldState();
    const replaceFromMs = tailStartMs(state) ?? Number.MIN_SAFE_INTEGER;
    const tailBefore = saved ? tailSegments(state, params) : null;
    return {
      mode: 'inline',
      monitorId: check.monitorId,
      location: check.location,
      params,
      state,
      replaceFromMs,
      closed: [],
      firstMs: check.timeMs,
      tailBefore,
    };
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

  const startHourTrack = (check: Check, latest: CheckRollup | undefined): MonitorTrack => {
    const hourMs = hourOf(check.timeMs);
    if (latest && hourMs < latest.hourMs) return { mode: 'reroll', fromMs: check.timeMs, toMs: check.timeMs };
    const base = latest?.hourMs === hourMs ? latest : null;
    return { mode: 'inline', hourMs, hourChecks: [], base, fromMs: check.timeMs, toMs: check.timeMs };
  };

  /** The rollup of an inline track's current hour, appended to its stored base when it has one. */
  const closeHour = (monitorId: string, track: MonitorTrack & { mode: 'inline' }): MonitorTrack => {
    if (track.hourChecks.length === 0) return track;
    const [fresh] = rollupChecks(track.hourChecks);
    if (!track.base) {
      readyRollups.push(fresh!);
      return track;
    }
    const appended = appendRollup(track.base, fresh!);
    if (!appended) return { mode: 'reroll', fromMs: track.fromMs, toMs: track.toMs };
    const locationKeys = new Set(track.hourChecks.map((c) => locationKey(c.monitorId, c.location)));
    pendingAppends.set(monitorId, [...(pendingAppends.get(monitorId) ?? []), { rollup: appended, locationKeys }]);
    return track;
  };

  const trackHour = (track: MonitorTrack, check: Check): MonitorTrack => {
    track.fromMs = Math.min(track.fromMs, check.timeMs);
    track.toMs = Math.max(track.toMs, check.timeMs);
    if (track.mode === 'reroll') return track;
    const hourMs = hourOf(check.timeMs);
    if (hourMs < track.hourMs) return { mode: 'reroll', fromMs: track.fromMs, toMs: track.toMs };
    if (hourMs > track.hourMs) {
      const closed = closeHour(check.monitorId, track);
      if (closed.mode === 'reroll') return closed;
      track.hourMs = hourMs;
      track.hourChecks = [];
      track.base = null;
    }
    track.hourChecks.push(check);
    return track;
  };

  /** What the batch's monitors and locations new to this ingestor start from: one query each. */
  const prefetch = async (checks: readonly Check[]) => {
    const newMonitors = new Set<string>();
    const newLocations = new Map<string, { monitorId: string; location: string }>();
    for (const c of checks) {
      const monitor = monitors.get(c.monitorId);
      if (!monitor) continue;
      if (!hours.has(c.monitorId)) newMonitors.add(c.monitorId);
      const key = locationKey(c.monitorId, c.location);
      if (!locations.has(key) && monitorLocations(monitor).includes(c.location))
        newLocations.set(key, { monitorId: c.monitorId, location: c.location });
    }
    const [latest, states] = await Promise.all([
      newMonitors.size > 0 ? store.latestRollups([...newMonitors]) : new Map<string, CheckRollup>(),
      newLocations.size > 0 ? store.getLocationStates([...newLocations.values()]) : [],
    ]);
    return { latest, states: new Map(states.map((row) => [locationKey(row.monitorId, row.location), row])) };
  };

  return {
    async add(checks) {
      const { latest, states } = await prefetch(checks);
      const byLocation = new Map<string, Check[]>();
      for (const check of checks) {
        const monitor = monitors.get(check.monitorId);
        if (!monitor) continue;
        const hourTrack = hours.get(check.monitorId) ?? startHourTrack(check, latest.get(check.monitorId));
        hours.set(check.monitorId, trackHour(hourTrack, check));
        if (!monitorLocations(monitor).includes(check.location)) continue;
        const key = locationKey(check.monitorId, check.location);
        if (!locations.has(key)) locations.set(key, trackLocation(check, monitor, states.get(key)));
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
      const timelines: TimelineUpdate[] = [];
      /** Monitor → its down stretches that only grew in this batch (one per location). */
      const downGrowth = new Map<string, { monitorId: string; fromMs: number; toMs: number }[]>();
      /** Monitor → where the earliest of its up stretches that only grew used to end. */
      const upGrowthFromMs = new Map<string, number>();
      for (const track of locations.values()) {
        if (track.mode === 'refold') {
          rewritten(
            track.monitorId,
            Math.min(
              track.fromMs,
              await refoldLocation(store, track.monitorId, track.location, track.fromMs, track.params),
            ),
          );
          continue;
        }
        const segments = joinSegments([...track.closed, ...tailSegments(track.state, track.params)]).map((s) => ({
          ...s,
          monitorId: track.monitorId,
          location: track.location,
        }));
        const last = track.state.lastCheck!;
        timelines.push({
          fromMs: track.replaceFromMs,
          segments,
          state: {
            monitorId: track.monitorId,
            location: track.location,
            lastCheckMs: last.timeMs,
            stateJson: JSON.stringify(track.state),
          },
        });
        // A confirmation rewrites the timeline back to its run's first failing check (SPEC §2.2),
        // so incidents are reconciled from the earliest rewritten instant.
        // Only the last segment grew (a steady monitor): this location changed no state, so the
        // reconciliation is skipped unless the growth can still move an incident (below).
        if (track.tailBefore && onlyExtends(track.tailBefore, segments)) {
          const before = track.tailBefore[track.tailBefore.length - 1]!;
          const after = segments[segments.length - 1]!;
          if (after.state === 'down') {
            const grown = { monitorId: track.monitorId, fromMs: before.endMs, toMs: after.endMs };
            downGrowth.set(track.monitorId, [...(downGrowth.get(track.monitorId) ?? []), grown]);
          } else {
            upGrowthFromMs.set(
              track.monitorId,
              Math.min(upGrowthFromMs.get(track.monitorId) ?? before.endMs, before.endMs),
            );
          }
          continue;
        }
        rewritten(
          track.monitorId,
          Math.min(
            track.firstMs,
            track.replaceFromMs === Number.MIN_SAFE_INTEGER ? track.firstMs : track.replaceFromMs,
          ),
        );
      }
      // A stretch that only grew fills time that was unknown for this location. That moves an
      // incident in three cases, with no change of state here:
      // - a down stretch growing past the end of a maintenance window opens an incident there (SPEC §2.5);
      // - a down stretch where the service is down only with another timeline down too (down_when
      //   all or N, or a quorum above 1) may open one where the others are down already;
      // - an up stretch where another timeline is known already (a worker catching up, one
      //   location imported after another) may end an incident that only this unknown kept open.
      for (const service of downGrowth.size > 0 ? services : []) {
        const grown = service.monitors.flatMap((m) => downGrowth.get(m.id) ?? []);
        if (grown.length === 0) continue;
        const fromMs = Math.min(...grown.map((g) => g.fromMs));
        const toMs = Math.max(...grown.map((g) => g.toMs));
        if (service.downWhen !== 'any' || service.monitors.some((m) => m.quorum > 1)) {
          rewritten(grown[0]!.monitorId, fromMs);
          continue;
        }
        const windowEnds = (await store.listMaintenance(service.id, fromMs, toMs + 1))
          .map((w) => w.endMs)
          .filter((end) => end > fromMs && end <= toMs);
        if (windowEnds.length > 0) rewritten(grown[0]!.monitorId, Math.min(...windowEnds));
      }
      for (const service of upGrowthFromMs.size > 0 ? services : []) {
        const grown = service.monitors.filter((m) => upGrowthFromMs.has(m.id));
        // With one timeline the service was up where this stretch was: nothing was kept open.
        if (
          grown.length === 0 ||
          (service.monitors.length === 1 && monitorLocations(service.monitors[0]!).length === 1)
        )
          continue;
        const fromMs = Math.min(...grown.map((m) => upGrowthFromMs.get(m.id)!));
        const probeIncidents = (await store.listIncidents(service.id, fromMs, farFutureMs)).filter(
          (i) => i.source === 'probe',
        );
        if (probeIncidents.length > 0) rewritten(grown[0]!.id, fromMs);
      }
      await store.writeTimelines(timelines);
      for (const [monitorId, track] of hours) {
        if (track.mode === 'inline') hours.set(monitorId, closeHour(monitorId, track));
      }
      for (const [monitorId, appends] of pendingAppends) {
        const inline = appends.every((a) => [...a.locationKeys].every((key) => locations.get(key)?.mode === 'inline'));
        const track = hours.get(monitorId)!;
        if (inline && track.mode === 'inline') readyRollups.push(...appends.map((a) => a.rollup));
        else
          hours.set(monitorId, {
            mode: 'reroll',
            fromMs: Math.min(track.fromMs, ...appends.map((a) => a.rollup.hourMs)),
            toMs: track.toMs,
          });
      }
      if (readyRollups.length > 0) await store.upsertRollups(readyRollups.splice(0));
      // After the inline ones: a monitor that fell back rebuilds its hours over whatever was written.
      for (const [monitorId, track] of hours) {
        if (track.mode === 'reroll') await rerollHours(store, monitorId, track.fromMs, track.toMs);
      }
      for (const service of services) {
        const froms = service.monitors
          .map((m) => rewrittenFromMs.get(m.id))
          .filter((t): t is number => t !== undefined);
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
    return (
      a.startMs === b.startMs &&
      a.state === b.state &&
      a.knownAtMs === b.knownAtMs &&
      (last ? a.endMs >= b.endMs : a.endMs === b.endMs)
    );
  });
}
