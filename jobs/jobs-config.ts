// What the jobs need of the config (server/config's SlawatchConfig satisfies it; jobs/ does not
// import server/).
import type { ServiceSpec } from '../sla/model.ts';
import type { MonitorConfig } from './probes/probe-settings.ts';
import type { NotificationConfig } from './notifiers/channel-settings.ts';
import type { AlertSettings } from './alert-job.ts';

export interface JobsConfig {
  /** `notify`: the channel ids of the service's alerts (none when absent). */
  services: readonly { spec: ServiceSpec; monitors: readonly MonitorConfig[]; notify?: readonly string[] }[];
  retention: { checksMs: number };
  notifications?: readonly NotificationConfig[];
  alerts?: AlertSettings;
}

export const defaultAlertSettings: AlertSettings = {
  budgetWindowMs: 30 * 86_400_000,
  tlsExpiryWithinMs: 14 * 86_400_000,
};
