// From where an ingest's changes reach each service's probe incidents. A location whose timeline
// changed state is reconciled from the earliest rewritten instant; one whose last stretch only grew
// is skipped, unless that growth can still move an incident (SPEC §2.3–2.5).
import type { ServiceSpec } from '../sla/model.ts';
import type { Segment } from '../sla/segments.ts';
import type { Store } from '../db/store.ts';
import { inlineRewriteFromMs, type InlineTrack } from './location-track.ts';
import { monitorLocations } from './service-timeline.ts';
import { reconcileProbeIncidents } from './reconcile-incidents.ts';

const farFutureMs = 8.64e15;

/** Monitor → the earliest instant one of its timelines was rewritten from in this ingest. */
export type RewrittenFrom = Map<string, number>;

/** Stretches that only grew in this ingest, per monitor. */
export interface Growth {
  /** Monitor → its down stretches that only grew (one per location). */
  down: Map<string, { monitorId: string; fromMs: number; toMs: number }[]>;
  /** Monitor → where the earliest of its up stretches that only grew used to end. */
  upFromMs: Map<string, number>;
}

/** Lowers the instant kept for a monitor to atMs when that is earlier. */
export function keepEarliest(earliest: Map<string, number>, monitorId: string, atMs: number): void {
  earliest.set(monitorId, Math.min(earliest.get(monitorId) ?? atMs, atMs));
}

/** Notes what an inline location's new timeline changed: a rewrite, or only growth of its last stretch. */
export function noteInlineChange(
  track: InlineTrack,
  segments: readonly Segment[],
  growth: Growth,
  rewritten: RewrittenFrom,
): void {
  // A confirmation rewrites the timeline back to its run's first failing check (SPEC §2.2),
  // so incidents are reconciled from the earliest rewritten instant.
  // Only the last segment grew (a steady monitor): this location changed no state, so the
  // reconciliation is skipped unless the growth can still move an incident (below).
  if (!track.tailBefore || !onlyExtends(track.tailBefore, segments)) {
    keepEarliest(rewritten, track.monitorId, inlineRewriteFromMs(track));
    return;
  }
  const before = track.tailBefore[track.tailBefore.length - 1]!;
  const after = segments[segments.length - 1]!;
  if (after.state === 'down') {
    const grown = { monitorId: track.monitorId, fromMs: before.endMs, toMs: after.endMs };
    growth.down.set(track.monitorId, [...(growth.down.get(track.monitorId) ?? []), grown]);
  } else keepEarliest(growth.upFromMs, track.monitorId, before.endMs);
}

// A stretch that only grew fills time that was unknown for this location. That moves an
// incident in three cases, with no change of state here:
// - a down stretch growing past the end of a maintenance window opens an incident there (SPEC §2.5);
// - a down stretch where the service is down only with another timeline down too (down_when
//   all or N, or a quorum above 1) may open one where the others are down already;
// - an up stretch where another timeline is known already (a worker catching up, one
//   location imported after another) may end an incident that only this unknown kept open.

/** The first two cases: down stretches that grew. */
export async function noteDownGrowth(
  store: Store,
  services: readonly ServiceSpec[],
  down: Growth['down'],
  rewritten: RewrittenFrom,
): Promise<void> {
  for (const service of down.size > 0 ? services : []) {
    const grown = service.monitors.flatMap((m) => down.get(m.id) ?? []);
    if (grown.length === 0) continue;
    const fromMs = Math.min(...grown.map((g) => g.fromMs));
    const toMs = Math.max(...grown.map((g) => g.toMs));
    if (service.downWhen !== 'any' || service.monitors.some((m) => m.quorum > 1)) {
      keepEarliest(rewritten, grown[0]!.monitorId, fromMs);
      continue;
    }
    const windowEnds = (await store.listMaintenance(service.id, fromMs, toMs + 1))
      .map((w) => w.endMs)
      .filter((end) => end > fromMs && end <= toMs);
    if (windowEnds.length > 0) keepEarliest(rewritten, grown[0]!.monitorId, Math.min(...windowEnds));
  }
}

/** The third case: up stretches that grew while the service has a probe incident from there on. */
export async function noteUpGrowth(
  store: Store,
  services: readonly ServiceSpec[],
  upFromMs: Growth['upFromMs'],
  rewritten: RewrittenFrom,
): Promise<void> {
  for (const service of upFromMs.size > 0 ? services : []) {
    const grown = service.monitors.filter((m) => upFromMs.has(m.id));
    // With one timeline the service was up where this stretch was: nothing was kept open.
    if (grown.length === 0 || (service.monitors.length === 1 && monitorLocations(service.monitors[0]!).length === 1))
      continue;
    const fromMs = Math.min(...grown.map((m) => upFromMs.get(m.id)!));
    const probeIncidents = (await store.listIncidents(service.id, fromMs, farFutureMs)).filter(
      (i) => i.source === 'probe',
    );
    if (probeIncidents.length > 0) keepEarliest(rewritten, grown[0]!.id, fromMs);
  }
}

/** Reconciles each service's probe incidents from the earliest instant any of its monitors was rewritten. */
export async function reconcileRewritten(
  store: Store,
  services: readonly ServiceSpec[],
  rewritten: RewrittenFrom,
  nowMs: number,
): Promise<void> {
  for (const service of services) {
    const froms = service.monitors.map((m) => rewritten.get(m.id)).filter((t): t is number => t !== undefined);
    if (froms.length > 0) await reconcileProbeIncidents(store, service, Math.min(...froms), nowMs);
  }
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
