// The jobs of one process (serve or worker): probing on schedule, recording in batches,
// retention, and keeping claim evaluations fresh. Everything with an effect is passed in.
import { randomUUID } from 'node:crypto';
import { defaultLocation } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { evaluateCurrentClaims, type CurrentClaim } from '../pipeline/current-claims.ts';
import type { JobsConfig } from './jobs-config.ts';
import type { ProbeResult } from './probes/probe.ts';
import { createCheckRecorder, type CheckRecorder } from './check-recorder.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import {
  createProbeScheduler,
  type ProbeScheduler,
  type ProbeSchedulerOptions,
  type ScheduledMonitor,
} from './probe-scheduler.ts';
import { startCronTasks, type CronTask, type CronTasks } from './cron-tasks.ts';
import { storeRunCoordinator } from './run-coordinator.ts';
import { runPruneChecks } from './prune-checks.ts';
import { runFreezeMonths } from './freeze-months.ts';
import { recordLiveness, type LivenessGap } from './liveness.ts';
import { runAlertEvaluation } from './alert-job.ts';
import { runDueDeliveries } from './notifiers/delivery.ts';
import { sendOutgoing } from './notifiers/transports.ts';
import type { Outgoing, SendResult } from './notifiers/notifier.ts';
import { defaultAlertSettings } from './jobs-config.ts';

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

/** The monitors this process probes: those listing its location (or none, meaning the server's own). */
function scheduledMonitors(config: JobsConfig, location: string): ScheduledMonitor[] {
  return config.services.flatMap((s) =>
    s.monitors
      .filter((m) => (m.locations.length === 0 ? location === defaultLocation : m.locations.includes(location)))
      .map((monitor) => ({ serviceId: s.spec.id, monitor })),
  );
}

/** Push monitors resume from their last recorded check rather than from this start. */
async function seedPushMonitors(
  store: Store,
  config: JobsConfig,
  location: string,
  scheduler: ProbeScheduler,
): Promise<void> {
  const pushes = scheduledMonitors(config, location).filter(({ monitor }) => monitor.type === 'push');
  if (pushes.length === 0) return;
  for (const saved of await store.getLocationStates(
    pushes.map(({ monitor }) => ({ monitorId: monitor.id, location })),
  )) {
    const { lastCheck } = JSON.parse(saved.stateJson) as {
      lastCheck: { timeMs: number; status: 'up' | 'down' } | null;
    };
    if (lastCheck) scheduler.seedPush(saved.monitorId, lastCheck);
  }
}

export interface ServiceNow {
  claims: CurrentClaim[];
  /** Incidents open now, whenever they started. */
  openIncidents: number;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  let config = options.config;
  const { store, clock, log } = options;
  const recorder = createCheckRecorder({
    store,
    services: () => config.services.map((s) => s.spec),
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
        certificates.set(scheduled.monitor.id, result.detail.certExpiresAtMs);
      options.onProbeResult?.(scheduled, result);
    },
  });
  let claims = new Map<string, ServiceNow>();
  const certificates = new Map<string, number>();
  const alerting = options.alerting ?? true;
  const instanceId = options.instanceId ?? randomUUID();
  const evaluateAlerts = async () => {
    const result = await runAlertEvaluation({
      store,
      services: config.services.map((s) => ({ spec: s.spec, notify: s.notify ?? [] })),
      channels: config.notifications ?? [],
      settings: config.alerts ?? defaultAlertSettings,
      nowMs: clock.nowMs(),
      claimsOf: (id) => claims.get(id)?.claims ?? [],
      certificates,
    });
    // Send at once rather than on the next delivery tick.
    if (result.sent > 0) await deliver();
    return result.sent;
  };
  // Passes may overlap, here or in other processes: each due row goes to one claimer.
  const deliver = () =>
    runDueDeliveries({
      store,
      channels: () => config.notifications ?? [],
      send: options.send ?? ((o) => sendOutgoing(o)),
      nowMs: clock.nowMs,
      baseBackoffMs: options.deliveryBackoffMs,
      log,
    });
  let tasks: CronTasks | null = null;
  let sharedTasks: string[] = [];

  const refreshClaims = async () => {
    const next = new Map<string, ServiceNow>();
    const nowMs = clock.nowMs();
    for (const { spec } of config.services) {
      // SQLite answers synchronously, so a chain of awaits never lets timers run: yield between
      // services, or a minute's evaluation of hundreds of services delays every probe due meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      const open = (await store.listIncidents(spec.id, nowMs, nowMs + 1)).filter((i) => i.resolvedAtMs === null).length;
      next.set(spec.id, { claims: await evaluateCurrentClaims(store, spec, nowMs), openIncidents: open });
    }
    claims = next;
  };

  return {
    async start() {
      const gap = await recordLiveness(store, options.location, clock.nowMs());
      if (gap)
        log(
          'warn',
          `slawatch (${options.location}) was not running from ${new Date(gap.fromMs).toISOString()} to ${new Date(gap.toMs).toISOString()}: that time is unknown`,
        );
      scheduler.setMonitors(scheduledMonitors(config, options.location));
      await seedPushMonitors(store, config, options.location, scheduler);
      await refreshClaims();
      const cronTasks: CronTask[] = [
        { name: 'probe-tick', expression: '* * * * * *', run: () => scheduler.tick() },
        { name: 'flush-checks', expression: '* * * * * *', run: () => recorder.flush() },
        {
          name: 'liveness',
          expression: '*/10 * * * * *',
          run: async () => void (await recordLiveness(store, options.location, clock.nowMs())),
        },
        { name: 'evaluate-claims', expression: '30 * * * * *', run: refreshClaims },
        ...(alerting
          ? [
              {
                name: 'evaluate-alerts',
                expression: options.alertTick ?? '*/5 * * * * *',
                run: async () => void (await evaluateAlerts()),
                shared: { leaseMs: 30_000 },
              },
              // Not shared: every due row is claimed by one sender already (claimDueDeliveries).
              { name: 'deliver-messages', expression: '* * * * * *', run: async () => void (await deliver()) },
            ]
          : []),
        {
          name: 'prune-checks',
          expression: '0 17 * * * *',
          run: async () => {
            const result = await runPruneChecks(store, config.retention, clock.nowMs());
            log(
              'info',
              `pruned ${result.deletedChecks} raw checks older than ${new Date(result.cutoffMs).toISOString()}`,
            );
          },
          shared: { leaseMs: 600_000 },
        },
        {
          name: 'freeze-months',
          expression: '0 23 * * * *',
          run: async () => {
            const frozen = await runFreezeMonths(
              store,
              config.services.map((s) => s.spec),
              clock.nowMs(),
            );
            if (frozen > 0) log('info', `froze the figures of ${frozen} closed months`);
          },
          shared: { leaseMs: 600_000 },
        },
      ];
      sharedTasks = cronTasks.filter((t) => t.shared).map((t) => t.name);
      tasks = startCronTasks(
        cronTasks,
        (task, error) => log('error', `job ${task} failed: ${(error as Error).message}`),
        storeRunCoordinator(store, instanceId, clock),
      );
      return gap;
    },
    reload(next) {
      config = next;
      const counts = scheduler.setMonitors(scheduledMonitors(next, options.location));
      log(
        'info',
        `config reloaded: ${counts.added} monitors added, ${counts.changed} changed, ${counts.removed} removed`,
      );
    },
    recordPush: (monitorId, push) => scheduler.recordPush(monitorId, push),
    currentClaims: () => claims,
    refreshClaims,
    evaluateAlerts,
    deliver,
    flush: () => recorder.flush(),
    async stop(graceMs) {
      await tasks?.stop();
      // Hand the shared jobs on at once rather than when this process's leases run out.
      for (const task of sharedTasks) await store.jobRuns.release(task, instanceId);
      await scheduler.stop(graceMs);
      await recorder.flush();
      await recordLiveness(store, options.location, clock.nowMs());
    },
    scheduler,
    recorder,
  };
}
