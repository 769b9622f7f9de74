// A claim's result in words, in Japanese and English. Pure, from computed data only.
import type { Claim, ClaimMetric } from './model.ts';
import type { ClaimStatus } from './claim-status.ts';
import { formatDurationMs, formatPercent, percentDecimals } from './number-format.ts';

type Lang = 'en' | 'ja';

const labels: Record<ClaimMetric, Record<Lang, string>> = {
  availability: { en: 'Availability', ja: '稼働率' },
  mttr: { en: 'MTTR', ja: '平均復旧時間' },
  incident_count: { en: 'Incidents', ja: '障害件数' },
  long_incident_count: { en: 'Incidents lasting a day or more', ja: '1日以上の障害件数' },
  notification_delay: { en: 'Failure notification delay', ja: '障害通知時間' },
  maintenance_notice: { en: 'Maintenance notice', ja: '計画停止の事前通知' },
  backup_freshness: { en: 'Longest time between backups', ja: 'バックアップ間隔（最大）' },
  latency: { en: 'Response time', ja: '応答時間' },
};

export const statusWords: Record<ClaimStatus, Record<Lang, string>> = {
  met: { en: 'met', ja: '達成' },
  at_risk: { en: 'at risk', ja: '要注意' },
  breached: { en: 'breached', ja: '未達' },
  insufficient_data: { en: 'insufficient data', ja: 'データ不足' },
};

const countUnit: Record<Lang, string> = { en: '', ja: '件' };

/** The availability decimals shown: one more than the claim was written with (truncated, never rounded up). */
export function shownPercentDecimals(claim: Pick<Claim, 'bound'>): number {
  return percentDecimals(claim.bound) + 1;
}

/** A value of the claim's metric in its base units, for people. Availability is truncated to the claim's decimals + 1. */
export function formatClaimValue(claim: Claim, value: number, lang: Lang): string {
  switch (claim.metric) {
    case 'availability':
      return formatPercent(value, shownPercentDecimals(claim));
    case 'incident_count':
    case 'long_incident_count':
      return `${value}${countUnit[lang]}`;
    case 'latency':
      return lang === 'ja' ? `${Math.round(value)}ミリ秒` : `${Math.round(value)} ms`;
    default:
      return formatDurationMs(value, lang);
  }
}

function boundText(claim: Claim, lang: Lang): string {
  const bound =
    claim.metric === 'availability'
      ? formatPercent(claim.bound, percentDecimals(claim.bound))
      : formatClaimValue(claim, claim.bound, lang);
  if (lang === 'ja') return `${bound}${claim.direction === 'min' ? '以上' : '以内'}`;
  return `${claim.direction === 'min' ? '≥' : '≤'} ${bound}`;
}

export function claimText(claim: Claim, measured: number | null, status: ClaimStatus): Record<Lang, string> {
  const text = (lang: Lang) => {
    const value =
      measured === null ? (lang === 'ja' ? 'データなし' : 'no data') : formatClaimValue(claim, measured, lang);
    return lang === 'ja'
      ? `${labels[claim.metric].ja} ${value}（目標 ${boundText(claim, 'ja')}）：${statusWords[status].ja}`
      : `${labels[claim.metric].en} ${value} (claim ${boundText(claim, 'en')}): ${statusWords[status].en}`;
  };
  return { en: text('en'), ja: text('ja') };
}
