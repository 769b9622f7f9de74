// What the config loader hands to the rest of slawatch: the engine's own types (sla/model.ts)
// for everything the figures depend on, plus what only probes, notifiers and the server need.
// Every duration is in milliseconds and every instant in epoch milliseconds.

import type { Maintenance, ServiceSpec } from '../../sla/model.ts';
import type { MonitorConfig } from '../../jobs/probes/probe-settings.ts';
import type { SecurityConfig } from './security-schema.ts';

export type { SecurityConfig };

export * from '../../jobs/probes/probe-settings.ts';
export * from '../../jobs/notifiers/channel-settings.ts';
import type { NotificationConfig } from '../../jobs/notifiers/channel-settings.ts';

export interface SlawatchConfig {
  /** The default timezone of every service (IANA name). */
  timezone: string;
  server: { host: string; port: number };
  /** `database.url`; null when the file does not set one (the caller applies DATABASE_URL). */
  databaseUrl: string | null;
  retention: { checksMs: number };
  services: ServiceConfig[];
  notifications: NotificationConfig[];
  /** Console security (SPEC §6): `security:` with its defaults. */
  security: SecurityConfig;
  alerts: { budgetWindowMs: number; tlsExpiryWithinMs: number };
  /** The Alertmanager receiver; null: not enabled. */
  alertmanager: { token: string; serviceId: string | null } | null;
}

export interface ServiceConfig {
  spec: ServiceSpec;
  /** Channel ids for alerts about this service (SPEC §4). */
  notify: string[];
  /** Channel ids for incident and maintenance notices to customers. */
  notifyCustomers: string[];
  /** Opt-in public status page. */
  statusPage: boolean;
  maintenance: Maintenance[];
  /** Same order and ids as `spec.monitors`, with the probe settings. */
  monitors: MonitorConfig[];
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
