// The one prom-client Registry of an app instance (STYLE habit 7): created in the composition
// root and passed down; nothing registers in prom-client's global registry, so tests can build
// as many apps as they like side by side.
import { Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsRegistryOptions {
  /** Process metrics (CPU, memory, event loop lag, GC, handles) as prom-client names them. Default true. */
  processMetrics?: boolean;
}

/**
 * prom-client's gauges that end in `_total`, which Prometheus reserves for counters (`promtool
 * check metrics` warns). Each is the sum of the per-type gauge of the same name without the
 * suffix (`sum(nodejs_active_handles)`), so dropping them loses nothing.
 */
export const droppedDefaultMetrics = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
] as const;

export function createMetricsRegistry(options: MetricsRegistryOptions = {}): Registry {
  const registry = new Registry();
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
    for (const name of droppedDefaultMetrics) registry.removeSingleMetric(name);
  }
  return registry;
}
