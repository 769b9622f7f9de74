// SPEC §2.9: a probe with interval i measures an incident's start and end each within i, so a
// year's downtime is known to within ±(incidents × i). A claim whose bound is finer than that
// cannot be verified at this interval, and slawatch says so.
import type { Claim, ClaimMetric, ServiceSpec } from './model.ts';
import type { Lang } from './claim-words.ts';
import { nominalPeriodMs, periodWords } from './claim-period.ts';
import { formatDurationText } from './duration-text.ts';

export interface ClaimResolution {
  claimId: string;
  verifiable: boolean;
  /** The measurement error in ms (null where the figure is exact, from records). */
  errorMs: number | null;
  en: string;
  ja: string;
}

const verdict = (verifiable: boolean) => ({
  en: verifiable ? 'verifiable' : 'unverifiable at this interval',
  ja: verifiable ? '検証可能' : 'この間隔では検証不能',
});

const minutes = (ms: number) => (ms / 60_000).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The coarsest probe interval of the service (push monitors measure their own pushes exactly). */
export function probeIntervalMs(service: Pick<ServiceSpec, 'monitors'>): number | null {
  const intervals = service.monitors.filter((m) => m.type !== 'push').map((m) => m.intervalMs);
  return intervals.length > 0 ? Math.max(...intervals) : null;
}

type Resolver = (claim: Claim, service: ServiceSpec, intervalMs: number) => Omit<ClaimResolution, 'claimId'>;

const exact: Resolver = () => ({
  verifiable: true,
  errorMs: null,
  en: 'exact: measured from records',
  ja: '記録から正確に測定',
});

const withinBound =
  (what: { en: string; ja: string }, errorOf: (claim: Claim, service: ServiceSpec, i: number) => number): Resolver =>
  (claim, service, i) => {
    const errorMs = errorOf(claim, service, i);
    const verifiable = errorMs <= claim.bound;
    const error = (lang: Lang) => formatDurationText(errorMs, lang);
    const bound = (lang: Lang) => formatDurationText(claim.bound, lang);
    return {
      verifiable,
      errorMs,
      en: `${what.en} known within ±${error('en')} against a bound of ${bound('en')}: ${verdict(verifiable).en}`,
      ja: `${what.ja}の誤差 ±${error('ja')}（目標 ${bound('ja')}）：${verdict(verifiable).ja}`,
    };
  };

const resolvers: Record<ClaimMetric, Resolver> = {
  availability: (claim, service, i) => {
    const countClaim = service.claims.find((c) => c.metric === 'incident_count');
    const incidents = countClaim ? countClaim.bound : 1;
    const errorMs = incidents * i;
    const budgetMs = (1 - claim.bound) * nominalPeriodMs(claim.period);
    const verifiable = errorMs <= budgetMs;
    const p = periodWords(claim.period);
    const error = (lang: Lang) => `${incidents} × ${formatDurationText(i, lang)}`;
    return {
      verifiable,
      errorMs,
      en:
        `downtime known within ±${error('en')} = ${minutes(errorMs)} min; ` +
        `the error budget of ${p.en} is ${minutes(budgetMs)} min: ${verdict(verifiable).en}`,
      ja:
        `停止時間の誤差 ±${error('ja')} = ${minutes(errorMs)}分、` +
        `${p.ja}の許容停止時間 ${minutes(budgetMs)}分：${verdict(verifiable).ja}`,
    };
  },
  mttr: withinBound({ en: 'each repair time', ja: '復旧時間' }, (_, __, i) => i),
  notification_delay: withinBound(
    { en: 'detection time', ja: '検知時刻' },
    (_, service, i) => i * Math.max(1, ...service.monitors.map((m) => m.confirm)),
  ),
  long_incident_count: (claim, service, i) =>
    withinBound({ en: 'each incident duration', ja: '障害時間' }, () => i)(
      { ...claim, bound: service.longAfterMs },
      service,
      i,
    ),
  incident_count: (_, service, i) => {
    const blindMs = i * Math.max(1, ...service.monitors.map((m) => m.confirm));
    return {
      verifiable: true,
      errorMs: blindMs,
      en: `outages shorter than ${formatDurationText(blindMs, 'en')} can go unseen`,
      ja: `${formatDurationText(blindMs, 'ja')}未満の停止は検知されないことがある`,
    };
  },
  latency: exact,
  backup_freshness: exact,
  maintenance_notice: exact,
};

export function claimResolution(claim: Claim, service: ServiceSpec): ClaimResolution {
  const i = probeIntervalMs(service);
  if (i === null) {
    return {
      claimId: claim.id,
      verifiable: true,
      errorMs: null,
      en: 'no probes: measured from the incident record only',
      ja: '監視なし：障害記録のみから測定',
    };
  }
  return { claimId: claim.id, ...resolvers[claim.metric](claim, service, i) };
}
