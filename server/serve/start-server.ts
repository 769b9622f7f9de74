// The composition root of `serve` and `worker`: config, store, the one metrics Registry, the jobs
// runtime and (for serve) the HTTP app on a loopback address. Signals: SIGINT/SIGTERM stop
// gracefully within 10 s; SIGHUP and a change of the config file reload it, keeping the last good
// config when the new one is invalid.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Store } from '../../db/store.ts';
import { createRuntime, type Runtime } from '../../jobs/runtime.ts';
import { runProbe } from '../../jobs/probes/index.ts';
import { defaultLocation } from '../../sla/model.ts';
import type { SlawatchConfig } from '../config/types.ts';
import { createMetricsRegistry, createProbeMetrics, createClaimMetrics } from '../metrics/index.ts';
import { claimSnapshotsOf } from './claim-snapshots.ts';
import { serveHttp } from './serve-app.ts';
import { closeServer, type Listening } from './listen.ts';
import { reloadConfig, watchConfigFile } from './config-reload.ts';
import { startSecurityRetention } from './security-retention.ts';
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
  const { store, log, configPath } = options;
  const nowMs = options.nowMs ?? Date.now;
  const live = { config: options.config };
  const config = () => live.config;
  const registry = createMetricsRegistry();
  const probeMetrics = createProbeMetrics(registry);
  const location = options.location ?? defaultLocation;
  const runtime = createRuntime({
    store,
    config: live.config,
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
  const listening = options.http
    ? await serveHttp({ store, config, configPath, runtime, registry, location, nowMs, log }, options.http)
    : null;
  await runtime.start();
  const serving = listening ? `serving on ${listening.url}` : 'worker';
  log('info', `slawatch ${serving}: ${live.config.services.length} services, location ${location}`);
  const reload = () => reloadConfig({ configPath, live, store, runtime, probeMetrics, nowMs, log });
  const watcher = configPath ? watchConfigFile(configPath, reload) : null;
  const pruneTimer = await startSecurityRetention(store, config, nowMs, log);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      watcher?.stop();
      clearInterval(pruneTimer);
      await stopRunning(listening, runtime);
      log('info', 'slawatch stopped');
    })());
  return { url: listening?.url ?? null, runtime, stop, reload };
}

/** Stops accepting requests and the jobs together; resolves when both are done. */
async function stopRunning(listening: Listening | null, runtime: Runtime): Promise<void> {
  const closed = listening ? closeServer(listening.server) : Promise.resolve();
  await runtime.stop(shutdownGraceMs);
  await closed;
}
