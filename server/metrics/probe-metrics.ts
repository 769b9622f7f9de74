// Probe results as gauges named as prometheus/blackbox_exporter names them (SPEC §5 /metrics), so
// dashboards and SLO rules written for blackbox_exporter work unchanged. One series per monitor
// location, labelled service, monitor and location; each probe overwrites the last.
import { Gauge, type Registry } from 'prom-client';
import type { ProbeResult } from '../../jobs/probes/probe.ts';

export interface ProbeMetrics {
  /** Sets the gauges of one monitor location from its latest probe result. */
  observe(service: string, monitor: string, location: string, result: ProbeResult): void;
  /** Drops every series of a monitor (removed from the config): a stale `probe_success` would lie. */
  forget(monitorId: string): void;
}

const labelNames = ['service', 'monitor', 'location'] as const;
type ProbeLabels = Record<(typeof labelNames)[number], string>;

export function createProbeMetrics(registry: Registry): ProbeMetrics {
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames, registers: [registry] });
  const success = gauge('probe_success', 'Whether the latest probe succeeded (1) or failed (0).');
  const duration = gauge('probe_duration_seconds', 'How long the latest probe took, in seconds.');
  const httpStatus = gauge('probe_http_status_code', 'HTTP status code of the latest probe response.');
  const certExpiry = gauge(
    'probe_ssl_earliest_cert_expiry',
    'Earliest expiry of the certificates in the chain of the latest probe, in seconds since the epoch.',
  );
  const all = [success, duration, httpStatus, certExpiry];
  // prom-client removes series by their full label set only, so each monitor's sets are kept.
  const seen = new Map<string, Map<string, ProbeLabels>>();

  return {
    observe(service, monitor, location, result) {
      const labels: ProbeLabels = { service, monitor, location };
      const sets = seen.get(monitor) ?? new Map<string, ProbeLabels>();
      sets.set(JSON.stringify([service, location]), labels);
      seen.set(monitor, sets);

      success.set(labels, result.ok ? 1 : 0);
      // A fact the latest probe did not learn is dropped rather than left at an older probe's value.
      setOrRemove(duration, labels, result.latencyMs === null ? undefined : result.latencyMs / 1000);
      setOrRemove(httpStatus, labels, result.detail.httpStatus);
      const expiryMs = result.detail.certExpiresAtMs;
      setOrRemove(certExpiry, labels, expiryMs === undefined ? undefined : Math.floor(expiryMs / 1000));
    },
    forget(monitorId) {
      for (const labels of seen.get(monitorId)?.values() ?? []) {
        for (const g of all) g.remove(labels);
      }
      seen.delete(monitorId);
    },
  };
}

function setOrRemove(gauge: Gauge<string>, labels: ProbeLabels, value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) gauge.remove(labels);
  else gauge.set(labels, value);
}
