// The HTTP side of `serve`: the app over the live config, the jobs runtime and the one metrics
// Registry, listening once the address is allowed (server/serve/loopback.ts).
import type { Registry } from 'prom-client';
import type { Hono } from 'hono';
import type { Store } from '../../db/store.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import type { SlawatchConfig } from '../config/types.ts';
import { createApp } from '../app/create-app.ts';
import { pushTargetsOf } from '../routes/push-targets.ts';
import { loadWebAssets } from '../pages/web-assets.ts';
import { createReportCache } from '../pages/report-cache.ts';
import { appSecurity } from './app-security.ts';
import { refuseBeyondLoopbackWithoutAdmin } from './loopback.ts';
import { loadTlsFiles } from './tls-options.ts';
import { listenOn, type Listening } from './listen.ts';
import type { Log } from './logger.ts';

export interface ServeAppDeps {
  store: Store;
  /** The config in force; read per request, so a reload is seen at once. */
  config: () => SlawatchConfig;
  /** The config file, which TLS file paths are relative to; null: the working directory. */
  configPath: string | null;
  runtime: Runtime;
  registry: Registry;
  location: string;
  nowMs: () => number;
  log: Log;
}

export async function serveHttp(deps: ServeAppDeps, http: { host: string; port: number }): Promise<Listening> {
  await refuseBeyondLoopbackWithoutAdmin(deps.store, http.host);
  const tls = await loadTlsFiles(deps.config().security.tls, deps.configPath);
  const app = await createServeApp(deps, tls !== null);
  return listenOn(app.fetch, http.host, http.port, tls);
}

async function createServeApp(deps: ServeAppDeps, tls: boolean): Promise<Hono> {
  const { store, config, runtime, nowMs, log } = deps;
  return createApp({
    registry: deps.registry,
    pushMonitors: () => pushTargetsOf(config()),
    recordPush: (push) => runtime.recordPush(push.monitorId, push),
    reportError: (r) => log('error', `${r.method} ${r.path} failed: ${(r.error as Error)?.message ?? r.error}`),
    comms: {
      store,
      // A ServiceConfig is a CommsService (spec, notifyCustomers, statusPage): no copy per request.
      services: () => config().services,
      nowMs,
      deliver: () => void runtime.deliver().catch((e: Error) => log('error', `delivery failed: ${e.message}`)),
      alertmanager: () => config().alertmanager,
    },
    health: async () => {
      await store.getMeta(`liveness:${deps.location}`);
      return { ok: true, detail: 'store reachable, jobs running' };
    },
    nowMs,
    security: appSecurity(store, config, nowMs, tls),
    pages: { store, config, nowMs, assets: await loadWebAssets(), reports: createReportCache({ store, nowMs }) },
  });
}
