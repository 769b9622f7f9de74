// SPEC §4: the burn rates of an availability claim over each window pair, measured exactly as the
// claim is (SPEC §2.7): the error ratio of [now − window, now) is D ÷ (P − U), so unknown time
// neither burns nor spares budget, and a window with nothing measured burns nothing.
import type { Claim, Incident, Maintenance, ServiceSpec } from './model.ts';
import type { Segment } from './segments.ts';
import { computeTimeSets } from './figures.ts';
import { totalMs } from './intervals.ts';
import { burnRate, burnRateWindows, scaledBurnRateWindow, type BurnRateWindow } from './burn-rate-windows.ts';

export interface BurnRateInput {
  service: ServiceSpec;
  nowMs: number;
  /** The service state over at least the longest scaled window before now. */
  timeline: readonly Segment[];
  incidents: readonly Incident[];
  maintenance: readonly Maintenance[];
  budgetWindowMs: number;
}

export interface BurnRatePair {
  window: BurnRateWindow;
  /** Burn rate over the long and the short window; null when nothing was measured there. */
  longBurn: number | null;
  shortBurn: number | null;
  firing: boolean;
}

/** The error ratio D ÷ (P − U) over [fromMs, nowMs), or null when P − U is 0. */
export function errorRatio(input: Omit<BurnRateInput, 'budgetWindowMs'>, fromMs: number): number | null {
  const sets = computeTimeSets({ ...input, fromMs, toMs: input.nowMs });
  const measuredMs = totalMs(sets.planned) - totalMs(sets.unknown);
  return measuredMs > 0 ? totalMs(sets.downtime) / measuredMs : null;
}

/** Every window pair of an availability claim (its bound is the SLO). */
export function computeBurnRates(claim: Claim, input: BurnRateInput): BurnRatePair[] {
  const ratios = new Map<number, number | null>();
  const burnOver = (windowMs: number) => {
    if (!ratios.has(windowMs)) ratios.set(windowMs, errorRatio(input, input.nowMs - windowMs));
    const ratio = ratios.get(windowMs)!;
    return ratio === null ? null : burnRate(ratio, claim.bound);
  };
  return burnRateWindows.map((reference) => {
    const window = scaledBurnRateWindow(reference, input.budgetWindowMs);
    const longBurn = burnOver(window.longWindowMs);
    const shortBurn = burnOver(window.shortWindowMs);
    // A tolerance of a part in 10⁹: 51.84 s of 3,600 s is 14.4 × 0.001 exactly, not a float below it.
    const reaches = (b: number | null) => b !== null && b >= window.factor * (1 - 1e-9);
    return { window, longBurn, shortBurn, firing: reaches(longBurn) && reaches(shortBurn) };
  });
}

/** The longest window any pair reads, for loading the timeline once. */
export function longestBurnWindowMs(budgetWindowMs: number): number {
  return Math.max(...burnRateWindows.map((w) => scaledBurnRateWindow(w, budgetWindowMs).longWindowMs));
}
