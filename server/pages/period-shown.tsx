// "Showing 2025-Q2 (2025-04-01 00:00 – 2025-07-01 00:00, Asia/Tokyo)": which instants a page's
// figures cover, in the timezone they were cut in.
import { fill, formatDateTime } from './i18n.ts';
import type { PageContext } from './page-context.ts';
import { resolvePeriod } from './period-query.ts';

export function PeriodShown({ ctx, timezone }: { ctx: PageContext; timezone: string }) {
  const { fromMs, toMs } = resolvePeriod(ctx.selection, timezone);
  return (
    <p
      class="period-shown"
      data-period-from={new Date(fromMs).toISOString()}
      data-period-to={new Date(toMs).toISOString()}
    >
      {fill(ctx.selection.kind === 'current' ? ctx.t.periodShownNow : ctx.t.periodShown, {
        label: ctx.selection.label,
        from: formatDateTime(ctx.lang, fromMs, timezone),
        to: formatDateTime(ctx.lang, toMs, timezone),
        timezone,
      })}
    </p>
  );
}
