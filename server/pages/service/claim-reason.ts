// Why a claim has its status, with the arithmetic, in the page's language ("D = 31 min
// of 52.56 min budget, 41 % left"). Built from the evaluation and the period's figures only.
import type { ClaimEvaluation } from '../../../sla/claim-status.ts';
import type { Figures } from '../../../sla/figures-types.ts';
import type { ClaimMetric } from '../../../sla/model.ts';
import { formatClaimValue } from '../../../sla/claim-text.ts';
import { coverageGatedMetrics } from '../../../sla/metric-traits.ts';
import { unflatteringSide } from '../../../sla/number-format.ts';
import { fill, formatAvailability, formatDuration, formatNumber, formatPercentTruncated, type Lang } from '../i18n.ts';

const words = {
  en: {
    budget: 'D = {used} of {total} budget, {left} left',
    overspent: 'D = {used} of {total} budget: overspent by {over}',
    range: 'availability between {lower} and {upper} (U = {unknown})',
    mttr: '{total} of repair ÷ {n} resolved = {mttr}',
    mttrOpen: '; {open} still open',
    count: '{n} of at most {bound}',
    pace: '; on pace for {projected} by the period’s end',
    delay: 'worst delay {worst}; {late} notified late',
    notice: 'shortest notice {shortest}; {late} announced too late',
    backup: 'longest gap between backups {gap}',
    latency: 'p{p} = {value}',
    coverage: 'coverage {coverage} is below the required {min}',
    nothing: 'nothing to measure in this period',
  },
  ja: {
    budget: 'D = {used}（バジェット {total} のうち）、残り {left}',
    overspent: 'D = {used}（バジェット {total}）：{over} 超過',
    range: '稼働率は {lower}～{upper}（U = {unknown}）',
    mttr: '復旧時間計 {total} ÷ 復旧済み {n}件 = {mttr}',
    mttrOpen: '、対応中 {open}件',
    count: '{n}件（上限 {bound}件）',
    pace: '、このペースでは期末に {projected}件',
    delay: '最大遅延 {worst}、通知遅延 {late}件',
    notice: '最短の告知 {shortest}、告知遅れ {late}件',
    backup: 'バックアップ間隔の最大 {gap}',
    latency: 'p{p} = {value}',
    coverage: '計測率 {coverage} が必要な {min} を下回っています',
    nothing: 'この期間に計測できるものがありません',
  },
} as const;

export interface ReasonContext {
  figures: Figures;
  fromMs: number;
  toMs: number;
  nowMs: number;
}

type Parts = (
  w: (typeof words)[Lang],
  lang: Lang,
  e: ClaimEvaluation & { measured: number },
  ctx: ReasonContext,
) => string[];

/** A measured time rounded to its unflattering side: a figure past its bound never reads as the bound. */
const measuredTime = (lang: Lang, e: ClaimEvaluation, ms: number) =>
  formatDuration(lang, ms, unflatteringSide(e.claim.direction));

const countParts: Parts = (w, lang, e, ctx) => {
  let text = fill(w.count, { n: e.measured, bound: e.claim.bound });
  const elapsed = (Math.min(ctx.nowMs, ctx.toMs) - ctx.fromMs) / (ctx.toMs - ctx.fromMs);
  if (ctx.nowMs < ctx.toMs && elapsed > 0)
    text += fill(w.pace, { projected: formatNumber(lang, e.measured / elapsed, 1) });
  return [text];
};

const metricParts: Record<ClaimMetric, Parts> = {
  availability: (w, lang, e, ctx) => {
    const parts: string[] = [];
    const b = e.budget;
    if (b) {
      // Spending is bounded from above: what is used rounds up, the budget down, an overspend never reads as none.
      const used = formatDuration(lang, b.usedMs, 'up');
      const total = formatDuration(lang, b.totalMs, 'down');
      parts.push(
        b.usedMs <= b.totalMs
          ? fill(w.budget, { used, total, left: formatPercentTruncated(lang, Math.max(0, b.remainingRatio), 0) })
          : fill(w.overspent, { used, total, over: formatDuration(lang, b.usedMs - b.totalMs, 'up') }),
      );
    }
    const f = ctx.figures;
    if (f.unknownSeconds > 0 && f.availabilityLower !== null && f.availabilityUpper !== null) {
      parts.push(
        fill(w.range, {
          lower: formatAvailability(lang, f.availabilityLower, e.claim.bound),
          upper: formatAvailability(lang, f.availabilityUpper, e.claim.bound),
          unknown: formatDuration(lang, f.unknownSeconds * 1000),
        }),
      );
    }
    return parts;
  },
  mttr: (w, lang, e, { figures: f }) => {
    const resolved = (f.incidentCount ?? 0) - (f.openIncidentCount ?? 0);
    const text = fill(w.mttr, {
      total: measuredTime(lang, e, e.measured * resolved),
      n: resolved,
      mttr: measuredTime(lang, e, e.measured),
    });
    return [(f.openIncidentCount ?? 0) > 0 ? text + fill(w.mttrOpen, { open: f.openIncidentCount ?? 0 }) : text];
  },
  incident_count: countParts,
  long_incident_count: countParts,
  notification_delay: (w, lang, e, { figures: f }) => [
    fill(w.delay, { worst: measuredTime(lang, e, e.measured), late: f.incidentsNotifiedLate ?? 0 }),
  ],
  maintenance_notice: (w, lang, e, { figures: f }) => [
    fill(w.notice, { shortest: measuredTime(lang, e, e.measured), late: f.maintenanceNoticeViolations ?? 0 }),
  ],
  backup_freshness: (w, lang, e) => [fill(w.backup, { gap: measuredTime(lang, e, e.measured) })],
  latency: (w, lang, e) => [
    fill(w.latency, {
      p: e.claim.percentile ?? 95,
      value: formatClaimValue(e.claim, e.measured, lang, unflatteringSide(e.claim.direction)),
    }),
  ],
};

export function claimReason(lang: Lang, e: ClaimEvaluation, ctx: ReasonContext): string {
  const w = words[lang];
  const { claim, measured } = e;
  const f = ctx.figures;
  if (measured === null) return w.nothing;
  const parts: string[] = [];
  if (
    e.status === 'insufficient_data' &&
    coverageGatedMetrics.has(claim.metric) &&
    f.coverage !== null &&
    f.coverage < claim.minCoverage
  ) {
    parts.push(
      fill(w.coverage, {
        coverage: formatPercentTruncated(lang, f.coverage, 2),
        min: formatPercentTruncated(lang, claim.minCoverage, 2),
      }),
    );
  }
  parts.push(...metricParts[claim.metric](w, lang, { ...e, measured }, ctx));
  return parts.join('; ');
}
