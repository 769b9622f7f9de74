// The hourly frozen-months job on every store: closed months are frozen once their incidents are
// resolved; the running month and a month with an open incident are not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFreezeMonths } from '../../jobs/freeze-months.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';
import { service } from '../oracle/build.ts';

const jst = (t: string) => Date.parse(`${t}+09:00`);
const svc = service({ id: 'cloud', timezone: 'Asia/Tokyo', historyFromMs: jst('2026-01-01T00:00:00') });

describe.each(testStores.map((f) => [f.title, f] as const))('freeze-months job on %s', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(async () => db?.cleanup());

  it('freezes the closed months whose incidents are resolved, and nothing twice', async () => {
    await db.store.insertIncidents([
      {
        serviceId: 'cloud',
        startedAtMs: jst('2026-02-10T00:00:00'),
        detectedAtMs: null,
        notifiedAtMs: null,
        resolvedAtMs: jst('2026-02-10T01:00:00'),
        impact: 'outage',
        source: 'manual',
        title: 'resolved',
      },
      {
        serviceId: 'cloud',
        startedAtMs: jst('2026-03-30T00:00:00'),
        detectedAtMs: null,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'manual',
        title: 'still open',
      },
    ]);
    // 2026-04-05 JST: January, February and March have closed; March has an open incident.
    // 2025's months are closed too (12 of them: unknown time before history_from, nothing open).
    expect(await runFreezeMonths(db.store, [svc], jst('2026-04-05T00:00:00'))).toBe(12 + 2);
    const starts = (
      await db.store.listFrozenMonths('cloud', jst('2026-01-01T00:00:00'), jst('2027-01-01T00:00:00'))
    ).map((r) => r.monthStartMs);
    expect(starts).toEqual([jst('2026-01-01T00:00:00'), jst('2026-02-01T00:00:00')]);
    expect(await runFreezeMonths(db.store, [svc], jst('2026-04-05T01:00:00'))).toBe(0);
  });
});
