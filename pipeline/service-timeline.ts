// The service state over a stretch, rebuilt from the stored location timelines (kept forever),
// never from raw checks: SPEC §2 rules 3, 4 and 8 over what the location folds recorded.
import { defaultLocation, type ServiceSpec } from '../sla/model.ts';
import type { Segment } from '../sla/segments.ts';
import { monitorTimeline } from '../sla/monitor-state.ts';
import { serviceTimeline } from '../sla/service-state.ts';
import type { Store } from '../db/store.ts';

export function monitorLocations(monitor: ServiceSpec['monitors'][number]): string[] {
  return monitor.locations.length > 0 ? monitor.locations : [defaultLocation];
}

export async function loadServiceTimeline(
  store: Store,
  service: ServiceSpec,
  fromMs: number,
  toMs: number,
): Promise<Segment[]> {
  if (toMs <= fromMs) return [];
  const ids = service.monitors.map((m) => m.id);
  const [stored, firstChecks] = await Promise.all([
    store.listSegments(ids, fromMs, toMs),
    store.firstSegmentStarts(ids),
  ]);
  const byLocation = new Map<string, Segment[]>();
  for (const s of stored) {
    const key = `${s.monitorId}\u0000${s.location}`;
    const segment: Segment =
      s.state === 'down'
        ? { startMs: s.startMs, endMs: s.endMs, state: 'down', knownAtMs: s.knownAtMs! }
        : { startMs: s.startMs, endMs: s.endMs, state: s.state };
    const list = byLocation.get(key);
    if (list) list.push(segment);
    else byLocation.set(key, [segment]);
  }
  const monitors = service.monitors.map((monitor) => {
    const timelines = monitorLocations(monitor).map((l) => byLocation.get(`${monitor.id}\u0000${l}`) ?? []);
    return {
      timeline: monitorTimeline(monitor, timelines, fromMs, toMs),
      firstCheckMs: firstChecks.get(monitor.id) ?? null,
    };
  });
  return serviceTimeline({ downWhen: service.downWhen, historyFromMs: service.historyFromMs, monitors }, fromMs, toMs);
}
