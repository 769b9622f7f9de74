// A chart as a page shows it: a <figure> with a caption, a <canvas> that web/charts.ts draws from
// the JSON spec beside it, and the same numbers as a table for readers without JavaScript or
// sight (the canvas is role=img with a label; the table is the accessible form).
import { raw } from 'hono/html';
import type { ChartSpec } from '../../../web/chart-spec.ts';

export interface ChartTable {
  headers: string[];
  rows: (string | number)[][];
}

/** JSON safe inside <script>: no `</script>` or `<!--` can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function ChartFigure({ spec, table, tableLabel }: { spec: ChartSpec; table: ChartTable; tableLabel: string }) {
  return (
    <figure class="chart" data-chart-figure={spec.id}>
      <figcaption id={`${spec.id}-caption`}>{spec.title}</figcaption>
      <div class="chart-canvas">
        <canvas data-chart={spec.id} role="img" aria-labelledby={`${spec.id}-caption`}></canvas>
        <script type="application/json" data-chart-spec>
          {raw(scriptJson(spec))}
        </script>
      </div>
      <details>
        <summary>{tableLabel}</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {table.headers.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
