// The retention job keeps checks younger than retention.checks and never a check whose hour has
// no rollup; a report computed before and after pruning is the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPruneChecks } from '../../jobs/prune-checks.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import type { Check, ServiceSpec } from '../../sla/model.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const dayMs = 86_400_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const service: ServiceSpec = {
  id: 'svc',
  name: 'svc',
  timezone: 'UTC',
  downWhen: 'any',
  longAfterMs: dayMs,
  mergeGapMs: 0,
  historyFromMs: null,
  calendar: null,
  monitors: [{ id: 'web', type: 'http', intervalMs: 600_000, confirm: 1, locations: [], quorum: 1 }],
  claims: [],
};

/** One check every 10 min for 40 days; down on day 3 from 00:00 to 01:00 (checks at 00:00…00:50). */
function checks(): Check[] {
  const out: Check[] = [];
  for (let t = t0; t < t0 + 40 * dayMs; t += 600_000) {
    const down = t >= t0 + 3 * dayMs && t < t0 + 3 * dayMs + 3_600_000;
    out.push({
      monitorId: 'web',
      location: 'local',
      timeMs: t,
      status: down ? 'down' : 'up',
      latencyMs: down ? null : 50,
    });
  }
  return out;
}

describe.each(testStores.map((f) => [f.title, f] as const))('retention on %s', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it('deletes exactly the checks older than 35 days and changes no figure', async () => {
    const nowMs = t0 + 40 * dayMs;
    await ingestChecks(db.store, [service], checks(), nowMs);
    const request = { service, fromMs: t0, toMs: t0 + 40 * dayMs, nowMs };
    const before = await computeServiceReport(db.store, request);
    // 144 checks a day; the cutoff is day 5 00:00, so days 0–4 go: 5 × 144 = 720.
    const result = await runPruneChecks(db.store, { checksMs: 35 * dayMs }, nowMs);
    expect(result).toEqual({ cutoffMs: t0 + 5 * dayMs, deletedChecks: 720 });
    expect(await db.store.listMonitorChecks(['web'], t0, t0 + 5 * dayMs)).toEqual([]);
    expect((await db.store.listMonitorChecks(['web'], t0 + 5 * dayMs, nowMs)).length).toBe(35 * 144);
    const after = await computeServiceReport(db.store, request);
    expect(after.report).toEqual(before.report);
    // The hour of downtime on day 3 is still there: D = 3600 s.
    expect(after.report.figures.downtimeSeconds).toBe(3600);
  });
});
