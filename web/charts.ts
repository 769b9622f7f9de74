// Draws every <canvas data-chart> from the JSON spec beside it (web/chart-spec.ts). Only the
// chart.js parts in use are registered, to keep the bundle small. Animations are off: a live
// refresh redraws at once, and a screenshot shows the final picture.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from './chart-spec.ts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

const drawn = new Map<string, { chart: Chart; spec: ChartSpec }>();

function specOf(canvas: HTMLCanvasElement): ChartSpec | null {
  const script = canvas.parentElement?.querySelector('script[type="application/json"][data-chart-spec]');
  if (!script?.textContent) return null;
  return JSON.parse(script.textContent) as ChartSpec;
}

function tickText(spec: ChartSpec, value: number, locale: string): string {
  const n = value.toLocaleString(locale, { maximumFractionDigits: spec.y.unit === 'percent' ? 4 : 1 });
  return spec.y.unit === 'percent' ? `${n}%` : n;
}

export function drawCharts(root: ParentNode = document): void {
  const locale = document.documentElement.lang === 'ja' ? 'ja-JP' : 'en-US';
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const spec = specOf(canvas);
    if (!spec) continue;
    drawn.get(spec.id)?.chart.destroy();
    const chart = new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d) => ({
          type: d.kind ?? spec.kind,
          label: d.label,
          data: d.data,
          borderColor: d.color,
          backgroundColor: d.color,
          borderDash: d.dashed ? [6, 4] : [],
          // Dense series (a day of checks) read better as a line than as dots.
          pointRadius: d.dashed || d.data.length > 60 ? 0 : 3,
          stepped: d.stepped ?? false,
          spanGaps: false,
          borderWidth: 2,
        })),
      } as never,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index', intersect: false } },
        scales: {
          x: { ticks: { autoSkip: true, maxTicksLimit: 14, maxRotation: 45 } },
          y: {
            min: spec.y.min,
            max: spec.y.max,
            title: { display: true, text: spec.y.title },
            ticks: { callback: (value) => tickText(spec, Number(value), locale) },
          },
        },
      },
    });
    drawn.set(spec.id, { chart, spec });
  }
}

/** Charts inside `root` go before their canvases are replaced. */
export function destroyCharts(root: ParentNode): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const chart = Chart.getChart(canvas);
    if (!chart) continue;
    chart.destroy();
    for (const [id, entry] of drawn) if (entry.chart === chart) drawn.delete(id);
  }
}

/** For tests and the curious: what each chart holds, read back from chart.js itself. */
export function chartSummaries() {
  return [...drawn.entries()].map(([id, { chart, spec }]) => ({
    id,
    source: spec.source,
    labels: [...(chart.data.labels ?? [])].map(String),
    datasets: chart.data.datasets.map((d) => ({ label: d.label ?? '', data: [...d.data] as (number | null)[] })),
    width: chart.width,
    height: chart.height,
  }));
}
