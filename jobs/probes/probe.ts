// A probe is one function per monitor type (STYLE: blackbox_exporter's prober map): it gets the
// monitor's settings and a deadline and returns a result. A target's failure is a result, never a
// throw; only a programmer error throws.
import type { MonitorType } from '../../sla/model.ts';
import type { MonitorSettingsByType } from './probe-settings.ts';

export const probeErrorClasses = [
  'timeout',
  'connection_refused',
  'connection_reset',
  'dns_nxdomain',
  'dns_error',
  'dns_answer',
  'tls_error',
  'tls_expired',
  'tls_hostname_mismatch',
  'tls_self_signed',
  'tls_expiring',
  'http_status',
  'http_body',
  'http_json',
  'http_too_many_redirects',
  'http_protocol',
  'too_slow',
  'body_too_large',
  'decompression_error',
  'prometheus_error',
  'prometheus_false',
  'push_overdue',
  'network_error',
] as const;
export type ProbeErrorClass = (typeof probeErrorClasses)[number];

export type ProbeResult =
  | { ok: true; latencyMs: number | null; detail: ProbeDetail }
  | { ok: false; latencyMs: number | null; errorClass: ProbeErrorClass; message: string; detail: ProbeDetail };

/** Facts a probe learned on the way, for /metrics and the monitor page. */
export interface ProbeDetail {
  httpStatus?: number;
  /** Earliest certificate expiry in the chain (epoch ms). */
  certExpiresAtMs?: number;
}

export interface ProbeContext {
  /** Aborted at the deadline (or on shutdown); the probe must stop all I/O and return. */
  signal: AbortSignal;
  /** ms since an arbitrary origin, for measuring latency; tests pass a fake. */
  monotonicMs: () => number;
  /** Wall clock (epoch ms) for a certificate's days to expiry; Date.now when absent. */
  nowMs?: () => number;
  /**
   * An extra CA (PEM) the http, tls and prometheus probes trust besides the system store; tests
   * pass their own CA here. Absent in production: the system store alone decides.
   */
  trustedCaPem?: string;
}

export type Probe<T extends MonitorType> = (
  settings: MonitorSettingsByType[T],
  ctx: ProbeContext,
) => Promise<ProbeResult>;

/** The registry type: one probe per monitor type, so adding a type without its probe does not compile. */
export type ProbeRegistry = { [T in Exclude<MonitorType, 'push'>]: Probe<T> };
