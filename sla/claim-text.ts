// A claim's values and result in words, in Japanese and English. Pure, from computed data only.
import type { Claim } from './model.ts';
import type { ClaimStatus } from './claim-status.ts';
import { boundPhrase, countUnit, headingLabel, millisecondsText, statusWords, type Lang } from './claim-words.ts';
import { formatDurationText } from './duration-text.ts';
import { metricTraits, type MetricUnit } from './metric-traits.ts';
import {
  formatPercent,
  otherSide,
  percentDecimals,
  roundToStep,
  unflatteringSide,
  type RoundingSide,
} from './number-format.ts';

/** The availability decimals shown: one more than the claim was written with (truncated, never rounded up). */
export function shownPercentDecimals(claim: Pick<Claim, 'bound'>): number {
  return percentDecimals(claim.bound) + 1;
}

type ValueFormat = (claim: Claim, value: number, lang: Lang, side: RoundingSide | undefined) => string;

const valueFormats: Record<MetricUnit, ValueFormat> = {
  // Truncated whatever the side: a ratio is bounded from below, so truncation is its unflattering side.
  ratio: (claim, value) => formatPercent(value, shownPercentDecimals(claim)),
  count: (_, value, lang) => `${value}${countUnit[lang]}`,
  latency: (_, value, lang, side) => millisecondsText(side ? roundToStep(value, 1, side) : Math.round(value), lang),
  duration: (_, value, lang, side) => formatDurationText(value, lang, side),
};

/**
 * A value of the claim's metric in its base units, for people. Availability is truncated to the
 * claim's decimals + 1; times are rounded to `side` when given, else to the nearest ms and cut.
 */
export function formatClaimValue(claim: Claim, value: number, lang: Lang, side?: RoundingSide): string {
  return valueFormats[metricTraits[claim.metric].unit](claim, value, lang, side);
}

/** An availability bound as the claim wrote it: 0.9999 → "99.99%". */
export function formatClaimedPercent(bound: number): string {
  return formatPercent(bound, percentDecimals(bound));
}

/**
 * The bound as claimed, with its direction ("≥ 99.99%", "42分以内"); availability with the
 * claim's own decimals, anything else as `formatValue` writes it.
 */
export function formatClaimBound(claim: Claim, lang: Lang, formatValue = formatClaimValue): string {
  const value =
    metricTraits[claim.metric].unit === 'ratio'
      ? formatClaimedPercent(claim.bound)
      : formatValue(claim, claim.bound, lang);
  return boundPhrase(claim.direction, value, lang);
}

/**
 * A figure past its bound and the bound, each rounded away from the other (the figure to its
 * unflattering side), so "500.4 ms" reads "501 ms > 500 ms", never "500 ms > 500 ms".
 */
export function breachFigures(claim: Claim, measured: number, lang: Lang): { measured: string; bound: string } {
  const side = unflatteringSide(claim.direction);
  return {
    measured: formatClaimValue(claim, measured, lang, side),
    bound: formatClaimValue(claim, claim.bound, lang, otherSide(side)),
  };
}

const noData: Record<Lang, string> = { ja: 'データなし', en: 'no data' };

export function claimText(claim: Claim, measured: number | null, status: ClaimStatus): Record<Lang, string> {
  const text = (lang: Lang) => {
    const value = measured === null ? noData[lang] : formatClaimValue(claim, measured, lang);
    const label = headingLabel(claim.metric, lang);
    return lang === 'ja'
      ? `${label} ${value}（目標 ${formatClaimBound(claim, 'ja')}）：${statusWords[status].ja}`
      : `${label} ${value} (claim ${formatClaimBound(claim, 'en')}): ${statusWords[status].en}`;
  };
  return { en: text('en'), ja: text('ja') };
}
