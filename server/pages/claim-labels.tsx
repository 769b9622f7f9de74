// Claim metrics and statuses in words, and a claim's values as the pages show them. The words
// themselves are sla/claim-words.ts's, shared with the reports and the check sheet.
import type { Claim } from '../../sla/model.ts';
import type { ClaimStatus } from '../../sla/claim-status.ts';
import { headingLabel, maintenanceKindWords, statusWords } from '../../sla/claim-words.ts';
import { formatClaimBound, formatClaimValue } from '../../sla/claim-text.ts';
import { commonMessages, type Lang } from './i18n.ts';

export function metricLabel(lang: Lang, claim: Pick<Claim, 'metric' | 'kind' | 'percentile'>): string {
  const base = headingLabel(claim.metric, lang);
  if (claim.metric === 'latency') return `${base} p${claim.percentile ?? 95}`;
  if (claim.metric === 'maintenance_notice' && claim.kind) {
    return `${base} (${maintenanceKindWords[claim.kind].short[lang]})`;
  }
  return base;
}

export function statusLabel(lang: Lang, status: ClaimStatus): string {
  return statusWords[status][lang];
}

/** A measured value in the claim's base units (ratio, ms, count); availability truncated to its decimals + 1. */
export function formatMeasured(lang: Lang, claim: Claim, value: number | null): string {
  return value === null ? commonMessages(lang).noData : formatClaimValue(claim, value, lang);
}

/** The bound as claimed: availability with the claim's own decimals, with its direction. */
export function formatBound(lang: Lang, claim: Claim): string {
  return formatClaimBound(claim, lang);
}

export function StatusBadge({ lang, status }: { lang: Lang; status: ClaimStatus }) {
  return <span class={`status status-${status}`}>{statusLabel(lang, status)}</span>;
}
