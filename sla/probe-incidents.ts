// SPEC §2.5: incidents from the service state. An incident opens when the state becomes down and
// is resolved at the first up instant; unknown and excluded maintenance inside it do not end it,
// and maintenance never opens one (an overrunning outage opens at the window's end).
import type { Incident } from './model.ts';
import type { Segment } from './segments.ts';
import type { Interval } from './intervals.ts';
import { subtractIntervals } from './intervals.ts';

export interface DerivedIncident {
  startedAtMs: number;
  detectedAtMs: number;
  resolvedAtMs: number | null;
}

/**
 * timeline: the service state (up/down/unknown) over a stretch that begins outside any incident;
 * maintenance: excluded windows (normalised). An incident still down or unknown at the end of the
 * timeline is open.
 */
export function deriveProbeIncidents(
  timeline: readonly Segment[],
  maintenance: readonly Interval[],
  mergeGapMs: number,
): DerivedIncident[] {
  const incidents: DerivedIncident[] = [];
  let open: DerivedIncident | null = null;
  for (const segment of timeline) {
    const outside = subtractIntervals([segment], maintenance);
    if (segment.state === 'down') {
      for (const part of outside) {
        // README rule 5: the down-ness of an instant t is known at max(t, knownAt).
        const knownMs = Math.max(part.startMs, segment.knownAtMs!);
        if (!open) {
          open = { startedAtMs: part.startMs, detectedAtMs: knownMs, resolvedAtMs: null };
          incidents.push(open);
        } else {
          open.detectedAtMs = Math.min(open.detectedAtMs, knownMs);
        }
      }
    } else if (segment.state === 'up' && open && outside.length > 0) {
      open.resolvedAtMs = outside[0]!.startMs;
      open = null;
    }
  }
  return mergeIncidents(incidents, mergeGapMs);
}

/** Two incidents separated by less than merge_gap are one (README rule 7). */
function mergeIncidents(incidents: DerivedIncident[], mergeGapMs: number): DerivedIncident[] {
  const out: DerivedIncident[] = [];
  for (const incident of incidents) {
    const last = out[out.length - 1];
    if (last && last.resolvedAtMs !== null && incident.startedAtMs - last.resolvedAtMs < mergeGapMs) {
      last.resolvedAtMs = incident.resolvedAtMs;
      last.detectedAtMs = Math.min(last.detectedAtMs, incident.detectedAtMs);
    } else {
      out.push({ ...incident });
    }
  }
  return out;
}

export function toProbeIncident(serviceId: string, derived: DerivedIncident): Incident {
  return {
    serviceId,
    startedAtMs: derived.startedAtMs,
    detectedAtMs: derived.detectedAtMs,
    notifiedAtMs: null,
    resolvedAtMs: derived.resolvedAtMs,
    impact: 'outage',
    source: 'probe',
    title: 'Service down (detected by probes)',
  };
}

/** The instants of an incident's span that count as downtime: all but its unknown ones for probes. */
export function incidentDowntime(incident: Incident, unknown: readonly Interval[], endMs: number): Interval[] {
  const span = [{ startMs: incident.startedAtMs, endMs: incident.resolvedAtMs ?? endMs }];
  if (span[0]!.endMs <= span[0]!.startMs) return [];
  return incident.source === 'probe' ? subtractIntervals(span, unknown) : span;
}
