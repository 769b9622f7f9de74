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

/** A duration in ms as a short human string: 42 min, 4 h, 1 d 2 h, 30 s. */
export function formatDurationMs(ms: number, lang: 'en' | 'ja'): string {
  const units: [number, string, string][] = [
    [86_400_000, ' d', '日'],
    [3_600_000, ' h', '時間'],
    [60_000, ' min', '分'],
    [1_000, ' s', '秒'],
  ];
  if (ms < 1000) return lang === 'ja' ? `${Math.round(ms)}ミリ秒` : `${Math.round(ms)} ms`;
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [size, en, ja] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(`${n}${lang === 'ja' ? ja : en}`);
      rest -= n * size;
    }
  }
  return parts.join(lang === 'ja' ? '' : ' ');
}
