// Probe incidents are derived data (SPEC §2.5) but people annotate them (notified_at, title,
// cause), so they are stored and kept in step with the timelines: after new checks or a
// maintenance change, the incidents from a point on are derived again and matched to the stored
// ones, which keep their ids and annotations.
import type { Incident, ServiceSpec } from '../sla/model.ts';
import { excludedMaintenance } from '../sla/maintenance-rules.ts';
import { deriveProbeIncidents, toProbeIncident, type DerivedIncident } from '../sla/probe-incidents.ts';
import type { Store } from '../db/store.ts';
import { loadServiceTimeline } from './service-timeline.ts';

const farFutureMs = 8.64e15;

/** Call on a transaction's tx; it takes the service's lock (see Store.lockServices) if the caller has not. */
export async function reconcileProbeIncidents(
  store: Store,
  service: ServiceSpec,
  changedFromMs: number,
  nowMs: number,
): Promise<void> {
  await store.lockServices([service.id]);
  // Start where no incident is running: before any stored probe incident still running at the change,
  // or one that ended at it (the change may remove its end) or less than merge_gap before it.
  const nearby = (await store.listIncidents(service.id, changedFromMs - service.mergeGapMs - 1, farFutureMs)).filter(
    (i) => i.source === 'probe',
  );
  const fromMs = Math.min(changedFromMs, ...nearby.map((i) => i.startedAtMs));
  const timeline = await loadServiceTimeline(store, service, fromMs, nowMs);
  const windows = await store.listMaintenance(service.id, fromMs, nowMs);
  const derived = deriveProbeIncidents(timeline, excludedMaintenance(windows, service.claims), service.mergeGapMs);
  const stored = nearby.filter((i) => i.startedAtMs >= fromMs).sort((a, b) => a.startedAtMs - b.startedAtMs);
  const { updates, inserts, deletes } = matchIncidents(service.id, stored, derived);
  for (const incident of updates) await store.updateIncident(incident);
  if (deletes.length > 0) await store.deleteIncidents(deletes);
  if (inserts.length > 0) await store.insertIncidents(inserts);
}

/** Pairs each derived incident with the first unused stored one it overlaps; the rest come and go. */
export function matchIncidents(
  serviceId: string,
  stored: readonly Incident[],
  derived: readonly DerivedIncident[],
): { updates: (Incident & { id: string })[]; inserts: Incident[]; deletes: string[] } {
  const used = new Set<string>();
  const updates: (Incident & { id: string })[] = [];
  const inserts: Incident[] = [];
  for (const d of derived) {
    const endMs = d.resolvedAtMs ?? farFutureMs;
    const match = stored.find(
      (s) => !used.has(s.id!) && s.startedAtMs < endMs && d.startedAtMs < (s.resolvedAtMs ?? farFutureMs),
    );
    if (!match) {
      inserts.push(toProbeIncident(serviceId, d));
      continue;
    }
    used.add(match.id!);
    if (
      match.startedAtMs !== d.startedAtMs ||
      match.detectedAtMs !== d.detectedAtMs ||
      match.resolvedAtMs !== d.resolvedAtMs
    ) {
      updates.push({
        ...match,
        id: match.id!,
        startedAtMs: d.startedAtMs,
        detectedAtMs: d.detectedAtMs,
        resolvedAtMs: d.resolvedAtMs,
      });
    }
  }
  const deletes = stored.filter((s) => !used.has(s.id!)).map((s) => s.id!);
  return { updates, inserts, deletes };
}
