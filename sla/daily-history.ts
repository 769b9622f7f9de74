// The last N days of a service, day by day in its timezone (the public status page's history):
// downtime and availability of each day, measured as every figure is (SPEC §2.7: D ÷ (P − U)),
// from one timeline and one incident list.
import { DateTime } from 'luxon';
import type { Incident, Maintenance, ServiceSpec } from './model.ts';
import type { Segment } from './segments.ts';
import { computeTimeSets } from './figures.ts';
import { totalMs } from './intervals.ts';

export interface DayHistory {
  /** yyyy-MM-dd in the service's timezone. */
  date: string;
  fromMs: number;
  toMs: number;
  downtimeMs: number;
  /** null when nothing was measured that day. */
  availability: number | null;
}

/** The day starts of the `days` days ending with today (in the service's timezone), oldest first. */
export function dayBounds(
  timezone: string,
  nowMs: number,
  days: number,
): { fromMs: number; toMs: number; date: string }[] {
  const today = DateTime.fromMillis(nowMs, { zone: timezone }).startOf('day');
  return Array.from({ length: days }, (_, i) => {
    const start = today.minus({ days: days - 1 - i });
    return { fromMs: start.toMillis(), toMs: start.plus({ days: 1 }).toMillis(), date: start.toFormat('yyyy-MM-dd') };
  });
}

export function computeDailyHistory(input: {
  service: ServiceSpec;
  nowMs: number;
  days: number;
  timeline: readonly Segment[];
  incidents: readonly Incident[];
  maintenance: readonly Maintenance[];
}): DayHistory[] {
  return dayBounds(input.service.timezone, input.nowMs, input.days).map(({ fromMs, toMs, date }) => {
    const sets = computeTimeSets({ ...input, fromMs, toMs });
    const measuredMs = totalMs(sets.planned) - totalMs(sets.unknown);
    const downtimeMs = totalMs(sets.downtime);
    return { date, fromMs, toMs, downtimeMs, availability: measuredMs > 0 ? 1 - downtimeMs / measuredMs : null };
  });
}
