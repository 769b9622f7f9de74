// The composition root of `serve` and `worker`: config, store, the one metrics Registry, the jobs
// runtime and (for serve) the HTTP app on a loopback address. Signals: SIGINT/SIGTERM stop
// gracefully within 10 s; SIGHUP and a change of the config file reload it, keeping the last good
// config when the new one is invalid.
import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { serve as listen, type ServerType } from '@hono/node-server';
import type { Store } from '../../db/store.ts';
import { syncServicesMaintenance } from '../../pipeline/service-maintenance.ts';
import { createRuntime, type Runtime } from '../../jobs/runtime.ts';
import { runProbe } from '../../jobs/probes/index.ts';
import { defaultLocation } from '../../sla/model.ts';
import { loadConfigFile, formatConfigErrors } from '../config/load-config.ts';
import type { SlawatchConfig } from '../config/types.ts';
import { createApp } from '../app/create-app.ts';
import { createMetricsRegistry, createProbeMetrics, createClaimMetrics } from '../metrics/index.ts';
import { pushTargetsOf } from '../routes/push-targets.ts';
import { claimSnapshotsOf } from './claim-snapshots.ts';
import { isLoopbackHost } from './loopback.ts';
import { loadTlsFiles } from './tls-options.ts';
import { createServer as createHttpsServer } from 'node:https';
import { configChanges } from '../security/config-audit.ts';
import { pruneAudit, recordAudit } from '../security/audit.ts';
import { appSecurity } from './app-security.ts';
import { loadWebAssets } from '../pages/web-assets.ts';
import { createReportCache } from '../pages/report-cache.ts';
import type { Log } from './logger.ts';

export interface StartOptions {
  config: SlawatchConfig;
  /** Watched and reloaded; null: no reload from a file. */
  configPath: string | null;
  store: Store;
  /** null: jobs only (`worker`). */
  http: { host: string; port: number } | null;
  log: Log;
  /** The probe location of this process. */
  location?: string;
  /** Take part in drift alerts and delivery (default true; one process is elected per tick, see jobs/runtime.ts). */
  alerting?: boolean;
  nowMs?: () => number;
}

export interface RunningServer {
  /** The listening URL (serve only). */
  url: string | null;
  runtime: Runtime;
  /** Stops everything; resolves when stopped. Safe to call twice. */
  stop(): Promise<void>;
  reload(): Promise<boolean>;
}

const shutdownGraceMs = 5_000;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { store, log } = options;
  const nowMs = options.nowMs ?? Date.now;
  let config = options.config;
  const registry = createMetricsRegistry();
  const probeMetrics = createProbeMetrics(registry);
  const location = options.location ?? defaultLocation;
  const runtime = createRuntime({
    store,
    config,
    location,
    alerting: options.alerting,
    // Shown as the holder of shared jobs in `job_runs`: which host and process runs them.
    instanceId: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    runProbe,
    clock: { nowMs, monotonicMs: () => performance.now() },
    onProbeResult: (s, result) => probeMetrics.observe(s.serviceId, s.monitor.id, location, result),
    log,
  });
  createClaimMetrics(registry, { collect: async () => claimSnapshotsOf(runtime.currentClaims()) });

  let server: ServerType | null = null;
  let url: string | null = null;
  if (options.http) {
    const { host, port } = options.http;
    // SPEC §6: nothing beyond loopback until someone can sign in as an admin.
    if (!isLoopbackHost(host) && (await store.security.countAdmins()) === 0) {
      throw new Error(
        `refusing to listen on ${host}: no admin account exists yet, so nobody could sign in. ` +
          'Create one with `slawatch user add --username NAME --role admin`, or serve on 127.0.0.1 and open /setup there.',
      );
    }
    const tls = await loadTlsFiles(config.security.tls, options.configPath);
    const app = createApp({
      registry,
      pushMonitors: () => pushTargetsOf(config),
      recordPush: (push) => runtime.recordPush(push.monitorId, push),
      reportError: (r) => log('error', `${r.method} ${r.path} failed: ${(r.error as Error)?.message ?? r.error}`),
      comms: {
        store,
        // A ServiceConfig is a CommsService (spec, notifyCustomers, statusPage): no copy per request.
        services: () => config.services,
        nowMs,
        deliver: () => void runtime.deliver().catch((e: Error) => log('error', `delivery failed: ${e.message}`)),
        alertmanager: () => config.alertmanager,
      },
      health: async () => {
        await store.getMeta(`liveness:${location}`);
        return { ok: true, detail: 'store reachable, jobs running' };
      },
      nowMs,
      security: appSecurity(store, () => config, nowMs, tls !== null),
      pages: {
        store,
        config: () => config,
        nowMs,
        assets: await loadWebAssets(),
        reports: createReportCache({ store, nowMs }),
      },
    });
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = listen(
        {
          fetch: app.fetch,
          hostname: host,
          port,
          ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
        },
        () => resolve(s),
      );
      s.once('error', reject);
    });
    const address = server.address() as AddressInfo;
    url = `${tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  await runtime.start();
  log(
    'info',
    `slawatch ${server ? `serving on ${url}` : 'worker'}: ${config.services.length} services, location ${location}`,
  );

  const reload = async (): Promise<boolean> => {
    if (!options.configPath) return false;
    const result = await loadConfigFile(options.configPath, process.env);
    if (!result.ok) {
      log(
        'error',
        `config reload refused; the last good config keeps running:\n${formatConfigErrors(result.errors, options.configPath)}`,
      );
      return false;
    }
    const kept = new Set(result.config.services.flatMap((svc) => svc.monitors.map((m) => m.id)));
    for (const m of config.services.flatMap((svc) => svc.monitors)) if (!kept.has(m.id)) probeMetrics.forget(m.id);
    const changes = configChanges(config, result.config);
    config = result.config;
    for (const change of changes)
      await recordAudit({ store, nowMs }, { name: 'config-file', address: 'local' }, change);
    await syncServicesMaintenance(store, config.services, nowMs());
    runtime.reload(config);
    return true;
  };

  let watcher: FSWatcher | null = null;
  let reloadTimer: NodeJS.Timeout | null = null;
  if (options.configPath) {
    // Editors write files in several steps: wait for the writes to settle.
    watcher = watch(options.configPath, () => {
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void reload(), 300);
    });
  }

  // The audit log is kept `security.audit_retention` (default one year); expired sessions and old
  // sign-in failures go too. Hourly, like the other retention.
  const pruneSecurity = async () => {
    const now = nowMs();
    const { session, lockout } = config.security;
    await pruneAudit({ store, settings: () => config.security, nowMs });
    await store.security.pruneSessions(now - session.idleTimeoutMs, now - session.absoluteTimeoutMs);
    await store.security.pruneFailures(now - lockout.windowMs);
  };
  const pruneTimer = setInterval(
    () => void pruneSecurity().catch((e) => log('error', `security retention failed: ${(e as Error).message}`)),
    3_600_000,
  );
  pruneTimer.unref();
  await pruneSecurity();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      watcher?.close();
      clearInterval(pruneTimer);
      if (reloadTimer) clearTimeout(reloadTimer);
      const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      // Keep-alive connections would hold close() open.
      (server as { closeAllConnections?: () => void } | null)?.closeAllConnections?.();
      await runtime.stop(shutdownGraceMs);
      await closed;
      log('info', 'slawatch stopped');
    })());

  return { url, runtime, stop, reload };
}
