// The service page's charts, each read from /api/v1/services/{id}/series (the same JSON the API
// serves) with a table of the same numbers: error-budget burn-down, availability, MTTR, the
// incident pace, latency and coverage per bucket.
import type { Claim } from '../../../sla/model.ts';
import { percentDecimals } from '../../../sla/number-format.ts';
import type { ChartDatasetSpec, ChartSpec } from '../../../web/chart-spec.ts';
import { ChartFigure, type ChartTable } from '../charts/chart-figure.tsx';
import { readPath, sourced } from '../charts/chart-points.ts';
import { buildHref, type PageContext } from '../page-context.ts';
import { periodParams } from '../period-query.ts';
import { fill, formatNumber, isoDate, type Lang } from '../i18n.ts';
import type { ServiceSeries } from './service-series.ts';
import { serviceMessages } from './service-messages.ts';

const colors = { main: '#0b57b0', second: '#1a6b35', third: '#8a4b00', bound: '#a4161a', even: '#4d5561' };

function constant(label: string, value: number, n: number): ChartDatasetSpec {
  return { label, data: Array.from({ length: n }, () => value), kind: 'line', color: colors.bound, dashed: true };
}

function tableOf(lang: Lang, labels: string[], datasets: ChartDatasetSpec[], first: string): ChartTable {
  return {
    headers: [first, ...datasets.map((d) => d.label)],
    rows: labels.map((label, i) => [
      label,
      ...datasets.map((d) => (d.data[i] === null || d.data[i] === undefined ? '—' : formatNumber(lang, d.data[i]!, 4))),
    ]),
  };
}

export function ServiceCharts({
  ctx,
  series,
  claims,
}: {
  ctx: PageContext;
  series: ServiceSeries;
  claims: readonly Claim[];
}) {
  const m = serviceMessages(ctx.lang);
  const json = JSON.parse(JSON.stringify(series)) as unknown;
  const source = buildHref(
    `/api/v1/services/${encodeURIComponent(series.service)}/series`,
    periodParams(ctx.selection),
  );
  const unit = m[`unit${series.unit}`];
  const labels = series.buckets.map((b) => b.label);
  const n = labels.length;
  const claimOf = (metric: Claim['metric']) => claims.find((c) => c.metric === metric);
  const availabilityClaim = claimOf('availability');
  const decimals = availabilityClaim ? percentDecimals(availabilityClaim.bound) + 1 : 3;
  const budgetAt = readPath(json, 'budget.points[].at');
  const pointLabels = budgetAt.length ? budgetAt : readPath(json, 'incidentPace.points[].at');
  const atLabels = pointLabels.map((at) => isoDate(Date.parse(String(at)), series.period.timezone));
  const charts: { spec: ChartSpec; first: string }[] = [];
  const add = (spec: Omit<ChartSpec, 'source'>, first = m.when) => charts.push({ spec: { ...spec, source }, first });

  if (series.budget) {
    add({
      id: 'chart-budget',
      kind: 'line',
      title: m.burnDown,
      labels: atLabels,
      y: { title: m.remaining, unit: 'minutes' },
      datasets: [
        sourced(json, {
          label: m.remaining,
          color: colors.main,
          from: { path: 'budget.points[].remainingSeconds', scale: 1 / 60 },
        }),
        sourced(json, {
          label: m.evenSpend,
          color: colors.even,
          dashed: true,
          from: { path: 'budget.points[].evenSpendSeconds', scale: 1 / 60 },
        }),
      ],
    });
  }
  add({
    id: 'chart-availability',
    kind: 'line',
    title: fill(m.availabilityByBucket, { unit }),
    labels,
    y: { title: m.availability, unit: 'percent' },
    datasets: [
      sourced(json, {
        label: m.availability,
        color: colors.main,
        from: { path: 'buckets[].figures.availability', scale: 100, truncateDecimals: decimals },
      }),
      ...(availabilityClaim ? [constant(m.claimBound, availabilityClaim.bound * 100, n)] : []),
    ],
  });
  const mttrClaim = claimOf('mttr');
  add({
    id: 'chart-mttr',
    kind: 'bar',
    title: fill(m.mttrByBucket, { unit }),
    labels,
    y: { title: m.mttr, unit: 'minutes', min: 0 },
    datasets: [
      sourced(json, {
        label: m.mttr,
        color: colors.third,
        kind: 'bar',
        from: { path: 'buckets[].figures.mttrSeconds', scale: 1 / 60 },
      }),
      ...(mttrClaim ? [constant(m.claimBound, mttrClaim.bound / 60_000, n)] : []),
    ],
  });
  if (series.incidentPace) {
    add({
      id: 'chart-incidents',
      kind: 'line',
      title: m.incidentPace,
      labels: atLabels,
      y: { title: m.incidents, unit: 'count', min: 0 },
      datasets: [
        sourced(json, {
          label: m.cumulative,
          color: colors.main,
          stepped: true,
          from: { path: 'incidentPace.points[].cumulative' },
        }),
        sourced(json, {
          label: m.pace,
          color: colors.bound,
          dashed: true,
          from: { path: 'incidentPace.points[].pace' },
        }),
      ],
    });
  }
  const latencyClaim = claimOf('latency');
  add({
    id: 'chart-latency',
    kind: 'line',
    title: fill(m.latencyByBucket, { unit }),
    labels,
    y: { title: 'ms', unit: 'ms', min: 0 },
    datasets: [
      sourced(json, { label: 'p50', color: colors.second, from: { path: 'buckets[].figures.latencyP50Ms' } }),
      sourced(json, { label: 'p95', color: colors.main, from: { path: 'buckets[].figures.latencyP95Ms' } }),
      sourced(json, { label: 'p99', color: colors.third, from: { path: 'buckets[].figures.latencyP99Ms' } }),
      ...(latencyClaim ? [constant(`${m.claimBound} p${latencyClaim.percentile ?? 95}`, latencyClaim.bound, n)] : []),
    ],
  });
  add({
    id: 'chart-coverage',
    kind: 'bar',
    title: fill(m.coverageByBucket, { unit }),
    labels,
    y: { title: m.coverage, unit: 'percent', min: 0, max: 100 },
    datasets: [
      sourced(json, {
        label: m.coverage,
        color: colors.second,
        kind: 'bar',
        from: { path: 'buckets[].figures.coverage', scale: 100, truncateDecimals: decimals },
      }),
    ],
  });

  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{m.charts}</h2>
      <div class="charts">
        {charts.map(({ spec, first }) => (
          <ChartFigure
            spec={spec}
            table={tableOf(ctx.lang, spec.labels, spec.datasets, first)}
            tableLabel={m.chartTable}
          />
        ))}
      </div>
    </section>
  );
}
