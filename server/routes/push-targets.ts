// The push monitors the push endpoint accepts, from the loaded config (SPEC §1 push monitors).
import type { SlawatchConfig } from '../config/types.ts';

export interface PushTarget {
  serviceId: string;
  monitorId: string;
  /** The secret in the push URL. Never logged, never returned. */
  token: string;
}

export function pushTargetsOf(config: Pick<SlawatchConfig, 'services'>): PushTarget[] {
  return config.services.flatMap((service) =>
    service.monitors.flatMap((monitor) =>
      monitor.type === 'push' ? [{ serviceId: service.spec.id, monitorId: monitor.id, token: monitor.token }] : [],
    ),
  );
}
