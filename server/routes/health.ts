// GET /healthz: liveness for a load balancer or an orchestrator. The composition root decides
// what healthy means (store reachable, scheduler ticking); this route only reports it.
import { Hono } from 'hono';

export interface HealthStatus {
  ok: boolean;
  /** A short sentence for a human; no secrets. */
  detail: string;
}

export interface HealthRoutesDeps {
  health: () => HealthStatus | Promise<HealthStatus>;
}

export function createHealthRoutes(deps: HealthRoutesDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    let status: HealthStatus;
    try {
      status = await deps.health();
    } catch {
      // A health check that cannot even run is unhealthy; its error may carry internals, so it stays out.
      status = { ok: false, detail: 'the health check failed' };
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: status.ok, detail: status.detail }, status.ok ? 200 : 503);
  });
  return app;
}
