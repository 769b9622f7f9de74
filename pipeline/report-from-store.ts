// A service's report for a period from the store: timelines, incidents, maintenance and hourly
// rollups — never raw checks — through the same sla/ functions as the in-memory path.
import type { ServiceSpec } from '../sla/model.ts';
import { buildServiceReport, type ReportInput, type ServiceReport } from '../sla/service-report.ts';
import type { ClaimEvaluation } from '../sla/claim-status.ts';
import { longestPushGapMs } from '../sla/backup-freshness.ts';
import { hourMs, hourOf } from '../sla/rollup.ts';
import type { Store } from '../db/store.ts';
import { loadServiceTimeline } from './service-timeline.ts';
import { burnAlertsFiringOf } from './burn-alerts.ts';

export interface ReportRequest {
  service: ServiceSpec;
  fromMs: number;
  toMs: number;
  nowMs: number;
}

export async function computeServiceReport(
  store: Store,
  request: ReportRequest,
): Promise<{ report: ServiceReport; evaluations: ClaimEvaluation[] }> {
  return buildServiceReport(await loadReportInput(store, request));
}

/** Everything the pure report needs for a period, read from the store. */
export async function loadReportInput(store: Store, request: ReportRequest): Promise<ReportInput> {
  const { service, fromMs, toMs, nowMs } = request;
  const endMs = Math.max(fromMs, Math.min(toMs, nowMs));
  const monitorIds = service.monitors.map((m) => m.id);
  const [timeline, incidents, maintenance, rollupSum, burnAlertsFiring] = await Promise.all([
    loadServiceTimeline(store, service, fromMs, endMs),
    // Up to now as well, so a probe incident running past `to` sees a record overlapping it later.
    store.listIncidents(service.id, fromMs, Math.max(toMs, nowMs)),
    store.listMaintenance(service.id, fromMs, toMs),
    store.sumRollups(monitorIds, fromMs, toMs),
    burnAlertsFiringOf(store, service.id, fromMs, toMs, nowMs),
  ]);
  const backupFreshnessSeconds: Record<string, number | null> = {};
  for (const claim of service.claims) {
    if (claim.metric !== 'backup_freshness' || !claim.monitorId) continue;
    const gapMs = await pushGapMs(store, claim.monitorId, fromMs, toMs, endMs);
    backupFreshnessSeconds[claim.monitorId] = gapMs === null ? null : gapMs / 1000;
  }
  return {
    service,
    fromMs,
    toMs,
    nowMs,
    timeline,
    incidents,
    maintenance,
    latencyCounts: rollupSum.latencyCounts,
    backupFreshnessSeconds,
    burnAlertsFiring,
  };
}

async function pushGapMs(
  store: Store,
  monitorId: string,
  fromMs: number,
  toMs: number,
  endMs: number,
): Promise<number | null> {
  const firstHourMs = hourOf(fromMs) < fromMs ? hourOf(fromMs) + hourMs : fromMs;
  const [rollups, lastUpBeforeMs] = await Promise.all([
    store.listRollups([monitorId], fromMs, toMs),
    store.lastUpBefore(monitorId, firstHourMs),
  ]);
  return longestPushGapMs(rollups, lastUpBeforeMs, endMs);
}
