// The domain vocabulary of SPEC §1, as plain data. Times are epoch milliseconds (`…Ms`);
// durations are milliseconds inside the engine and seconds in reports (SPEC §5).

export const checkStatuses = ['up', 'down'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** One probe result (SPEC §1 "Check"). A live probe and an imported row are both this. */
export interface Check {
  monitorId: string;
  location: string;
  timeMs: number;
  status: CheckStatus;
  latencyMs: number | null;
  detail?: string | null;
}

export const incidentImpacts = ['outage', 'partial'] as const;
export type IncidentImpact = (typeof incidentImpacts)[number];
export const incidentSources = ['probe', 'manual', 'import', 'alertmanager'] as const;
export type IncidentSource = (typeof incidentSources)[number];

export interface Incident {
  id?: string;
  serviceId: string;
  startedAtMs: number;
  detectedAtMs: number | null;
  notifiedAtMs: number | null;
  resolvedAtMs: number | null;
  impact: IncidentImpact;
  source: IncidentSource;
  title: string;
  cause?: string | null;
}

export const maintenanceKinds = ['downtime', 'no-downtime'] as const;
export type MaintenanceKind = (typeof maintenanceKinds)[number];

export interface Maintenance {
  id?: string;
  serviceId: string;
  startMs: number;
  endMs: number;
  kind: MaintenanceKind;
  announcedAtMs: number | null;
  title: string;
}

export const claimMetrics = [
  'availability',
  'mttr',
  'incident_count',
  'long_incident_count',
  'notification_delay',
  'maintenance_notice',
  'backup_freshness',
  'latency',
] as const;
export type ClaimMetric = (typeof claimMetrics)[number];

/** Claim periods: calendar periods cut in the service's timezone, or a rolling window ending now. */
export type ClaimPeriod =
  | { kind: 'year' }
  | { kind: 'quarter' }
  | { kind: 'month' }
  | { kind: 'rolling'; lengthMs: number };

export interface Claim {
  id: string;
  sheetRow: number | null;
  metric: ClaimMetric;
  /** `min`: the measured figure must be ≥ bound; `max`: ≤ bound. */
  direction: 'min' | 'max';
  /** Base units: a ratio for availability, milliseconds for durations, a count for counts. */
  bound: number;
  period: ClaimPeriod;
  /** maintenance_notice: which kind of window; omitted = both kinds. */
  kind?: MaintenanceKind;
  /** backup_freshness: the push monitor whose pushes are measured. */
  monitorId?: string;
  /** latency: which percentile (50, 95 or 99). */
  percentile?: 50 | 95 | 99;
  /** Below this coverage ratio the claim is `insufficient_data` (SPEC §3; default 0.99). */
  minCoverage: number;
}

export const monitorTypes = ['http', 'tcp', 'dns', 'tls', 'push', 'prometheus'] as const;
export type MonitorType = (typeof monitorTypes)[number];

/** What the engine needs of a monitor: how its checks are held, confirmed and combined. */
export interface MonitorSpec {
  id: string;
  type: MonitorType;
  /** For push monitors: expect_every + grace. */
  intervalMs: number;
  confirm: number;
  locations: string[];
  quorum: number;
}

export type DownWhen = 'any' | 'all' | number;

/** A weekly window of the service calendar, in the service's timezone. days: 1 = Monday … 7 = Sunday. */
export interface CalendarWindow {
  days: number[];
  startMinute: number;
  endMinute: number;
}

export interface ServiceSpec {
  id: string;
  name: string;
  timezone: string;
  downWhen: DownWhen;
  longAfterMs: number;
  mergeGapMs: number;
  historyFromMs: number | null;
  /** null: 24x7. */
  calendar: CalendarWindow[] | null;
  monitors: MonitorSpec[];
  claims: Claim[];
}

/** The name of the location a monitor without `locations` is probed from (the server's own). */
export const defaultLocation = 'local';
