// Figures as a check sheet writes them, in Japanese or English, and always on the side that does
// not flatter the service: a percentage is truncated (never rounded up) to one decimal more than
// the claim was written with, so 99.9949 % reads 99.994 %, never 99.99 %; a duration bounded from
// above (MTTR, notification delay, backup gap) is rounded UP to the minute, one bounded from below
// (maintenance notice) DOWN. The same rule is stated in the sheet's notes (sheetNotes).
import type { Claim } from '../../sla/model.ts';
import { maintenanceKindWords, timeUnits, unitText, type Lang } from '../../sla/claim-words.ts';
import { formatClaimBound, formatClaimValue } from '../../sla/claim-text.ts';
import { metricTraits } from '../../sla/metric-traits.ts';
import { roundToStep, unflatteringSide } from '../../sla/number-format.ts';

const [, , minute, second] = timeUnits;

/** Whole minutes, rounded toward the unflattering side, as "1時間30分" / "1 hour 30 minutes". */
export function formatSheetDuration(ms: number, lang: Lang, direction: 'min' | 'max'): string {
  const side = unflatteringSide(direction);
  if (ms > 0 && ms < minute.ms) return unitText(roundToStep(ms, second.ms, side) / second.ms, second, lang, true);
  let rest = roundToStep(ms, minute.ms, side);
  if (rest === 0) return unitText(0, minute, lang, true);
  const parts: string[] = [];
  for (const unit of timeUnits.filter((u) => u.ms >= minute.ms)) {
    const n = Math.floor(rest / unit.ms);
    if (n === 0) continue;
    rest -= n * unit.ms;
    parts.push(unitText(n, unit, lang, true));
  }
  return parts.join(lang === 'ja' ? '' : ' ');
}

/**
 * A value of the claim's metric (base units of the engine: ratio, ms, count) as the sheet writes
 * it: durations spelled out in whole minutes, anything else as everywhere, on the unflattering side.
 */
export function formatSheetValue(claim: Claim, value: number, lang: Lang): string {
  return metricTraits[claim.metric].unit === 'duration'
    ? formatSheetDuration(value, lang, claim.direction)
    : formatClaimValue(claim, value, lang, unflatteringSide(claim.direction));
}

/** The claimed bound in words: "99.99%以上", "maintenance with downtime: ≥ 7 days". */
export function formatSheetBound(claim: Claim, lang: Lang): string {
  const bound = formatClaimBound(claim, lang, formatSheetValue);
  if (!claim.kind) return bound;
  const kind = maintenanceKindWords[claim.kind].long[lang];
  return lang === 'ja' ? `${kind}：${bound}` : `${kind}: ${bound}`;
}

export function sheetNotes(
  lang: Lang,
  context: { year: number; timezone: string; frozenMonths: number[]; generatedAt: string },
): string[] {
  const frozen = context.frozenMonths.length > 0 ? context.frozenMonths.join(', ') : lang === 'ja' ? 'なし' : 'none';
  if (lang === 'ja') {
    return [
      `注記：${context.year}年（${context.timezone}）の実績をslawatchで測定した値です（出力 ${context.generatedAt}）。`,
      '注記：稼働率は目標値より1桁多い桁までを表示し、それより下の桁は切り捨てています（四捨五入・切り上げはしません）。',
      '注記：上限のある時間（平均復旧時間、障害通知時間、バックアップ間隔）は分単位に切り上げ、下限のある時間（事前通知）は切り捨てています。',
      '注記：障害通知時間（最長）には、通知期限を過ぎてもまだ通知していない障害を、検知から出力時点までの時間として含めます。',
      `注記：確定済みの月（確定時点の値を使用）：${frozen}`,
    ];
  }
  return [
    `Note: measured by slawatch for ${context.year} (${context.timezone}); exported ${context.generatedAt}.`,
    'Note: availability is shown to one decimal more than the claim and truncated below it ' +
      '(never rounded, never rounded up).',
    'Note: durations with an upper bound (MTTR, notification time, backup gap) are rounded up to the minute; ' +
      'those with a lower bound (maintenance notice) are rounded down.',
    'Note: the longest notification time includes incidents still not notified past the bound, ' +
      'counted from detection to this export.',
    `Note: closed months (figures frozen when they closed): ${frozen}`,
  ];
}
