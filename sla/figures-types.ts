// The figures of SPEC §2.7 for one service and period, as the report JSON carries them (SPEC §5).
// A figure with nothing to measure is null, never 0.

export interface Figures {
  plannedSeconds: number;
  downtimeSeconds: number;
  unknownSeconds: number;
  maintenanceSeconds: number;
  availability: number | null;
  availabilityLower: number | null;
  availabilityUpper: number | null;
  coverage: number | null;
  incidentCount: number | null;
  longIncidentCount: number | null;
  openIncidentCount: number | null;
  mttrSeconds: number | null;
  notificationDelayMaxSeconds: number | null;
  notificationDelayP50Seconds: number | null;
  incidentsNotifiedLate: number | null;
  maintenanceCount: number;
  maintenanceNoticeViolations: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
}

/** backup_freshness per push monitor named by a claim, in seconds (null: no push before the end). */
export type BackupFreshness = Record<string, number | null>;
