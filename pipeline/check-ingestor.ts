// One code path for every check, live or imported (SPEC §2). Raw checks are stored by the
// caller; the ingestor folds each monitor location's new checks into its timeline as they come
// (pipeline/location-track.ts, from the saved fold state), rolls up hours as they complete
// (pipeline/hour-track.ts), and at the end writes the timelines and reconciles the services' probe
// incidents (pipeline/reconcile-from.ts). Checks that arrive out of order for their location or
// hour (an import into the past) make that location or monitor fall back to rebuilding from the raw
// checks in the store. Use inside one transaction.
import type { Check, MonitorSpec, ServiceSpec } from '../sla/model.ts';
import type { CheckRollup } from '../sla/rollup.ts';
import type { Store, TimelineUpdate } from '../db/store.ts';
import { monitorLocations } from './service-timeline.ts';
import { refoldLocation, rerollHours } from './refold-from-raw.ts';
import { foldInto, locationKey, timelineUpdate, trackLocation, type LocationTrack } from './location-track.ts';
import { settleHours, startHourTrack, trackHour, type HourTrack, type RollupQueue } from './hour-track.ts';
import {
  keepEarliest,
  noteDownGrowth,
  noteInlineChange,
  noteUpGrowth,
  reconcileRewritten,
  type Growth,
  type RewrittenFrom,
} from './reconcile-from.ts';

export interface CheckIngestor {
  /** Takes checks already inserted in the store (in this transaction), in any order. */
  add(checks: readonly Check[]): Promise<void>;
  /** Writes timelines and rollups and reconciles probe incidents. */
  finish(): Promise<void>;
}

/** What one ingestor has taken in so far. */
interface Ingest {
  store: Store;
  services: readonly ServiceSpec[];
  nowMs: number;
  monitors: Map<string, MonitorSpec>;
  locations: Map<string, LocationTrack>;
  hours: Map<string, HourTrack>;
  rollups: RollupQueue;
}

const rollupBatch = 500;

export function createCheckIngestor(store: Store, services: readonly ServiceSpec[], nowMs: number): CheckIngestor {
  const ingest: Ingest = {
    store,
    services,
    nowMs,
    monitors: new Map(services.flatMap((s) => s.monitors.map((m) => [m.id, m] as const))),
    locations: new Map(),
    hours: new Map(),
    rollups: { ready: [], appends: new Map() },
  };
  return { add: (checks) => addChecks(ingest, checks), finish: () => finishIngest(ingest) };
}

/** What the batch's monitors and locations new to this ingestor start from: one query each. */
async function prefetch(ingest: Ingest, checks: readonly Check[]) {
  const newMonitors = new Set<string>();
  const newLocations = new Map<string, { monitorId: string; location: string }>();
  for (const c of checks) {
    const monitor = ingest.monitors.get(c.monitorId);
    if (!monitor) continue;
    if (!ingest.hours.has(c.monitorId)) newMonitors.add(c.monitorId);
    const key = locationKey(c.monitorId, c.location);
    if (!ingest.locations.has(key) && monitorLocations(monitor).includes(c.location))
      newLocations.set(key, { monitorId: c.monitorId, location: c.location });
  }
  const [latest, states] = await Promise.all([
    newMonitors.size > 0 ? ingest.store.latestRollups([...newMonitors]) : new Map<string, CheckRollup>(),
    newLocations.size > 0 ? ingest.store.getLocationStates([...newLocations.values()]) : [],
  ]);
  return { latest, states: new Map(states.map((row) => [locationKey(row.monitorId, row.location), row])) };
}

async function addChecks(ingest: Ingest, checks: readonly Check[]): Promise<void> {
  const { monitors, locations, hours, rollups } = ingest;
  const { latest, states } = await prefetch(ingest, checks);
  const byLocation = new Map<string, Check[]>();
  for (const check of checks) {
    const monitor = monitors.get(check.monitorId);
    if (!monitor) continue;
    const hourTrack = hours.get(check.monitorId) ?? startHourTrack(check, latest.get(check.monitorId));
    hours.set(check.monitorId, trackHour(hourTrack, check, rollups));
    if (!monitorLocations(monitor).includes(check.location)) continue;
    const key = locationKey(check.monitorId, check.location);
    if (!locations.has(key)) locations.set(key, trackLocation(check, monitor, states.get(key)));
    const list = byLocation.get(key);
    if (list) list.push(check);
    else byLocation.set(key, [check]);
  }
  for (const [key, list] of byLocation) locations.set(key, foldInto(locations.get(key)!, list));
  if (rollups.ready.length >= rollupBatch) await ingest.store.upsertRollups(rollups.ready.splice(0));
}

async function finishIngest(ingest: Ingest): Promise<void> {
  const { store, services, locations, hours, rollups } = ingest;
  const rewritten: RewrittenFrom = new Map();
  const growth: Growth = { down: new Map(), upFromMs: new Map() };
  const timelines: TimelineUpdate[] = [];
  for (const track of locations.values()) {
    if (track.mode === 'refold') {
      const refoldedFromMs = await refoldLocation(store, track.monitorId, track.location, track.fromMs, track.params);
      keepEarliest(rewritten, track.monitorId, Math.min(track.fromMs, refoldedFromMs));
      continue;
    }
    const update = timelineUpdate(track);
    timelines.push(update);
    noteInlineChange(track, update.segments, growth, rewritten);
  }
  await noteDownGrowth(store, services, growth.down, rewritten);
  await noteUpGrowth(store, services, growth.upFromMs, rewritten);
  await store.writeTimelines(timelines);
  settleHours(hours, rollups, locations);
  if (rollups.ready.length > 0) await store.upsertRollups(rollups.ready.splice(0));
  // After the inline ones: a monitor that fell back rebuilds its hours over whatever was written.
  for (const [monitorId, track] of hours) {
    if (track.mode === 'reroll') await rerollHours(store, monitorId, track.fromMs, track.toMs);
  }
  await reconcileRewritten(store, services, rewritten, ingest.nowMs);
}
