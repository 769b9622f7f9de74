// GET /metrics: the app's one Registry in the Prometheus text format (SPEC §5).
import { Hono } from 'hono';
import type { Registry } from 'prom-client';

export function createMetricsRoutes(deps: { registry: Registry }): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const body = await deps.registry.metrics();
    return c.body(body, 200, { 'Content-Type': deps.registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
