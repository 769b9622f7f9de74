// What the config loader hands to the rest of slawatch: the engine's own types (sla/model.ts)
// for everything the figures depend on, plus what only probes, notifiers and the server need.
// Every duration is in milliseconds and every instant in epoch milliseconds.

import type { Maintenance, ServiceSpec } from '../../sla/model.ts';
import type { MonitorConfig } from '../../jobs/probes/probe-settings.ts';

export * from '../../jobs/probes/probe-settings.ts';

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
