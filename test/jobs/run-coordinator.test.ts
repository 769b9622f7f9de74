// Shared scheduled jobs over real node-cron ticks: two processes (two stores on one database)
// schedule the same task every second; the store's run coordinator gives each tick to one of them,
// and a task that is not shared runs in both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunCoordinator } from 'node-cron';
import { parseTickKey, storeRunCoordinator } from '../../jobs/run-coordinator.ts';
import { startCronTasks, type CronTasks } from '../../jobs/cron-tasks.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

describe('tick keys', () => {
  it("splits node-cron's key at the task name", () => {
    expect(parseTickKey('evaluate-alerts:2026-12-02T01:00:05.000Z')).toEqual({
      task: 'evaluate-alerts',
      slotMs: Date.parse('2026-12-02T01:00:05Z'),
    });
    expect(() => parseTickKey('no-instant')).toThrow(/not a node-cron tick key/);
  });
});

describe.each(testStores.map((f) => [f.title, f] as const))('shared cron tasks on %s', (_title, factory) => {
  let db: TestStore;
  const running: CronTasks[] = [];
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((t) => t.stop()));
    await db?.cleanup();
  });

  it('runs a shared task once per tick across processes and a local one in each', async () => {
    const answers = new Map<string, string[]>();
    const sharedRuns = { p1: 0, p2: 0 };
    const localRuns = { p1: 0, p2: 0 };
    const wins = { p1: 0, p2: 0 };
    for (const [holder, store] of [
      ['p1', db.store],
      ['p2', await db.openAnother()],
    ] as const) {
      const real = storeRunCoordinator(store, holder, { nowMs: () => Date.now() });
      // Records every answer the store gives node-cron, per tick.
      const recording: RunCoordinator = {
        async shouldRun(key, ttlMs) {
          const ok = await real.shouldRun(key, ttlMs);
          answers.set(key, [...(answers.get(key) ?? []), `${holder}:${ok}`]);
          if (ok) wins[holder] += 1;
          return ok;
        },
        onComplete: (key) => real.onComplete!(key),
      };
      running.push(
        startCronTasks(
          [
            {
              name: 'shared-tick',
              expression: '* * * * * *',
              run: () => void (sharedRuns[holder] += 1),
              shared: { leaseMs: 30_000 },
            },
            { name: 'local-tick', expression: '* * * * * *', run: () => void (localRuns[holder] += 1) },
          ],
          (task, error) => {
            throw new Error(`${task}: ${String(error)}`);
          },
          recording,
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await Promise.all(running.splice(0).map((t) => t.stop()));
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(answers.size).toBeGreaterThanOrEqual(2);
    for (const [key, said] of answers)
      expect(
        said.filter((a) => a.endsWith(':true')),
        `${key}: ${said.join(' ')}`,
      ).toHaveLength(1);
    // Each process ran the shared task on the ticks it won (but for a claim that was in flight at
    // the stop), and the local one on every tick.
    for (const holder of ['p1', 'p2'] as const) {
      expect(sharedRuns[holder]).toBeLessThanOrEqual(wins[holder]);
      expect(sharedRuns[holder]).toBeGreaterThanOrEqual(wins[holder] - 1);
    }
    expect(localRuns.p1).toBeGreaterThanOrEqual(2);
    expect(localRuns.p2).toBeGreaterThanOrEqual(2);
  }, 20_000);
});
