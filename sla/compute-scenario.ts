// The whole evaluation in memory, from raw records to figures: the naive path. The stored
// pipeline (db/) computes the same timelines incrementally; tests hold the two equal.
import { defaultLocation, type Check, type ServiceSpec } from './model.ts';
import type { Segment } from './segments.ts';
import type { Scenario, ScenarioResult } from './scenario.ts';
import { locationTimeline } from './location-fold.ts';
import { monitorTimeline } from './monitor-state.ts';
import { serviceTimeline } from './service-state.ts';
import { excludedMaintenance } from './maintenance-rules.ts';
import { deriveProbeIncidents, toProbeIncident } from './probe-incidents.ts';
import { computeFigures } from './figures.ts';
import { hourOf, mergeLatencyCounts, rollupChecks, type CheckRollup } from './rollup.ts';
import { longestPushGapMs } from './backup-freshness.ts';

export function computeScenario(s: Scenario): ScenarioResult {
  const { service, nowMs } = s;
  const checks = s.checks.filter((c) => c.timeMs < nowMs);
  // A loop, not Math.min(...): a spread of millions of checks would overflow the stack.
  let startMs = Math.min(s.fromMs, service.historyFromMs ?? s.fromMs);
  for (const c of checks) if (c.timeMs < startMs) startMs = c.timeMs;
  for (const i of s.incidents) if (i.startedAtMs < startMs) startMs = i.startedAtMs;
  const timeline = serviceTimelineFromChecks(service, checks, startMs, nowMs);
  const excluded = excludedMaintenance(s.maintenance, service.claims);
  const probeIncidents = deriveProbeIncidents(timeline, excluded, service.mergeGapMs).map((d) =>
    toProbeIncident(service.id, d),
  );
  const rollups = rollupChecks(checks);
  const inPeriod = (r: CheckRollup) => r.hourMs >= s.fromMs && r.hourMs < s.toMs;
  const latencyCounts = new Map<number, number>();
  for (const r of rollups) if (inPeriod(r)) mergeLatencyCounts(latencyCounts, r.latencyCounts);
  const figures = computeFigures({
    service,
    fromMs: s.fromMs,
    toMs: s.toMs,
    nowMs,
    timeline,
    incidents: [...probeIncidents, ...s.incidents],
    maintenance: s.maintenance,
    latencyCounts,
  });
  const endMs = Math.max(s.fromMs, Math.min(s.toMs, nowMs));
  const backupFreshnessSeconds: Record<string, number | null> = {};
  for (const claim of service.claims) {
    if (claim.metric !== 'backup_freshness' || !claim.monitorId) continue;
    const own = rollups.filter((r) => r.monitorId === claim.monitorId);
    const firstHourMs = hourOf(s.fromMs) < s.fromMs ? hourOf(s.fromMs) + 3_600_000 : s.fromMs;
    const before = checks.filter((c) => c.monitorId === claim.monitorId && c.status === 'up' && c.timeMs < firstHourMs);
    const lastUpBeforeMs = before.reduce<number | null>(
      (max, c) => (max === null || c.timeMs > max ? c.timeMs : max),
      null,
    );
    const gap = longestPushGapMs(own.filter(inPeriod), lastUpBeforeMs, endMs);
    backupFreshnessSeconds[claim.monitorId] = gap === null ? null : gap / 1000;
  }
  return { figures, backupFreshnessSeconds, probeIncidents };
}

/** Rules 1–4 and 8 from raw checks: every location folded, combined by quorum, then by down_when. */
export function serviceTimelineFromChecks(
  service: ServiceSpec,
  checks: readonly Check[],
  fromMs: number,
  toMs: number,
): Segment[] {
  const monitors = service.monitors.map((monitor) => {
    const own = checks.filter((c) => c.monitorId === monitor.id).sort((a, b) => a.timeMs - b.timeMs);
    const locations = monitor.locations.length > 0 ? monitor.locations : [defaultLocation];
    const params = { intervalMs: monitor.intervalMs, confirm: monitor.confirm };
    const timelines = locations.map((location) =>
      locationTimeline(
        own.filter((c) => c.location === location),
        params,
      ),
    );
    const firstCheckMs = own.find((c) => locations.includes(c.location))?.timeMs ?? null;
    return { timeline: monitorTimeline(monitor, timelines, fromMs, toMs), firstCheckMs };
  });
  return serviceTimeline({ downWhen: service.downWhen, historyFromMs: service.historyFromMs, monitors }, fromMs, toMs);
}
