// The jobs of one process (serve or worker): probing on schedule, recording in batches,
// retention, and keeping claim evaluations fresh. Everything with an effect is passed in.
import { randomUUID } from 'node:crypto';
import type { Store } from '../db/store.ts';
import { defaultAlertSettings, type JobsConfig } from './jobs-config.ts';
import type { ProbeResult } from './probes/probe.ts';
import { createCheckRecorder, type CheckRecorder } from './check-recorder.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import { createProbeScheduler, type ProbeScheduler, type ProbeSchedulerOptions } from './probe-scheduler.ts';
import type { ScheduledMonitor } from './schedule-entries.ts';
import { startCronTasks, type CronTasks } from './cron-tasks.ts';
import { runtimeTasks } from './runtime-tasks.ts';
import { storeRunCoordinator } from './run-coordinator.ts';
import { scheduledMonitors, seedPushMonitors } from './process-monitors.ts';
import { recordLiveness, type LivenessGap } from './liveness.ts';
import { runAlertEvaluation } from './alert-job.ts';
import { runDueDeliveries } from './notifiers/delivery.ts';
import { sendOutgoing } from './notifiers/transports.ts';
import type { Outgoing, SendResult } from './notifiers/notifier.ts';
import { evaluateServicesNow, type ServiceNow } from './services-now.ts';

export interface RuntimeOptions {
  store: Store;
  config: JobsConfig;
  location: string;
  runProbe: ProbeSchedulerOptions['runProbe'];
  clock: { nowMs(): number; monotonicMs(): number };
  maxConcurrentProbes?: number;
  onProbeResult?: (scheduled: ScheduledMonitor, result: ProbeResult) => void;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Take part in evaluating drift alerts and delivering messages (default true; one process is elected per tick). */
  alerting?: boolean;
  /** Names this process to the other processes sharing the store (default a random id). */
  instanceId?: string;
  /** Sends one built message; default the real HTTP and SMTP transports. */
  send?: (outgoing: Outgoing) => Promise<SendResult>;
  /** node-cron expression of the drift-alert evaluation; default every 5 s. */
  alertTick?: string;
  /** First retry delay of a failed delivery (default 30 s). */
  deliveryBackoffMs?: number;
}

export interface Runtime {
  start(): Promise<LivenessGap | null>;
  reload(config: JobsConfig): void;
  recordPush: ProbeScheduler['recordPush'];
  /** The last claim evaluations and open incident counts per service (refreshed every minute and on demand). */
  currentClaims(): ReadonlyMap<string, ServiceNow>;
  refreshClaims(): Promise<void>;
  /** One drift-alert evaluation (every 5 s on schedule); returns how many messages it queued. */
  evaluateAlerts(): Promise<number>;
  /** Sends the due messages of the outbox (every second on schedule). */
  deliver(): Promise<number>;
  flush(): Promise<void>;
  stop(graceMs: number): Promise<void>;
  readonly scheduler: ProbeScheduler;
  readonly recorder: CheckRecorder;
}

/** What one process's jobs hold while it runs. */
interface Jobs {
  options: RuntimeOptions;
  config: JobsConfig;
  instanceId: string;
  scheduler: ProbeScheduler;
  recorder: CheckRecorder;
  claims: Map<string, ServiceNow>;
  /** Monitor → the earliest certificate expiry its last TLS probe saw. */
  certificates: Map<string, number>;
  tasks: CronTasks | null;
  sharedTasks: string[];
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const jobs = createJobs(options);
  const { scheduler, recorder } = jobs;
  const runtime: Runtime = {
    start: () => startJobs(jobs, runtime),
    reload: (next) => reloadJobs(jobs, next),
    recordPush: (monitorId, push) => scheduler.recordPush(monitorId, push),
    currentClaims: () => jobs.claims,
    refreshClaims: () => refreshClaims(jobs),
    evaluateAlerts: () => evaluateAlerts(jobs),
    deliver: () => deliver(jobs),
    flush: () => recorder.flush(),
    stop: (graceMs) => stopJobs(jobs, graceMs),
    scheduler,
    recorder,
  };
  return runtime;
}

/** The recorder, the scheduler that feeds it, and what the jobs keep between runs. */
function createJobs(options: RuntimeOptions): Jobs {
  const { store, clock, log } = options;
  const recorder = createCheckRecorder({
    store,
    services: () => jobs.config.services.map((s) => s.spec),
    nowMs: clock.nowMs,
    onError: (error) => log('error', `writing checks failed: ${(error as Error).message}`),
  });
  const scheduler = createProbeScheduler({
    location: options.location,
    runProbe: options.runProbe,
    recorder,
    limit: createConcurrencyLimit(options.maxConcurrentProbes ?? 256),
    clock,
    onResult: (scheduled, result) => {
      if (result.detail.certExpiresAtMs !== undefined)
        jobs.certificates.set(scheduled.monitor.id, result.detail.certExpiresAtMs);
      options.onProbeResult?.(scheduled, result);
    },
  });
  const jobs: Jobs = {
    options,
    config: options.config,
    instanceId: options.instanceId ?? randomUUID(),
    scheduler,
    recorder,
    claims: new Map(),
    certificates: new Map(),
    tasks: null,
    sharedTasks: [],
  };
  return jobs;
}

/** Says how long this location was not running, then schedules its monitors and starts its cron table. */
async function startJobs(jobs: Jobs, runtime: Runtime): Promise<LivenessGap | null> {
  const { store, location, clock, log } = jobs.options;
  const gap = await recordLiveness(store, location, clock.nowMs());
  if (gap) {
    const from = new Date(gap.fromMs).toISOString();
    const to = new Date(gap.toMs).toISOString();
    log('warn', `slawatch (${location}) was not running from ${from} to ${to}: that time is unknown`);
  }
  jobs.scheduler.setMonitors(scheduledMonitors(jobs.config, location));
  await seedPushMonitors(store, jobs.config, location, jobs.scheduler);
  await refreshClaims(jobs);
  const cronTasks = runtimeTasks({ runtime, options: jobs.options, config: () => jobs.config });
  jobs.sharedTasks = cronTasks.filter((t) => t.shared).map((t) => t.name);
  jobs.tasks = startCronTasks(
    cronTasks,
    (task, error) => log('error', `job ${task} failed: ${(error as Error).message}`),
    storeRunCoordinator(store, jobs.instanceId, clock),
  );
  return gap;
}

function reloadJobs(jobs: Jobs, next: JobsConfig): void {
  jobs.config = next;
  const counts = jobs.scheduler.setMonitors(scheduledMonitors(next, jobs.options.location));
  jobs.options.log(
    'info',
    `config reloaded: ${counts.added} monitors added, ${counts.changed} changed, ${counts.removed} removed`,
  );
}

async function refreshClaims(jobs: Jobs): Promise<void> {
  jobs.claims = await evaluateServicesNow(jobs.options.store, jobs.config.services, jobs.options.clock.nowMs());
}

async function evaluateAlerts(jobs: Jobs): Promise<number> {
  const { config, options } = jobs;
  const result = await runAlertEvaluation({
    store: options.store,
    services: config.services.map((s) => ({ spec: s.spec, notify: s.notify ?? [] })),
    channels: config.notifications ?? [],
    settings: config.alerts ?? defaultAlertSettings,
    nowMs: options.clock.nowMs(),
    claimsOf: (id) => jobs.claims.get(id)?.claims ?? [],
    certificates: jobs.certificates,
  });
  // Send at once rather than on the next delivery tick.
  if (result.sent > 0) await deliver(jobs);
  return result.sent;
}

// Passes may overlap, here or in other processes: each due row goes to one claimer.
function deliver(jobs: Jobs): Promise<number> {
  const { options } = jobs;
  return runDueDeliveries({
    store: options.store,
    channels: () => jobs.config.notifications ?? [],
    send: options.send ?? ((o) => sendOutgoing(o)),
    nowMs: options.clock.nowMs,
    baseBackoffMs: options.deliveryBackoffMs,
    log: options.log,
  });
}

async function stopJobs(jobs: Jobs, graceMs: number): Promise<void> {
  const { store, location, clock } = jobs.options;
  await jobs.tasks?.stop();
  // Hand the shared jobs on at once rather than when this process's leases run out.
  for (const task of jobs.sharedTasks) await store.jobRuns.release(task, jobs.instanceId);
  await jobs.scheduler.stop(graceMs);
  await jobs.recorder.flush();
  await recordLiveness(store, location, clock.nowMs());
}
