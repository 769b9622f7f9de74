// Claim evaluations of a running period (the runtime's for /metrics, the pages', the API's) read burn-rate
// alerts from the store, so a process that the run coordinator did not elect to evaluate alerts
// still shows an availability claim at risk while another process's burn alert fires (SPEC §3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertState } from '../../sla/alert-lifecycle.ts';
import type { Check, ServiceSpec } from '../../sla/model.ts';
import { evaluateCurrentClaims } from '../../pipeline/current-claims.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const T = Date.parse('2026-03-02T00:00:00Z');
const hourMs = 3_600_000;

const service: ServiceSpec = {
  id: 'shop',
  name: 'Shop',
  timezone: 'UTC',
  downWhen: 'any',
  longAfterMs: 86_400_000,
  mergeGapMs: 0,
  historyFromMs: null,
  calendar: null,
  monitors: [{ id: 'web', type: 'http', intervalMs: 10_000, confirm: 1, locations: ['local'], quorum: 1 }],
  claims: [
    {
      id: 'availability',
      sheetRow: null,
      metric: 'availability',
      direction: 'min',
      bound: 0.999,
      period: { kind: 'rolling', lengthMs: hourMs },
      minCoverage: 0.9,
    },
  ],
};

const burn = (over: Partial<AlertState> = {}): AlertState => ({
  key: 'availability_burn_page_1h:availability',
  serviceId: 'shop',
  name: 'availability_burn_page_1h',
  severity: 'page',
  claimId: 'availability',
  summary: 'burning',
  status: 'firing',
  firedAtMs: T,
  resolvedAtMs: null,
  sentAtMs: {},
  acknowledgedAtMs: null,
  acknowledgedBy: null,
  silencedUntilMs: null,
  ...over,
});

describe.each(testStores.map((f) => [f.title, f] as const))('%s current claims', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    // Up every 10 s for the hour before T: the claim meets its bound with the whole budget left.
    const checks: Check[] = [];
    for (let t = T - hourMs; t < T; t += 10_000)
      checks.push({ monitorId: 'web', location: 'local', timeMs: t, status: 'up', latencyMs: 20 });
    await ingestChecks(db.store, [service], checks, T);
  });
  afterEach(() => db?.cleanup());

  const status = async () => {
    const [current] = await evaluateCurrentClaims(db.store, service, T);
    return [current!.evaluation.status, current!.evaluation.reason];
  };

  it('is at risk while a burn-rate alert of the claim fires, whoever evaluated it', async () => {
    expect(await status()).toEqual(['met', 'meets its bound']);
    // Stored by another process; a ticket on the claim that is not a burn alert does not count.
    await (await db.openAnother()).comms.insertAlert(
      burn({ key: 'x', name: 'availability_budget_low', severity: 'ticket' }),
    );
    expect((await status())[0]).toBe('met');
    const id = await (await db.openAnother()).comms.insertAlert(burn());
    expect(await status()).toEqual(['at_risk', 'a burn-rate alert is firing']);
    // The pages and the API go through the same report: a running period is at risk, a past one
    // (the hour before, measured an hour later) is not judged by an alert firing now.
    const running = await computeServiceReport(db.store, { service, fromMs: T - hourMs, toMs: T + hourMs, nowMs: T });
    expect(running.evaluations[0]!.reason).toBe('a burn-rate alert is firing');
    const past = await computeServiceReport(db.store, { service, fromMs: T - hourMs, toMs: T, nowMs: T + 1 });
    expect(past.evaluations[0]!.status).toBe('met');
    await db.store.comms.updateAlert({ ...burn(), id, status: 'resolved', resolvedAtMs: T });
    expect((await status())[0]).toBe('met');
  });
});
