// SPEC §2.7 incident figures: counts, MTTR and notification delay over the incidents counted in
// a period (README rule 9).
import type { Incident } from './model.ts';
import type { Figures } from './figures-types.ts';
import { median } from './percentiles.ts';

type IncidentFigures = Pick<
  Figures,
  | 'incidentCount'
  | 'longIncidentCount'
  | 'openIncidentCount'
  | 'mttrSeconds'
  | 'notificationDelayMaxSeconds'
  | 'notificationDelayP50Seconds'
  | 'incidentsNotifiedLate'
>;

function spanEndMs(incident: Incident, nowMs: number): number {
  return incident.resolvedAtMs ?? nowMs;
}

/**
 * Incidents started in [from, to), except a probe incident overlapping an outage incident of
 * another source: a person's record outranks a blind probe.
 */
export function countedIncidents(
  incidents: readonly Incident[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): Incident[] {
  const recorded = incidents.filter((i) => i.source !== 'probe' && i.impact === 'outage');
  return incidents
    .filter((i) => i.startedAtMs >= fromMs && i.startedAtMs < toMs)
    .filter(
      (i) =>
        i.source !== 'probe' ||
        !recorded.some((r) => r.startedAtMs < spanEndMs(i, nowMs) && i.startedAtMs < spanEndMs(r, nowMs)),
    )
    .sort((a, b) => a.startedAtMs - b.startedAtMs);
}

export function notificationDelayMs(incident: Incident): number | null {
  if (incident.notifiedAtMs === null) return null;
  return incident.notifiedAtMs - (incident.detectedAtMs ?? incident.startedAtMs);
}

/** Late: notified after the bound, or not notified although the bound has passed. */
export function isNotifiedLate(incident: Incident, boundMs: number, nowMs: number): boolean {
  const delay = notificationDelayMs(incident);
  if (delay !== null) return delay > boundMs;
  return nowMs - (incident.detectedAtMs ?? incident.startedAtMs) > boundMs;
}

export function incidentFigures(
  counted: readonly Incident[],
  options: { nowMs: number; longAfterMs: number; notificationBoundMs: number | null; measured: boolean },
): IncidentFigures {
  const { nowMs } = options;
  const countsKnown = options.measured || counted.length > 0;
  const resolved = counted.filter((i) => i.resolvedAtMs !== null);
  const delays = counted.map(notificationDelayMs).filter((d): d is number => d !== null);
  const bound = options.notificationBoundMs;
  return {
    incidentCount: countsKnown ? counted.length : null,
    longIncidentCount: countsKnown
      ? counted.filter((i) => spanEndMs(i, nowMs) - i.startedAtMs >= options.longAfterMs).length
      : null,
    openIncidentCount: countsKnown ? counted.length - resolved.length : null,
    mttrSeconds:
      resolved.length > 0
        ? resolved.reduce((sum, i) => sum + (i.resolvedAtMs! - i.startedAtMs), 0) / resolved.length / 1000
        : null,
    notificationDelayMaxSeconds: delays.length > 0 ? Math.max(...delays) / 1000 : null,
    notificationDelayP50Seconds: delays.length > 0 ? median(delays)! / 1000 : null,
    incidentsNotifiedLate: bound === null ? null : counted.filter((i) => isNotifiedLate(i, bound, nowMs)).length,
  };
}
