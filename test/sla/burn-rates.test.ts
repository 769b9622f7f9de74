// SPEC §4 burn-rate alerts against the SRE workbook ("Alerting on SLOs", table 5-8 and the
// detection times of a 100 % error rate): at SLO 99.9 % over 30 d a pair (long window W, factor
// F) reaches F after F × 0.001 × W of total outage, provided its short window reaches F sooner.
import { describe, expect, it } from 'vitest';
import { computeBurnRates } from '../../sla/burn-rates.ts';
import {
  burnRateWindows,
  budgetShareOf,
  referenceBudgetWindowMs,
  totalOutageDetectionMs,
} from '../../sla/burn-rate-windows.ts';
import type { Segment } from '../../sla/segments.ts';
import { at, claim, incident, monitor, service } from '../oracle/build.ts';

const dayMs = 86_400_000;
const availability = claim('availability', 0.999);
const svc = service({ monitors: [monitor('web')], claims: [availability] });

/** Up for 4 days before `outageS`, then a total outage (a probe incident) until now. */
function outageAt(outageS: number, nowS: number, budgetWindowMs = referenceBudgetWindowMs) {
  const timeline: Segment[] = [
    { startMs: at(outageS) - 4 * dayMs, endMs: at(outageS), state: 'up' },
    { startMs: at(outageS), endMs: at(nowS), state: 'down', knownAtMs: at(outageS) },
  ];
  const incidents =
    nowS > outageS ? [{ ...incident(outageS, null, { detectedS: outageS }), source: 'probe' as const }] : [];
  return computeBurnRates(availability, {
    service: svc,
    nowMs: at(nowS),
    timeline,
    incidents,
    maintenance: [],
    budgetWindowMs,
  });
}

const firing = (pairs: ReturnType<typeof outageAt>) => pairs.filter((p) => p.firing).map((p) => p.window.name);

describe('burn-rate windows', () => {
  it.each([
    // 14.4 × 1 h ÷ 30 d = 14.4 / 720 = 2 %; 6 × 6 h ÷ 30 d = 36 / 720 = 5 %;
    // 3 × 1 d ÷ 30 d = 10 %; 1 × 3 d ÷ 30 d = 10 %.
    ['page_1h', 0.02],
    ['page_6h', 0.05],
    ['ticket_1d', 0.1],
    ['ticket_3d', 0.1],
  ])('the %s pair spends %s of a 30-day budget in its long window', (name, share) => {
    const window = burnRateWindows.find((w) => w.name === name)!;
    expect(budgetShareOf(window, referenceBudgetWindowMs)).toBeCloseTo(share, 12);
  });
});

describe('a total outage at 99.9 % over 30 days', () => {
  it.each([
    // 14.4 × 0.001 × 3,600 s = 51.84 s (the short window's 14.4 × 0.001 × 300 s = 4.32 s comes first).
    ['page_1h', 51.84],
    // 6 × 0.001 × 21,600 s = 129.6 s (short: 6 × 0.001 × 1,800 s = 10.8 s).
    ['page_6h', 129.6],
    // 3 × 0.001 × 86,400 s = 259.2 s (short: 3 × 0.001 × 7,200 s = 21.6 s).
    ['ticket_1d', 259.2],
    // 1 × 0.001 × 259,200 s = 259.2 s (short: 1 × 0.001 × 21,600 s = 21.6 s).
    ['ticket_3d', 259.2],
  ])('the %s pair fires after %s s of outage and not 10 ms sooner', (name, seconds) => {
    const outageS = 10_000;
    expect(firing(outageAt(outageS, outageS + seconds - 0.01))).not.toContain(name);
    expect(firing(outageAt(outageS, outageS + seconds))).toContain(name);
  });

  it('the formula gives the workbook figures', () => {
    expect(totalOutageDetectionMs(14.4, 0.999, 3_600_000)).toBeCloseTo(51_840, 6);
    expect(totalOutageDetectionMs(6, 0.999, 6 * 3_600_000)).toBeCloseTo(129_600, 6);
  });

  it('no pair fires while the service is up', () => {
    expect(firing(outageAt(10_000, 10_000))).toEqual([]);
  });

  it('burn rates are D ÷ (P − U) ÷ budget: 36 s down in the last hour is 0.01 ÷ 0.001 = 10×', () => {
    const pairs = outageAt(10_000, 10_036);
    const page = pairs.find((p) => p.window.name === 'page_1h')!;
    expect(page.longBurn).toBeCloseTo(10, 9); // 36 / 3600 / 0.001
    expect(page.shortBurn).toBeCloseTo(120, 9); // 36 / 300 / 0.001
    expect(page.firing).toBe(false);
  });

  it('the fast page clears once the outage leaves the 5-minute window, though the hour still burns', () => {
    // 60 s outage from 10,000 s, up again after: at 10,060 + 300 − 4.32 + 0.01 the 5 min window holds
    // 4.31 s of it (< 4.32 s = 14.4 × 0.001 × 300 s); the hour still holds 60 s (16.7×).
    const outageS = 10_000;
    const nowS = outageS + 60 + 300 - 4.31;
    const timeline: Segment[] = [
      { startMs: at(outageS) - 4 * dayMs, endMs: at(outageS), state: 'up' },
      { startMs: at(outageS), endMs: at(outageS + 60), state: 'down', knownAtMs: at(outageS) },
      { startMs: at(outageS + 60), endMs: at(nowS), state: 'up' },
    ];
    const incidents = [{ ...incident(outageS, outageS + 60), source: 'probe' as const }];
    const pairs = computeBurnRates(availability, {
      service: svc,
      nowMs: at(nowS),
      timeline,
      incidents,
      maintenance: [],
      budgetWindowMs: referenceBudgetWindowMs,
    });
    const page = pairs.find((p) => p.window.name === 'page_1h')!;
    expect(page.longBurn).toBeCloseTo(60 / 3600 / 0.001, 9);
    expect(page.firing).toBe(false);
  });

  it('unknown time burns nothing: a window with no measurement has no burn rate', () => {
    const pairs = computeBurnRates(availability, {
      service: svc,
      nowMs: at(1000),
      timeline: [],
      incidents: [],
      maintenance: [],
      budgetWindowMs: referenceBudgetWindowMs,
    });
    expect(pairs.every((p) => p.longBurn === null && !p.firing)).toBe(true);
  });
});

describe('another budget window scales the windows, not the factors', () => {
  it('with a 1-day budget the fast page reads 2 min and 10 s and fires after 14.4 × 0.001 × 120 s = 1.728 s', () => {
    expect(firing(outageAt(10_000, 10_001.72, dayMs))).not.toContain('page_1h');
    expect(firing(outageAt(10_000, 10_001.728, dayMs))).toContain('page_1h');
  });
});
