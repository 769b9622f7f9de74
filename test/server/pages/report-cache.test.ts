// The pages' report cache: fresh answers are reused, stale ones are served at once and recomputed
// in the background one at a time, and a reloaded config (new spec objects) is never answered
// from the old one's entries.
import { describe, expect, it } from 'vitest';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import type { ServiceSpec } from '../../../sla/model.ts';
import type { Store } from '../../../db/store.ts';

function spec(id: string): ServiceSpec {
  return {
    id,
    name: id,
    timezone: 'UTC',
    downWhen: 'any',
    longAfterMs: 86_400_000,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    monitors: [],
    claims: [],
  };
}

function harness() {
  let now = 1_000_000;
  const calls: { service: string; nowMs: number }[] = [];
  const cache = createReportCache({
    store: {} as Store,
    nowMs: () => now,
    freshMs: 30_000,
    compute: async (_store, request) => {
      calls.push({ service: request.service.id, nowMs: request.nowMs });
      return { report: { service: request.service.id, computedAt: request.nowMs } as never, evaluations: [] };
    },
  });
  return { cache, calls, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createReportCache', () => {
  it('computes once for concurrent and fresh requests of one period', async () => {
    const { cache, calls } = harness();
    const shop = spec('shop');
    const [a, b] = await Promise.all([cache.get(shop, 0, 10), cache.get(shop, 0, 10)]);
    expect(a).toBe(b);
    await cache.get(shop, 0, 10);
    expect(calls).toEqual([{ service: 'shop', nowMs: 1_000_000 }]);
    await cache.get(shop, 0, 20);
    expect(calls).toHaveLength(2);
  });

  it('serves a stale answer at once and recomputes it in the background', async () => {
    const { cache, calls, advance } = harness();
    const shop = spec('shop');
    const first = await cache.get(shop, 0, 10);
    advance(30_000);
    expect(await cache.get(shop, 0, 10)).toBe(first);
    expect(await cache.get(shop, 0, 10)).toBe(first); // queued once, not twice
    await settle();
    expect(calls.map((c) => c.nowMs)).toEqual([1_000_000, 1_030_000]);
    expect((await cache.get(shop, 0, 10)).nowMs).toBe(1_030_000);
  });

  it('answers a reloaded config’s new spec from scratch', async () => {
    const { cache, calls } = harness();
    await cache.get(spec('shop'), 0, 10);
    await cache.get(spec('shop'), 0, 10);
    expect(calls).toHaveLength(2);
  });
});
