// The nominal length of a claim's period, for budgets stated before any data exists
// (SPEC §2.9 and §3: 99.99 % "of a year" allows 52.56 min, so a year is 365 days here).
import type { ClaimPeriod } from './model.ts';

const dayMs = 86_400_000;

export function nominalPeriodMs(period: ClaimPeriod): number {
  switch (period.kind) {
    case 'year':
      return 365 * dayMs;
    case 'quarter':
      return (365 / 4) * dayMs;
    case 'month':
      return 30 * dayMs;
    case 'rolling':
      return period.lengthMs;
  }
}

export function periodWords(period: ClaimPeriod): { en: string; ja: string } {
  switch (period.kind) {
    case 'year':
      return { en: 'a year', ja: '1年' };
    case 'quarter':
      return { en: 'a quarter', ja: '四半期' };
    case 'month':
      return { en: 'a month', ja: '1か月' };
    case 'rolling':
      return { en: `${period.lengthMs / dayMs} days`, ja: `${period.lengthMs / dayMs}日間` };
  }
}
