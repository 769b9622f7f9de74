// Which monitors one process probes, and where its push monitors stand when it starts: a process
// per probe location (`slawatch worker --location`) shares one store with the others.
import { defaultLocation } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import type { JobsConfig } from './jobs-config.ts';
import type { ProbeScheduler } from './probe-scheduler.ts';
import type { ScheduledMonitor } from './schedule-entries.ts';

/** The monitors this process probes: those listing its location (or none, meaning the server's own). */
export function scheduledMonitors(config: JobsConfig, location: string): ScheduledMonitor[] {
  return config.services.flatMap((s) =>
    s.monitors
      .filter((m) => (m.locations.length === 0 ? location === defaultLocation : m.locations.includes(location)))
      .map((monitor) => ({ serviceId: s.spec.id, monitor })),
  );
}

/** Push monitors resume from their last recorded check rather than from this start. */
export async function seedPushMonitors(
  store: Store,
  config: JobsConfig,
  location: string,
  scheduler: ProbeScheduler,
): Promise<void> {
  const pushes = scheduledMonitors(config, location).filter(({ monitor }) => monitor.type === 'push');
  if (pushes.length === 0) return;
  for (const saved of await store.getLocationStates(
    pushes.map(({ monitor }) => ({ monitorId: monitor.id, location })),
  )) {
    const { lastCheck } = JSON.parse(saved.stateJson) as {
      lastCheck: { timeMs: number; status: 'up' | 'down' } | null;
    };
    if (lastCheck) scheduler.seedPush(saved.monitorId, lastCheck);
  }
}
