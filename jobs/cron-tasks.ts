// node-cron wiring only: named tasks on cron expressions, never overlapping themselves. A shared
// task runs in one process per tick: node-cron asks the run coordinator (jobs/run-coordinator.ts)
// before each tick, so several processes can schedule it.
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';

export interface CronTask {
  name: string;
  /** node-cron expression; six fields for seconds. */
  expression: string;
  run: () => Promise<void> | void;
  /** One process per tick; a process that dies mid-run frees the task after this lease. */
  shared?: { leaseMs: number };
}

export interface CronTasks {
  stop(): Promise<void>;
}

export function startCronTasks(
  tasks: readonly CronTask[],
  onError: (task: string, error: unknown) => void,
  coordinator?: RunCoordinator,
): CronTasks {
  const scheduled: ScheduledTask[] = tasks.map((task) => {
    const shared =
      task.shared && coordinator
        ? { distributed: true, runCoordinator: coordinator, distributedLease: task.shared.leaseMs }
        : {};
    return cron.schedule(
      task.expression,
      async () => {
        try {
          await task.run();
        } catch (error) {
          onError(task.name, error);
        }
      },
      { name: task.name, noOverlap: true, suppressMissedWarning: true, ...shared },
    );
  });
  return {
    async stop() {
      await Promise.all(scheduled.map((t) => t.destroy()));
    },
  };
}
