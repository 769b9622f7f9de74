// Every page area. Adding one: a file exporting a PageModule and one line here.
import { Hono } from 'hono';
import type { PageDeps } from './page-deps.ts';
import type { PageModule } from './page-module.ts';
import { overviewPage } from './overview/overview-page.tsx';
import { servicePage } from './service/service-page.tsx';
import { monitorPage } from './monitor/monitor-page.tsx';
import { reportPage } from './report/report-page.tsx';
import { alertsPage } from './comms/alerts-page.tsx';
import { incidentPage } from './comms/incident-page.tsx';
import { maintenancePage } from './comms/maintenance-page.tsx';
import { statusPage } from './comms/status-page.tsx';

export const pageModules: PageModule[] = [
  overviewPage,
  servicePage,
  monitorPage,
  reportPage,
  alertsPage,
  incidentPage,
  maintenancePage,
  statusPage,
];

export function createPageRoutes(deps: PageDeps, modules: readonly PageModule[] = pageModules): Hono {
  const app = new Hono();
  for (const module of modules) module.register(app, deps);
  return app;
}
