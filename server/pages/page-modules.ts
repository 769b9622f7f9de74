// Every page area. Adding one: a file exporting a PageModule and one line here.
import { Hono } from 'hono';
import type { PageDeps } from './page-deps.ts';
import type { PageModule } from './page-module.ts';
import { overviewRoutes } from './overview/overview-route.ts';
import { serviceRoutes } from './service/service-route.ts';
import { monitorRoutes } from './monitor/monitor-route.ts';
import { reportRoutes } from './report/report-route.ts';
import { alertsRoutes } from './comms/alerts-route.ts';
import { incidentRoutes } from './comms/incident-route.ts';
import { maintenanceRoutes } from './comms/maintenance-route.ts';
import { statusRoutes } from './comms/status-route.ts';

export const pageModules: PageModule[] = [
  overviewRoutes,
  serviceRoutes,
  monitorRoutes,
  reportRoutes,
  alertsRoutes,
  incidentRoutes,
  maintenanceRoutes,
  statusRoutes,
];

export function createPageRoutes(deps: PageDeps, modules: readonly PageModule[] = pageModules): Hono {
  const app = new Hono();
  for (const module of modules) module.register(app, deps);
  return app;
}
