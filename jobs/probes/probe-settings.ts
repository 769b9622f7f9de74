// How each monitor type is probed: its settings, as the config produces them (server/config) and
// the probes consume them (jobs/probes). One entry per monitor type: sla/model.ts's
// `monitorTypes` gaining a type without settings here fails to compile.
import type { MonitorSpec, MonitorType } from '../../sla/model.ts';

export type MonitorSettings = MonitorSettingsByType[MonitorType];

/** A monitor as the engine sees it (MonitorSpec) plus how to probe it. */
export type MonitorConfig = MonitorSpec & MonitorSettings;

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
