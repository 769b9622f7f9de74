// Claim metrics and statuses in words, and a claim's values as the pages show them.
import type { Claim, ClaimMetric } from '../../sla/model.ts';
import type { ClaimStatus } from '../../sla/claim-status.ts';
import { formatClaimValue } from '../../sla/claim-text.ts';
import { percentDecimals } from '../../sla/number-format.ts';
import { commonMessages, formatAvailability, formatPercentTruncated, type Lang } from './i18n.ts';

const metricLabels: Record<ClaimMetric, Record<Lang, string>> = {
  availability: { en: 'Availability', ja: '稼働率' },
  mttr: { en: 'MTTR', ja: '平均復旧時間' },
  incident_count: { en: 'Incidents', ja: '障害件数' },
  long_incident_count: { en: 'Incidents of a day or more', ja: '1日以上の障害件数' },
  notification_delay: { en: 'Failure notification delay', ja: '障害通知時間' },
  maintenance_notice: { en: 'Maintenance notice', ja: '計画停止の事前通知' },
  backup_freshness: { en: 'Longest time between backups', ja: 'バックアップ間隔（最大）' },
  latency: { en: 'Response time', ja: '応答時間' },
};

export function metricLabel(lang: Lang, claim: Pick<Claim, 'metric' | 'kind' | 'percentile'>): string {
  const base = metricLabels[claim.metric][lang];
  if (claim.metric === 'latency') return `${base} p${claim.percentile ?? 95}`;
  if (claim.metric === 'maintenance_notice' && claim.kind) {
    const kind = claim.kind === 'downtime' ? { en: 'downtime', ja: '停止あり' } : { en: 'no downtime', ja: '停止なし' };
    return `${base} (${kind[lang]})`;
  }
  return base;
}

export function statusLabel(lang: Lang, status: ClaimStatus): string {
  const t = commonMessages(lang);
  return {
    met: t.statusMet,
    at_risk: t.statusAtRisk,
    breached: t.statusBreached,
    insufficient_data: t.statusInsufficient,
  }[status];
}

/** A measured value in the claim's base units (ratio, ms, count); availability truncated to the claim's decimals + 1. */
export function formatMeasured(lang: Lang, claim: Claim, value: number | null): string {
  if (value === null) return commonMessages(lang).noData;
  if (claim.metric === 'availability') return formatAvailability(lang, value, claim.bound);
  return formatClaimValue(claim, value, lang);
}

/** The bound as claimed: availability with the claim's own decimals, with its direction. */
export function formatBound(lang: Lang, claim: Claim): string {
  const value =
    claim.metric === 'availability'
      ? formatPercentTruncated(lang, claim.bound, percentDecimals(claim.bound))
      : formatClaimValue(claim, claim.bound, lang);
  if (lang === 'ja') return `${value}${claim.direction === 'min' ? '以上' : '以内'}`;
  return `${claim.direction === 'min' ? '≥' : '≤'} ${value}`;
}

export function StatusBadge({ lang, status }: { lang: Lang; status: ClaimStatus }) {
  return <span class={`status status-${status}`}>{statusLabel(lang, status)}</span>;
}
