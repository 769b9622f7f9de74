// The validated YAML (snake_case, scalars already in base units) as the engine's types
// (sla/model.ts) and the probe and channel settings of types.ts. Defaults that depend on other
// values (a monitor's timeout and quorum, a service's timezone) are filled in here.

import { toSecurityConfig } from './security-schema.ts';
import {
  defaultLocation,
  type Claim,
  type ClaimMetric,
  type Maintenance,
  type MonitorSpec,
  type MonitorType,
} from '../../sla/model.ts';
import { metricTraits } from '../../sla/metric-traits.ts';
import type { RawClaim } from './claim-schemas.ts';
import { defaultQuorum, defaultTimeoutMs, type RawMonitorOf } from './monitor-schemas.ts';
import type { RawNotificationOf } from './notification-schemas.ts';
import type { RawConfig, RawMaintenance, RawService } from './schema.ts';
import type {
  MonitorConfig,
  MonitorSettingsByType,
  NotificationConfigByType,
  NotificationType,
  ServiceConfig,
  SlawatchConfig,
} from './types.ts';

export function toSlawatchConfig(raw: RawConfig): SlawatchConfig {
  return {
    timezone: raw.timezone,
    server: { host: raw.server.host, port: raw.server.port },
    databaseUrl: raw.database.url ?? null,
    retention: { checksMs: raw.retention.checks },
    services: raw.services.map((service) => toServiceConfig(service, raw.timezone)),
    notifications: raw.notifications.map((channel) => toChannel(channel.type, channel)),
    security: toSecurityConfig(raw.security),
    alerts: { budgetWindowMs: raw.alerts.budget_window, tlsExpiryWithinMs: raw.alerts.tls_expiry_within },
    alertmanager: raw.alertmanager
      ? { token: raw.alertmanager.token, serviceId: raw.alertmanager.service ?? null }
      : null,
  };
}

function toServiceConfig(raw: RawService, defaultTimezone: string): ServiceConfig {
  const monitors: MonitorConfig[] = raw.monitors.map((monitor) => toMonitor(monitor.type, monitor));
  return {
    spec: {
      id: raw.id,
      name: raw.name ?? raw.id,
      timezone: raw.timezone ?? defaultTimezone,
      downWhen: raw.down_when,
      longAfterMs: raw.long_after,
      mergeGapMs: raw.merge_gap,
      historyFromMs: raw.history_from ?? null,
      calendar: raw.calendar ?? null,
      // Only what the engine needs: no URLs or push tokens in the spec that reports may echo.
      monitors: monitors.map(({ id, type, intervalMs, confirm, locations, quorum }) => ({
        id,
        type,
        intervalMs,
        confirm,
        locations,
        quorum,
      })),
      claims: raw.claims.map(toClaim),
    },
    notify: raw.notify,
    notifyCustomers: raw.notify_customers,
    statusPage: raw.status_page,
    maintenance: raw.maintenance.map((window) => toMaintenance(window, raw.id)),
    monitors,
  };
}

interface RawProbed {
  id: string;
  type: MonitorType;
  interval: number;
  timeout?: number | undefined;
  confirm: number;
  locations?: string[] | undefined;
  quorum?: number | undefined;
}

/** The engine's view of a probed monitor (SPEC §2.1–2.3) and its timeout. */
function probed(raw: RawProbed): MonitorSpec & { timeoutMs: number } {
  const locations = raw.locations ?? [defaultLocation];
  return {
    id: raw.id,
    type: raw.type,
    intervalMs: raw.interval,
    confirm: raw.confirm,
    locations,
    quorum: raw.quorum ?? defaultQuorum(locations.length),
    timeoutMs: raw.timeout ?? defaultTimeoutMs(raw.interval),
  };
}

type MonitorConverters = {
  [T in MonitorType]: (raw: RawMonitorOf<T>) => MonitorSpec & MonitorSettingsByType[T];
};

const monitorConverters: MonitorConverters = {
  http: (raw) => ({
    ...probed(raw),
    type: 'http',
    url: raw.url,
    method: raw.method,
    headers: raw.headers,
    body: raw.body ?? null,
    expect: {
      status: raw.expect.status ?? null,
      bodyContains: raw.expect.body_contains ?? null,
      bodyRegex: raw.expect.body_regex ?? null,
      json: raw.expect.json_path ? { ...raw.expect.json_path, equals: raw.expect.equals ?? null } : null,
      maxLatencyMs: raw.expect.max_latency ?? null,
    },
    maxRedirects: raw.max_redirects,
    tlsVerify: raw.tls_verify,
  }),
  tcp: (raw) => ({ ...probed(raw), type: 'tcp', host: raw.host, port: raw.port }),
  dns: (raw) => ({
    ...probed(raw),
    type: 'dns',
    name: raw.name,
    recordType: raw.record_type,
    expected: raw.expected ?? null,
    resolver: raw.resolver ?? null,
  }),
  tls: (raw) => ({
    ...probed(raw),
    type: 'tls',
    host: raw.host,
    port: raw.port,
    servername: raw.servername ?? raw.host,
    minDaysLeft: raw.min_days_left,
  }),
  // A push monitor holds each push for expect_every + grace (README rule 1); it has no locations.
  push: (raw) => ({
    id: raw.id,
    type: 'push',
    intervalMs: raw.expect_every + raw.grace,
    confirm: raw.confirm,
    locations: [defaultLocation],
    quorum: 1,
    token: raw.token,
    expectEveryMs: raw.expect_every,
    graceMs: raw.grace,
  }),
  prometheus: (raw) => ({ ...probed(raw), type: 'prometheus', url: raw.url, query: raw.query }),
};

function toMonitor<T extends MonitorType>(type: T, raw: RawMonitorOf<T>): MonitorSpec & MonitorSettingsByType[T] {
  return monitorConverters[type](raw);
}

type RawClaimOf<M extends ClaimMetric> = Extract<RawClaim, { metric: M }>;

/** What a claim of each metric carries beyond its bound and period. */
const claimExtras: { [M in ClaimMetric]: (raw: RawClaimOf<M>) => Partial<Claim> } = {
  availability: () => ({}),
  mttr: () => ({}),
  incident_count: () => ({}),
  long_incident_count: () => ({}),
  notification_delay: () => ({}),
  maintenance_notice: (raw) => (raw.kind === undefined ? {} : { kind: raw.kind }),
  backup_freshness: (raw) => ({ monitorId: raw.monitor }),
  latency: (raw) => ({ percentile: raw.percentile }),
};

function extrasOf<M extends ClaimMetric>(metric: M, raw: RawClaimOf<M>): Partial<Claim> {
  return claimExtras[metric](raw);
}

function toClaim(raw: RawClaim): Claim {
  const direction = metricTraits[raw.metric].direction;
  const bound = raw[direction];
  if (typeof bound !== 'number') throw new Error(`claim ${raw.id}: ${direction} passed validation without a number`);
  return {
    id: raw.id,
    sheetRow: raw.sheet_row ?? null,
    metric: raw.metric,
    direction,
    bound,
    period: raw.period,
    minCoverage: raw.min_coverage,
    ...extrasOf(raw.metric, raw),
  };
}

function toMaintenance(raw: RawMaintenance, serviceId: string): Maintenance {
  const window: Maintenance = {
    serviceId,
    startMs: raw.start,
    endMs: raw.end,
    kind: raw.kind,
    announcedAtMs: raw.announced_at ?? null,
    title: raw.title,
  };
  if (raw.id !== undefined) window.id = raw.id;
  return window;
}

type ChannelConverters = {
  [T in NotificationType]: (raw: RawNotificationOf<T>) => NotificationConfigByType[T];
};

const channelConverters: ChannelConverters = {
  webhook: (raw) => ({ id: raw.id, type: 'webhook', url: raw.url, secret: raw.secret || null, repeatMs: raw.repeat }),
  slack: (raw) => ({ id: raw.id, type: 'slack', url: raw.url, repeatMs: raw.repeat }),
  email: (raw) => ({
    id: raw.id,
    type: 'email',
    to: raw.to,
    from: raw.from ?? null,
    smtpUrl: raw.smtp,
    repeatMs: raw.repeat,
  }),
  alertmanager: (raw) => ({ id: raw.id, type: 'alertmanager', url: raw.url, repeatMs: raw.repeat }),
};

function toChannel<T extends NotificationType>(type: T, raw: RawNotificationOf<T>): NotificationConfigByType[T] {
  return channelConverters[type](raw);
}
