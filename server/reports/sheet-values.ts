// Figures as a check sheet writes them, in Japanese or English, and always on the side that does
// not flatter the service: a percentage is truncated (never rounded up) to one decimal more than
// the claim was written with, so 99.9949 % reads 99.994 %, never 99.99 %; a duration bounded from
// above (MTTR, notification delay, backup gap) is rounded UP to the minute, one bounded from below
// (maintenance notice) DOWN. The same rule is stated in the sheet's notes (sheetNotes).
import type { Claim } from '../../sla/model.ts';
import { formatPercent, percentDecimals } from '../../sla/number-format.ts';
import { shownPercentDecimals } from '../../sla/claim-text.ts';

export type Lang = 'ja' | 'en';

export const metricLabels: Record<Claim['metric'], Record<Lang, string>> = {
  availability: { ja: '稼働率', en: 'availability' },
  mttr: { ja: '平均復旧時間', en: 'mean time to repair' },
  incident_count: { ja: '障害件数', en: 'incidents' },
  long_incident_count: { ja: '長時間要した障害件数', en: 'incidents lasting a day or more' },
  notification_delay: { ja: '障害通知時間（最長）', en: 'longest notification time' },
  maintenance_notice: { ja: '計画停止の事前通知（最短）', en: 'shortest maintenance notice' },
  backup_freshness: { ja: 'バックアップ間隔（最長）', en: 'longest time between backups' },
  latency: { ja: '応答時間', en: 'response time' },
};

export const kindLabels: Record<NonNullable<Claim['kind']>, Record<Lang, string>> = {
  downtime: { ja: 'サービス停止に伴うメンテナンス', en: 'maintenance with downtime' },
  'no-downtime': { ja: 'サービス停止に伴わないメンテナンス', en: 'maintenance without downtime' },
};

const units: Array<[number, string, string, string]> = [
  [86_400_000, '日', 'day', 'days'],
  [3_600_000, '時間', 'hour', 'hours'],
  [60_000, '分', 'minute', 'minutes'],
];

/** Whole minutes, rounded toward the unflattering side, as "1時間30分" / "1 hour 30 minutes". */
export function formatSheetDuration(ms: number, lang: Lang, direction: 'min' | 'max'): string {
  if (ms > 0 && ms < 60_000) {
    const seconds = direction === 'max' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
    return lang === 'ja' ? `${seconds}秒` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  let rest = (direction === 'max' ? Math.ceil(ms / 60_000 - 1e-9) : Math.floor(ms / 60_000 + 1e-9)) * 60_000;
  if (rest === 0) return lang === 'ja' ? '0分' : '0 minutes';
  const parts: string[] = [];
  for (const [size, ja, one, many] of units) {
    const n = Math.floor(rest / size);
    if (n === 0) continue;
    rest -= n * size;
    parts.push(lang === 'ja' ? `${n}${ja}` : `${n} ${n === 1 ? one : many}`);
  }
  return parts.join(lang === 'ja' ? '' : ' ');
}

/** A value of the claim's metric (base units of the engine: ratio, ms, count) as the sheet writes it. */
export function formatSheetValue(claim: Claim, value: number, lang: Lang): string {
  switch (claim.metric) {
    case 'availability':
      return formatPercent(value, shownPercentDecimals(claim));
    case 'incident_count':
    case 'long_incident_count':
      return lang === 'ja' ? `${value}件` : String(value);
    case 'latency': {
      const ms = Math.ceil(value);
      return lang === 'ja' ? `${ms}ミリ秒` : `${ms} ms`;
    }
    default:
      return formatSheetDuration(value, lang, claim.direction);
  }
}

/** The claimed bound in words: "99.99%以上", "≤ 42 minutes". */
export function formatSheetBound(claim: Claim, lang: Lang): string {
  const value =
    claim.metric === 'availability'
      ? formatPercent(claim.bound, percentDecimals(claim.bound))
      : formatSheetValue(claim, claim.bound, lang);
  const kind = claim.kind ? (lang === 'ja' ? `${kindLabels[claim.kind].ja}：` : `${kindLabels[claim.kind].en}: `) : '';
  if (lang === 'ja') return `${kind}${value}${claim.direction === 'min' ? '以上' : '以内'}`;
  return `${kind}${claim.direction === 'min' ? '≥' : '≤'} ${value}`;
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
    'Note: availability is shown to one decimal more than the claim and truncated below it (never rounded, never rounded up).',
    'Note: durations with an upper bound (MTTR, notification time, backup gap) are rounded up to the minute; those with a lower bound (maintenance notice) are rounded down.',
    'Note: the longest notification time includes incidents still not notified past the bound, counted from detection to this export.',
    `Note: closed months (figures frozen when they closed): ${frozen}`,
  ];
}
