// node-cron wiring only: named tasks on cron expressions, never overlapping themselves. Passing a
// run coordinator (node-cron 4) lets several worker processes elect who runs each tick.
import cron, { type ScheduledTask } from 'node-cron';

export interface CronTask {
  name: string;
  /** node-cron expression; six fields for seconds. */
  expression: string;
  run: () => Promise<void> | void;
}

export interface CronTasks {
  stop(): Promise<void>;
}

export function startCronTasks(tasks: readonly CronTask[], onError: (task: string, error: unknown) => void): CronTasks {
  const scheduled: ScheduledTask[] = tasks.map((task) =>
    cron.schedule(
      task.expression,
      async () => {
        try {
          await task.run();
        } catch (error) {
          onError(task.name, error);
        }
      },
      { name: task.name, noOverlap: true, suppressMissedWarning: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(scheduled.map((t) => t.destroy()));
    },
  };
}
