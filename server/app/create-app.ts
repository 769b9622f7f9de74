// The HTTP app (STYLE: createApp(deps) never listens). The composition root (`serve`) builds the
// deps — the one Registry, the recorder, the config holder — and hands the app to a server;
// tests call `app.request()` with fakes for the clock and the recorder.
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { createHealthRoutes, type HealthStatus } from '../routes/health.ts';
import { createMetricsRoutes } from '../routes/metrics.ts';
import {
  createPushRoutes,
  pushPathPrefix,
  type PushRecord,
  type PushTarget,
  type RecordPushResult,
} from '../routes/push.ts';
import { createAlertmanagerRoutes } from '../routes/alertmanager.ts';
import { createIncidentRoutes } from '../routes/incidents.ts';
import { createMaintenanceRoutes } from '../routes/maintenance.ts';
import { createAlertRoutes, createDeliveryRoutes } from '../routes/alerts.ts';
import { specLookup, type CommsDeps } from '../routes/comms-deps.ts';
import type { PageDeps } from '../pages/page-deps.ts';
import { createPageRoutes } from '../pages/page-modules.ts';
import { assetsPathPrefix } from '../pages/web-assets.ts';
import { createAssetRoutes } from '../pages/asset-routes.ts';
import { apiPathPrefix, createApiRoutes } from '../routes/api/api-modules.ts';
import { createErrorHandler, notFound, type ErrorReport } from './http-errors.ts';
import { securityMiddleware, type SecurityAppDeps } from '../security/http/security-middleware.ts';
import { createSecurityPages } from '../pages/security/security-pages.ts';
import { auditChanges } from '../security/http/audit-changes.ts';
import { auditedEntities } from './audited-entities.ts';
import { requestLog, type RequestLogEntry } from './request-log.ts';

export interface AppDeps {
  /** The app's one Registry; /metrics serves it. */
  registry: Registry;
  /** The push monitors of the current config; read per request, so a reload is seen at once. */
  pushMonitors: () => readonly PushTarget[];
  /** Hands a push to the recorder; may be async. `false`: monitor unknown to it (404); a throw answers 500. */
  recordPush: (push: PushRecord) => RecordPushResult | Promise<RecordPushResult>;
  /** What /healthz reports. */
  health: () => HealthStatus | Promise<HealthStatus>;
  /** The clock for push times; default Date.now. */
  nowMs?: () => number;
  /** An access log line per request (paths redacted); default none. */
  logRequest?: (entry: RequestLogEntry) => void;
  /** Incidents, maintenance, alerts, deliveries and the Alertmanager receiver; absent: those routes are not mounted. */
  comms?: CommsDeps & { alertmanager: () => { token: string; serviceId: string | null } | null };
  /**
   * The dashboard pages, the read-only API under /api/v1 and the web assets: mounted when given
   * (serve gives them; tests of other routes may leave them out).
   */
  pages?: PageDeps;
  /**
   * Accounts, sessions, tokens, CSRF, headers and the allow-list (SPEC §6) in front of every
   * route. Required, so each caller says so: null only in tests of the routes themselves.
   */
  security: SecurityAppDeps | null;
  /** Unexpected errors (bugs, a failing recorder); default console.error. The client only sees a 500. */
  reportError?: (report: ErrorReport) => void;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  if (deps.logRequest) app.use(requestLog({ log: deps.logRequest }));
  if (deps.security)
    app.use(...securityMiddleware(deps.security), auditChanges(deps.security, auditedEntities(deps.security.store)));
  app.route('/', createHealthRoutes({ health: deps.health }));
  app.route('/', createMetricsRoutes({ registry: deps.registry }));
  app.route(
    pushPathPrefix,
    createPushRoutes({ pushMonitors: deps.pushMonitors, recordPush: deps.recordPush, nowMs: deps.nowMs ?? Date.now }),
  );
  if (deps.comms) {
    const comms = deps.comms;
    app.route(
      '/api/v1/alertmanager',
      createAlertmanagerRoutes({
        store: comms.store,
        receiver: comms.alertmanager,
        serviceIds: () => comms.services().map((s) => s.spec.id),
        serviceSpec: specLookup(comms.services),
        nowMs: comms.nowMs,
      }),
    );
    app.route('/api/v1/incidents', createIncidentRoutes(comms));
    app.route('/api/v1/maintenance', createMaintenanceRoutes(comms));
    app.route('/api/v1/alerts', createAlertRoutes(comms));
    app.route('/api/v1/deliveries', createDeliveryRoutes(comms));
  }
  if (deps.pages) {
    app.route(assetsPathPrefix, createAssetRoutes(deps.pages.assets));
    if (deps.security) app.route('/', createSecurityPages({ security: deps.security, pages: deps.pages }));
    app.route(apiPathPrefix, createApiRoutes(deps.pages));
    app.route('/', createPageRoutes(deps.pages));
  }
  app.notFound(notFound);
  app.onError(createErrorHandler(deps.reportError ?? reportToConsole));
  return app;
}

function reportToConsole({ error, method, path }: ErrorReport): void {
  console.error(`slawatch: ${method} ${path} failed:`, error);
}
