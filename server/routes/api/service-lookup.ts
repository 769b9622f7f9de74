// The service or monitor a path names, in the current config; unknown ids are a 404.
import { HTTPException } from 'hono/http-exception';
import type { ServiceConfig, MonitorConfig, SlawatchConfig } from '../../config/types.ts';

export function serviceOr404(config: SlawatchConfig, id: string): ServiceConfig {
  const service = config.services.find((s) => s.spec.id === id);
  if (!service) throw new HTTPException(404, { message: `no service "${id}"` });
  return service;
}

export function monitorOr404(config: SlawatchConfig, id: string): { service: ServiceConfig; monitor: MonitorConfig } {
  for (const service of config.services) {
    const monitor = service.monitors.find((m) => m.id === id);
    if (monitor) return { service, monitor };
  }
  throw new HTTPException(404, { message: `no monitor "${id}"` });
}
