// The measured figure of each claim metric, in the claim's base units (ms for durations).
// A Record over claimMetrics: adding a metric without its measure does not compile.
import type { Claim, ClaimMetric, Incident, Maintenance } from './model.ts';
import type { BackupFreshness, Figures } from './figures-types.ts';
import { notificationDelayMs } from './incident-figures.ts';
import { noticeLeadMs } from './maintenance-rules.ts';

export interface MeasureContext {
  figures: Figures;
  backupFreshnessSeconds: BackupFreshness;
  /** The incidents counted in the period (README rule 9). */
  counted: readonly Incident[];
  /** Maintenance windows starting in the period. */
  windows: readonly Maintenance[];
  nowMs: number;
}

const secondsToMs = (s: number | null) => (s === null ? null : s * 1000);

export const claimMeasures: Record<ClaimMetric, (claim: Claim, ctx: MeasureContext) => number | null> = {
  availability: (_, { figures }) => figures.availability,
  mttr: (_, { figures }) => secondsToMs(figures.mttrSeconds),
  incident_count: (_, { figures }) => figures.incidentCount,
  long_incident_count: (_, { figures }) => figures.longIncidentCount,
  // The worst delay so far: an incident not yet notified counts once its wait exceeds the bound,
  // so the claim is breached exactly when incidentsNotifiedLate > 0.
  notification_delay: (claim, { counted, nowMs }) => {
    const delays = counted.flatMap((incident) => {
      const delay = notificationDelayMs(incident);
      if (delay !== null) return [delay];
      const waiting = nowMs - (incident.detectedAtMs ?? incident.startedAtMs);
      return waiting > claim.bound ? [waiting] : [];
    });
    return delays.length > 0 ? Math.max(...delays) : null;
  },
  // The shortest notice given; a window never announced had none.
  maintenance_notice: (claim, { windows }) => {
    const leads = windows
      .filter((w) => claim.kind === undefined || w.kind === claim.kind)
      .map((w) => noticeLeadMs(w) ?? 0);
    return leads.length > 0 ? Math.min(...leads) : null;
  },
  backup_freshness: (claim, { backupFreshnessSeconds }) =>
    secondsToMs(claim.monitorId ? (backupFreshnessSeconds[claim.monitorId] ?? null) : null),
  latency: (claim, { figures }) => {
    const p = claim.percentile ?? 95;
    return p === 50 ? figures.latencyP50Ms : p === 99 ? figures.latencyP99Ms : figures.latencyP95Ms;
  },
};
