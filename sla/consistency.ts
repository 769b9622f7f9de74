// SPEC §3 "Consistency of the claims themselves": claims that cannot all hold at once, each
// with its arithmetic. Example: 27 incidents × 42 min MTTR = 1,134 min of repair, but 99.99 %
// of a year allows 52.56 min of downtime.
import type { Claim, ServiceSpec } from './model.ts';
import { nominalPeriodMs, periodWords } from './claim-period.ts';
import { formatClaimedPercent } from './claim-text.ts';
import { metricWords } from './claim-words.ts';

export interface Contradiction {
  claimIds: string[];
  en: string;
  ja: string;
}

const min = (ms: number) => (ms / 60_000).toLocaleString('en-US', { maximumFractionDigits: 2 });

function find(service: ServiceSpec, metric: Claim['metric']): Claim | undefined {
  return service.claims.find((c) => c.metric === metric);
}

export function findContradictions(service: ServiceSpec): Contradiction[] {
  const out: Contradiction[] = [];
  const availability = find(service, 'availability');
  const count = find(service, 'incident_count');
  const mttr = find(service, 'mttr');
  const long = find(service, 'long_incident_count');
  const samePeriod = (a: Claim, b: Claim) => nominalPeriodMs(a.period) === nominalPeriodMs(b.period);

  if (availability && count && mttr && samePeriod(availability, count)) {
    const repairMs = count.bound * mttr.bound;
    const allowedMs = (1 - availability.bound) * nominalPeriodMs(availability.period);
    if (repairMs > allowedMs) {
      const pct = formatClaimedPercent(availability.bound);
      const p = periodWords(availability.period);
      const words = { mttr: metricWords.mttr.label, availability: metricWords.availability.label };
      out.push({
        claimIds: [count.id, mttr.id, availability.id],
        en:
          `if every incident were an outage, ${count.bound} incidents × ${min(mttr.bound)} min ${words.mttr.en} = ` +
          `${min(repairMs)} min of downtime, but ${pct} of ${p.en} allows ${min(allowedMs)} min`,
        ja:
          `全障害が停止だった場合、${count.bound}件 × ${words.mttr.ja}${min(mttr.bound)}分 = ${min(repairMs)}分の停止となり、` +
          `${p.ja}で${words.availability.ja}${pct}が許す${min(allowedMs)}分を超える`,
      });
    }
  }
  if (long && count && mttr) {
    const longMs = long.bound * service.longAfterMs;
    const repairMs = count.bound * mttr.bound;
    if (longMs > repairMs) {
      out.push({
        claimIds: [long.id, count.id, mttr.id],
        en:
          `${long.bound} incidents of at least ${min(service.longAfterMs)} min = ${min(longMs)} min, ` +
          `more than ${count.bound} × ${min(mttr.bound)} min = ${min(repairMs)} min of total repair time: ` +
          'the long-incident count must be measured on another clock (time to resolve, not to restore)',
        ja:
          `${min(service.longAfterMs)}分以上の障害${long.bound}件 = ${min(longMs)}分は、` +
          `${count.bound}件 × ${min(mttr.bound)}分 = ${min(repairMs)}分の総復旧時間を超える：` +
          '長時間障害の件数は別の基準（復旧ではなく解決までの時間）で測られている',
      });
    }
  }
  if (long && count && long.bound > count.bound) {
    out.push({
      claimIds: [long.id, count.id],
      en: `${long.bound} long incidents cannot exceed ${count.bound} incidents in all`,
      ja: `長時間障害${long.bound}件が障害総数${count.bound}件を超えている`,
    });
  }
  return out;
}
