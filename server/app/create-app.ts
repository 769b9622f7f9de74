// The HTTP app (STYLE: createApp(deps) never listens). The composition root (`serve`) builds the
// deps — the one Registry, the recorder, the config holder — and hands the app to a server;
// tests call `app.request()` with fakes for the clock and the recorder.
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { createHealthRoutes, type HealthStatus } from '../routes/health.ts';
import { createMetricsRoutes } from '../routes/metrics.ts';
import { createPushRoutes, pushPathPrefix, type PushRecord, type PushTarget, type RecordPushResult } from '../routes/push.ts';
import { createErrorHandler, notFound, type ErrorReport } from './http-errors.ts';
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
  /** Unexpected errors (bugs, a failing recorder); default console.error. The client only sees a 500. */
  reportError?: (report: ErrorReport) => void;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  if (deps.logRequest) app.use(requestLog({ log: deps.logRequest }));
  app.route('/', createHealthRoutes({ health: deps.health }));
  app.route('/', createMetricsRoutes({ registry: deps.registry }));
  app.route(
    pushPathPrefix,
    createPushRoutes({ pushMonitors: deps.pushMonitors, recordPush: deps.recordPush, nowMs: deps.nowMs ?? Date.now }),
  );
  app.notFound(notFound);
  app.onError(createErrorHandler(deps.reportError ?? reportToConsole));
  return app;
}

function reportToConsole({ error, method, path }: ErrorReport): void {
  console.error(`slawatch: ${method} ${path} failed:`, error);
}
