// The daily aggregate behind Store.sumRollups. A year of hourly rollups for ten monitors is
// 87,600 rows; the same year is 3,650 daily rows, so a report sums whole UTC days from the
// daily table and only the hours at the range's ragged edges from the hourly one. A day row is
// the sum of exactly the hour rows whose hourMs falls in that UTC day; upsertRollups rewrites
// the day rows of every day it touches from that day's hour rows.
import type { RollupSum } from './store.ts';
import { encodeLatencyCounts, forEachLatency, LatencySum } from './latency-codec.ts';

export const dayMs = 86_400_000;

export function dayOf(timeMs: number): number {
  return Math.floor(timeMs / dayMs) * dayMs;
}

/** [fromMs, toMs) as whole UTC days (null when none fits) and the hour ranges around them. */
export function splitWholeDays(
  fromMs: number,
  toMs: number,
): { days: [number, number] | null; hours: Array<[number, number]> } {
  const firstDayMs = Math.ceil(fromMs / dayMs) * dayMs;
  const endDayMs = Math.floor(toMs / dayMs) * dayMs;
  if (!(firstDayMs < endDayMs)) return { days: null, hours: fromMs < toMs ? [[fromMs, toMs]] : [] };
  const hours: Array<[number, number]> = [];
  if (fromMs < firstDayMs) hours.push([fromMs, firstDayMs]);
  if (endDayMs < toMs) hours.push([endDayMs, toMs]);
  return { days: [firstDayMs, endDayMs], hours };
}

export interface CountsRow {
  up_count: number;
  down_count: number;
  latency: Uint8Array;
}

export interface DayRow extends CountsRow {
  monitor: number;
  day_ms: number;
  latency: Buffer;
}

/** The day rows of the given hour rows (which must be all the hours of those days). */
export function sumHoursIntoDays(hours: Iterable<CountsRow & { monitor: number; hour_ms: number }>): DayRow[] {
  const days = new Map<
    string,
    { monitor: number; day_ms: number; up_count: number; down_count: number; latency: Map<number, number> }
  >();
  for (const hour of hours) {
    const day_ms = dayOf(hour.hour_ms);
    const key = `${hour.monitor}:${day_ms}`;
    let day = days.get(key);
    if (!day) {
      day = { monitor: hour.monitor, day_ms, up_count: 0, down_count: 0, latency: new Map() };
      days.set(key, day);
    }
    day.up_count += hour.up_count;
    day.down_count += hour.down_count;
    const latency = day.latency;
    forEachLatency(hour.latency, (ms, count) => latency.set(ms, (latency.get(ms) ?? 0) + count));
  }
  return [...days.values()].map((day) => ({ ...day, latency: encodeLatencyCounts(day.latency) }));
}

export function sumCountsRows(rows: Iterable<CountsRow>): RollupSum {
  const latency = new LatencySum();
  let upCount = 0;
  let downCount = 0;
  for (const row of rows) {
    upCount += row.up_count;
    downCount += row.down_count;
    latency.addEncoded(row.latency);
  }
  return { upCount, downCount, latencyCounts: latency.toMap() };
}

/** Distinct (monitor key, UTC day) pairs touched by these rollup hours. */
export function touchedDays(
  hours: Iterable<{ monitor: number; hourMs: number }>,
): Array<{ monitor: number; dayMs: number }> {
  const seen = new Map<string, { monitor: number; dayMs: number }>();
  for (const { monitor, hourMs } of hours) {
    const day = dayOf(hourMs);
    seen.set(`${monitor}:${day}`, { monitor, dayMs: day });
  }
  return [...seen.values()].sort((a, b) => a.monitor - b.monitor || a.dayMs - b.dayMs);
}
