// What a page hands to a chart: the server computes every point (figures come from sla/ only) and
// embeds this as JSON beside the <canvas>; web/charts.ts only draws it. `source` is the API URL
// whose JSON holds the same figures (the end-to-end tests compare the two).
export const chartUnits = ['percent', 'minutes', 'count', 'ms'] as const;
export type ChartUnit = (typeof chartUnits)[number];

export interface ChartDatasetSpec {
  label: string;
  /** One value per label; null: nothing measured there (a gap, never 0). */
  data: (number | null)[];
  kind?: 'line' | 'bar';
  color: string;
  /** A reference line (a bound, the even-spend or pace line). */
  dashed?: boolean;
  stepped?: boolean;
  /**
   * Where the points come from in the JSON at ChartSpec.source: a path such as
   * `buckets[].figures.availability` (one value per label), times `scale`, truncated (never
   * rounded) to `truncateDecimals`. Reference lines drawn from a claim's bound have none.
   */
  from?: { path: string; scale?: number; truncateDecimals?: number };
}

export interface ChartSpec {
  id: string;
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  datasets: ChartDatasetSpec[];
  y: { title: string; unit: ChartUnit; min?: number; max?: number };
  source: string;
}
