// SPEC §4, after the SRE workbook ("Alerting on SLOs", multiwindow multi-burn-rate alerts): each
// pair alerts when the burn rate over its long window and over its short window are both at
// least its factor. A burn rate is the error ratio divided by the error budget ratio (1 − SLO):
// at burn rate 1 the budget lasts exactly the budget window. The table is the workbook's for a
// 30-day budget window; another budget window keeps each pair's share of the budget (1 h is 1/720
// of 30 d) by scaling the windows, so the factors stay as written. One table, shared by the alert
// evaluator (sla/burn-rates.ts) and the Prometheus rules export, so the two never disagree.

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

export const referenceBudgetWindowMs = 30 * dayMs;

export const burnRateWindows = [
  { name: 'page_1h', severity: 'page', longWindowMs: hourMs, shortWindowMs: 5 * minuteMs, factor: 14.4 },
  { name: 'page_6h', severity: 'page', longWindowMs: 6 * hourMs, shortWindowMs: 30 * minuteMs, factor: 6 },
  { name: 'ticket_1d', severity: 'ticket', longWindowMs: dayMs, shortWindowMs: 2 * hourMs, factor: 3 },
  { name: 'ticket_3d', severity: 'ticket', longWindowMs: 3 * dayMs, shortWindowMs: 6 * hourMs, factor: 1 },
] as const;

export type BurnRateWindow = (typeof burnRateWindows)[number];
export type BurnRateWindowName = BurnRateWindow['name'];

/** A pair's windows for a budget window (ms): scaled so each keeps its share of the budget. */
export function scaledBurnRateWindow(window: BurnRateWindow, budgetWindowMs: number): BurnRateWindow {
  const scale = budgetWindowMs / referenceBudgetWindowMs;
  return { ...window, longWindowMs: window.longWindowMs * scale, shortWindowMs: window.shortWindowMs * scale };
}

/** The share of the whole budget a pair's long window spends at its factor (2 % for 1 h at 14.4). */
export function budgetShareOf(window: BurnRateWindow, budgetWindowMs: number): number {
  return (window.factor * scaledBurnRateWindow(window, budgetWindowMs).longWindowMs) / budgetWindowMs;
}

/**
 * Burn rate of an error ratio against an SLO ratio (0.999): errorRatio ÷ (1 − slo). An SLO of
 * 100 % allows no error: any error burns infinitely fast, none burns at 0.
 */
export function burnRate(errorRatio: number, sloRatio: number): number {
  const allowed = 1 - sloRatio;
  if (allowed <= 0) return errorRatio > 0 ? Infinity : 0;
  return errorRatio / allowed;
}

/** A window length as Prometheus writes it: 5m, 1h, 1d, 3d. */
export function promDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', dayMs],
    ['h', hourMs],
    ['m', minuteMs],
    ['s', 1000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * How long a total outage (error ratio 1 from its start, a window otherwise clean) takes to make a
 * window's burn rate reach `factor`: factor × (1 − slo) × window. 14.4 × 0.001 × 1 h = 51.84 s.
 */
export function totalOutageDetectionMs(factor: number, sloRatio: number, windowMs: number): number {
  return factor * (1 - sloRatio) * windowMs;
}
