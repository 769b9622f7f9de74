// The composition root of `serve` and `worker`: config, store, the one metrics Registry, the jobs
// runtime and (for serve) the HTTP app on a loopback address. Signals: SIGINT/SIGTERM stop
// gracefully within 10 s; SIGHUP and a change of the config file reload it, keeping the last good
// config when the new one is invalid.
import { watch, type FSWatcher } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { serve as listen, type ServerType } from '@hono/node-server';
import type { Store } from '../../db/store.ts';
import { syncConfigMaintenance } from '../../db/service-maintenance.ts';
import { reconcileProbeIncidents } from '../../db/reconcile-incidents.ts';
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
    if (!isLoopbackHost(host)) throw new Error(`refusing to listen on ${host}: until the console has sign-in, slawatch listens on loopback only (127.0.0.1 or ::1)`);
    const app = createApp({
      registry,
      pushMonitors: () => pushTargetsOf(config),
      recordPush: (push) => runtime.recordPush(push.monitorId, push),
      reportError: (r) => log('error', `${r.method} ${r.path} failed: ${(r.error as Error)?.message ?? r.error}`),
      health: async () => {
        await store.getMeta(`liveness:${location}`);
        return { ok: true, detail: 'store reachable, jobs running' };
      },
      nowMs,
    });
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address() as AddressInfo;
    url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  await runtime.start();
  log('info', `slawatch ${server ? `serving on ${url}` : 'worker'}: ${config.services.length} services, location ${location}`);

  const reload = async (): Promise<boolean> => {
    if (!options.configPath) return false;
    const result = await loadConfigFile(options.configPath, process.env);
    if (!result.ok) {
      log('error', `config reload refused; the last good config keeps running:\n${formatConfigErrors(result.errors, options.configPath)}`);
      return false;
    }
    const kept = new Set(result.config.services.flatMap((svc) => svc.monitors.map((m) => m.id)));
    for (const m of config.services.flatMap((svc) => svc.monitors)) if (!kept.has(m.id)) probeMetrics.forget(m.id);
    config = result.config;
    await store.transaction(async (tx) => {
      for (const service of config.services) {
        if ((await syncConfigMaintenance(tx, service.maintenance)) > 0) {
          await reconcileProbeIncidents(tx, service.spec, Math.min(...service.maintenance.map((w) => w.startMs)), nowMs());
        }
      }
    });
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

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      watcher?.close();
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
