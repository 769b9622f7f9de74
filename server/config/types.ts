// What the config loader hands to the rest of slawatch: the engine's own types (sla/model.ts)
// for everything the figures depend on, plus what only probes, notifiers and the server need.
// Every duration is in milliseconds and every instant in epoch milliseconds.

import type { Maintenance, MonitorSpec, MonitorType, ServiceSpec } from '../../sla/model.ts';

export interface SlawatchConfig {
  /** The default timezone of every service (IANA name). */
  timezone: string;
  server: { host: string; port: number };
  /** `database.url`; null when the file does not set one (the caller applies DATABASE_URL). */
  databaseUrl: string | null;
  retention: { checksMs: number };
  services: ServiceConfig[];
  notifications: NotificationConfig[];
}

export interface ServiceConfig {
  spec: ServiceSpec;
  /** Channel ids for alerts about this service (SPEC §4). */
  notify: string[];
  /** Channel ids for incident and maintenance notices to customers. */
  notifyCustomers: string[];
  maintenance: Maintenance[];
  /** Same order and ids as `spec.monitors`, with the probe settings. */
  monitors: MonitorConfig[];
}

/** A monitor as the engine sees it (MonitorSpec) plus how to probe it. */
export type MonitorConfig = MonitorSpec & MonitorSettings;

export type MonitorSettings = MonitorSettingsByType[MonitorType];

/** One entry per monitor type; sla/model.ts's `monitorTypes` gaining a type without one here fails to compile. */
export interface MonitorSettingsByType {
  http: HttpMonitorSettings;
  tcp: TcpMonitorSettings;
  dns: DnsMonitorSettings;
  tls: TlsMonitorSettings;
  push: PushMonitorSettings;
  prometheus: PrometheusMonitorSettings;
}

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface HttpMonitorSettings {
  type: 'http';
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | null;
  expect: HttpExpectations;
  /** 0: a redirect response is the final response. */
  maxRedirects: number;
  tlsVerify: boolean;
  timeoutMs: number;
}

/** The probe is up when every expectation that is set holds. */
export interface HttpExpectations {
  /** Accepted status codes; null: any 2xx. */
  status: number[] | null;
  bodyContains: string | null;
  /** JavaScript RegExp source, known to compile. */
  bodyRegex: string | null;
  /** The JSON body's value at `path` equals `equals`; `segments` is `path` parsed (`$.a[0]` → ['a', 0]). */
  json: { path: string; segments: (string | number)[]; equals: JsonScalar } | null;
  maxLatencyMs: number | null;
}

export type JsonScalar = string | number | boolean | null;

export interface TcpMonitorSettings {
  type: 'tcp';
  host: string;
  port: number;
  timeoutMs: number;
}

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'CAA', 'PTR', 'SOA'] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

export interface DnsMonitorSettings {
  type: 'dns';
  name: string;
  recordType: DnsRecordType;
  /** Values that must each be among the answers; null: any non-empty answer. */
  expected: string[] | null;
  /** null: the system resolver. */
  resolver: { host: string; port: number } | null;
  timeoutMs: number;
}

export interface TlsMonitorSettings {
  type: 'tls';
  host: string;
  port: number;
  /** SNI name and the name the certificate must match. */
  servername: string;
  /** Down when the certificate expires in fewer days than this. */
  minDaysLeft: number;
  timeoutMs: number;
}

export interface PushMonitorSettings {
  type: 'push';
  /** The secret in the push URL. */
  token: string;
  expectEveryMs: number;
  graceMs: number;
}

export interface PrometheusMonitorSettings {
  type: 'prometheus';
  /** Base URL of the Prometheus server (the HTTP API is under `/api/v1`). */
  url: string;
  /** PromQL; up while it returns a non-empty result. */
  query: string;
  timeoutMs: number;
}

export const notificationTypes = ['webhook', 'slack', 'email', 'alertmanager'] as const;
export type NotificationType = (typeof notificationTypes)[number];

export type NotificationConfig = NotificationConfigByType[NotificationType];

export interface NotificationConfigByType {
  webhook: ChannelCommon & { type: 'webhook'; url: string; /** HMAC key for signing the body. */ secret: string | null };
  slack: ChannelCommon & { type: 'slack'; url: string };
  email: ChannelCommon & { type: 'email'; to: string[]; from: string | null; smtpUrl: string };
  alertmanager: ChannelCommon & { type: 'alertmanager'; url: string };
}

interface ChannelCommon {
  id: string;
  /** An active alert is sent again at most this often (SPEC §4 `repeat`, default 4h). */
  repeatMs: number;
}

export interface ConfigError {
  /** Where in the file, e.g. `services[0].monitors[1].interval`; '' for the file as a whole. */
  path: string;
  message: string;
  /** 1-based position, for YAML syntax errors. */
  line?: number;
  column?: number;
}

export type ConfigResult = { ok: true; config: SlawatchConfig } | { ok: false; errors: ConfigError[] };
