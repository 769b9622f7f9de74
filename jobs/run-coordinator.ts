// node-cron's run coordinator over the store (db/job-runs.ts): for a job that every process
// schedules but only one should run per tick (alert evaluation, retention, freezing months),
// node-cron asks before each tick and the first process to claim it runs it.
import type { RunCoordinator } from 'node-cron';
import type { Store } from '../db/store.ts';

/** node-cron's key of a tick: `<task name>:<ISO instant of the tick>`. */
export function parseTickKey(key: string): { task: string; slotMs: number } {
  const colon = key.indexOf(':');
  const slotMs = Date.parse(key.slice(colon + 1));
  if (colon <= 0 || Number.isNaN(slotMs)) throw new Error(`not a node-cron tick key: ${key}`);
  return { task: key.slice(0, colon), slotMs };
}

export function storeRunCoordinator(store: Store, holder: string, clock: { nowMs(): number }): RunCoordinator {
  return {
    async shouldRun(key, ttlMs) {
      const { task, slotMs } = parseTickKey(key);
      const nowMs = clock.nowMs();
      return store.jobRuns.claim({ task, slotMs, holder, nowMs, leaseUntilMs: nowMs + ttlMs });
    },
    async onComplete(key) {
      await store.jobRuns.release(parseTickKey(key).task, holder);
    },
  };
}
