// The ticks of shared scheduled jobs (db/job-runs.ts), on both stores: a tick goes to one holder,
// a live lease of another holder blocks later ticks, a released or expired one does not, and of
// several processes claiming one tick at once exactly one wins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from './test-stores.ts';

const T = Date.parse('2026-12-02T00:00:00Z');
const S = 1000;

describe.each(testStores.map((f) => [f.title, f] as const))('%s job runs', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  const claim = (holder: string, slotMs: number, nowMs: number, task = 'evaluate-alerts') =>
    db.store.jobRuns.claim({ task, slotMs, holder, nowMs, leaseUntilMs: nowMs + 30 * S });

  it('gives each tick to one holder and keeps a live lease from others', async () => {
    expect(await claim('a', T, T)).toBe(true);
    // The same tick again, by anyone: taken.
    expect(await claim('b', T, T + 10)).toBe(false);
    expect(await claim('a', T, T + 10)).toBe(false);
    // Another task is its own row.
    expect(await claim('b', T, T + 10, 'deliver-messages')).toBe(true);
    // a's lease runs until T + 30 s: b cannot take the next tick, a (in order, one run at a time) can.
    expect(await claim('b', T + S, T + S)).toBe(false);
    expect(await claim('a', T + S, T + S)).toBe(true);
    // Released: b takes the next tick at once; the released tick stays taken.
    await db.store.jobRuns.release('evaluate-alerts', 'a');
    expect(await claim('b', T + S, T + S + 10)).toBe(false);
    expect(await claim('b', T + 2 * S, T + 2 * S)).toBe(true);
    // b dies holding it (lease until T + 32 s): a waits until the lease ends, then takes over.
    expect(await claim('a', T + 31 * S, T + 31 * S)).toBe(false);
    expect(await claim('a', T + 32 * S, T + 32 * S)).toBe(true);
    // A release by someone who does not hold it changes nothing.
    await db.store.jobRuns.release('evaluate-alerts', 'b');
    expect(await claim('b', T + 33 * S, T + 33 * S)).toBe(false);
  });

  it('gives a tick to exactly one of several processes claiming it at once', async () => {
    const stores = [db.store, await db.openAnother(), await db.openAnother()];
    for (let k = 0; k < 20; k += 1) {
      const slotMs = T + k * S;
      // Each holder released its run at once, so every tick is open to all three.
      const won = await Promise.all(
        stores.map(async (store, i) => {
          const ok = await store.jobRuns.claim({
            task: 'tick',
            slotMs,
            holder: `p${i}`,
            nowMs: slotMs,
            leaseUntilMs: slotMs + 30 * S,
          });
          if (ok) await store.jobRuns.release('tick', `p${i}`);
          return ok;
        }),
      );
      expect(won.filter(Boolean), `tick ${k}: ${won.join(' ')}`).toHaveLength(1);
    }
  });
});
