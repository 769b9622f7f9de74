// Numbers as a check sheet shows them. Percentages are truncated, never rounded up: 99.9949 %
// must not read 99.99 % (SPEC §5, check-sheet export).

/** Truncates toward zero at `decimals`, tolerating binary float noise (0.9999 × 100 = 99.99). */
export function truncateDecimals(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const nearest = Math.round(scaled);
  // Within float noise of an exact decimal: take it; otherwise cut.
  const cut = Math.abs(scaled - nearest) < 1e-7 ? nearest : Math.trunc(scaled);
  return cut / scale;
}

/** A ratio as a percentage string with exactly `decimals` decimals, truncated. */
export function formatPercent(ratio: number, decimals: number): string {
  return `${truncateDecimals(ratio * 100, decimals).toFixed(decimals)}%`;
}

/** Decimals a claimed percentage was written with (0.9999 → 2, for "99.99%"). */
export function percentDecimals(ratio: number): number {
  const text = String(truncateDecimals(ratio * 100, 6));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Which way a figure is rounded to the precision it is shown with. */
export type RoundingSide = 'up' | 'down';

/**
 * The side that does not flatter the service (SPEC §5, check-sheet export): up for a figure
 * bounded from above (MTTR, delays, response time), down for one bounded from below (notice). A
 * breached figure rounded so moves away from its bound and never reads as equal to it.
 */
export function unflatteringSide(direction: 'min' | 'max'): RoundingSide {
  return direction === 'max' ? 'up' : 'down';
}

export function otherSide(side: RoundingSide): RoundingSide {
  return side === 'up' ? 'down' : 'up';
}

/** `value` to a whole number of `step`s on `side`; within float noise of a whole number it is that number. */
export function roundToStep(value: number, step: number, side: RoundingSide): number {
  const steps = value / step;
  return (side === 'up' ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9)) * step;
}
