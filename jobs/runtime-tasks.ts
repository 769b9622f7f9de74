// The cron table of one process: what runs when, over the runtime's own steps. Shared tasks run in
// one process per tick (jobs/run-coordinator.ts); the rest run in every process.
import type { Store } from '../db/store.ts';
import type { JobsConfig } from './jobs-config.ts';
import type { CronTask } from './cron-tasks.ts';
import { recordLiveness } from './liveness.ts';
import { runPruneChecks } from './prune-checks.ts';
import { runFreezeMonths } from './freeze-months.ts';

/** What the tasks run: the runtime's steps (jobs/runtime.ts), and what the retention jobs read. */
export interface TaskDeps {
  runtime: {
    scheduler: { tick(): void };
    recorder: { flush(): Promise<void> };
    refreshClaims(): Promise<void>;
    evaluateAlerts(): Promise<number>;
    deliver(): Promise<number>;
  };
  options: {
    store: Store;
    location: string;
    clock: { nowMs(): number };
    log: (level: 'info', message: string) => void;
    /** Take part in drift alerts and delivery (default true). */
    alerting?: boolean;
    /** node-cron expression of the drift-alert evaluation; default every 5 s. */
    alertTick?: string;
  };
  config: () => JobsConfig;
}

export function runtimeTasks(deps: TaskDeps): CronTask[] {
  const alerting = deps.options.alerting ?? true;
  return [...probingTasks(deps), ...(alerting ? alertingTasks(deps) : []), ...retentionTasks(deps)];
}

function probingTasks({ runtime, options }: TaskDeps): CronTask[] {
  const { store, location, clock } = options;
  return [
    { name: 'probe-tick', expression: '* * * * * *', run: () => runtime.scheduler.tick() },
    { name: 'flush-checks', expression: '* * * * * *', run: () => runtime.recorder.flush() },
    {
      name: 'liveness',
      expression: '*/10 * * * * *',
      run: async () => void (await recordLiveness(store, location, clock.nowMs())),
    },
    { name: 'evaluate-claims', expression: '30 * * * * *', run: runtime.refreshClaims },
  ];
}

function alertingTasks({ runtime, options }: TaskDeps): CronTask[] {
  return [
    {
      name: 'evaluate-alerts',
      expression: options.alertTick ?? '*/5 * * * * *',
      run: async () => void (await runtime.evaluateAlerts()),
      shared: { leaseMs: 30_000 },
    },
    // Not shared: every due row is claimed by one sender already (claimDueDeliveries).
    { name: 'deliver-messages', expression: '* * * * * *', run: async () => void (await runtime.deliver()) },
  ];
}

function retentionTasks({ options, config }: TaskDeps): CronTask[] {
  const { store, clock, log } = options;
  return [
    {
      name: 'prune-checks',
      expression: '0 17 * * * *',
      run: async () => {
        const result = await runPruneChecks(store, config().retention, clock.nowMs());
        const cutoff = new Date(result.cutoffMs).toISOString();
        log('info', `pruned ${result.deletedChecks} raw checks older than ${cutoff}`);
      },
      shared: { leaseMs: 600_000 },
    },
    {
      name: 'freeze-months',
      expression: '0 23 * * * *',
      run: async () => {
        const frozen = await runFreezeMonths(
          store,
          config().services.map((s) => s.spec),
          clock.nowMs(),
        );
        if (frozen > 0) log('info', `froze the figures of ${frozen} closed months`);
      },
      shared: { leaseMs: 600_000 },
    },
  ];
}
