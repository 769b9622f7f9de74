// Chart points from an API answer, by the dataset's `from` path (web/chart-spec.ts): the pages
// build their charts with this from the very JSON the API serves, so the two cannot drift.
import { truncateDecimals } from '../../../sla/number-format.ts';
import type { ChartDatasetSpec } from '../../../web/chart-spec.ts';

/** Reads `a.b[].c.d` from a value: one result per element of the array step. */
export function readPath(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('[].');
  let items: unknown[] = [dig(value, head!)];
  for (const step of rest) items = items.flatMap((item) => (Array.isArray(item) ? item.map((x) => dig(x, step)) : []));
  return items;
}

function dig(value: unknown, dotted: string): unknown {
  let cur = value;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur ?? null;
}

export function pointsFrom(json: unknown, from: NonNullable<ChartDatasetSpec['from']>): (number | null)[] {
  return readPath(json, from.path).map((v) => {
    if (typeof v !== 'number') return null;
    const scaled = v * (from.scale ?? 1);
    return from.truncateDecimals === undefined ? scaled : truncateDecimals(scaled, from.truncateDecimals);
  });
}

/** A dataset whose points are read from the JSON. */
export function sourced(
  json: unknown,
  dataset: Omit<ChartDatasetSpec, 'data'> & { from: NonNullable<ChartDatasetSpec['from']> },
): ChartDatasetSpec {
  return { ...dataset, data: pointsFrom(json, dataset.from) };
}
