// The report page's record of changes to frozen months: who changed what, when and why,
// and each of the month's figures that moved, before → after.
import type { PageContext } from '../page-context.ts';
import { formatDateTime, formatDuration, formatNumber, formatPercentTruncated } from '../i18n.ts';
import type { monthChangeJson } from '../../routes/api/record-json.ts';
import { reportMessages } from './report-messages.ts';

export type MonthChangeView = ReturnType<typeof monthChangeJson>;

type Messages = ReturnType<typeof reportMessages>;

/** The stored figure keys, each with its label and how its value reads. */
const figureViews: ReadonlyArray<[key: string, label: keyof Messages, kind: 'ratio' | 'seconds' | 'count']> = [
  ['availability', 'figureAvailability', 'ratio'],
  ['downtimeSeconds', 'figureDowntime', 'seconds'],
  ['incidentCount', 'figureIncidents', 'count'],
  ['mttrSeconds', 'figureMttr', 'seconds'],
  ['notificationDelayMaxSeconds', 'figureNotificationDelay', 'seconds'],
  ['maintenanceCount', 'figureMaintenance', 'count'],
  ['maintenanceNoticeViolations', 'figureNoticeViolations', 'count'],
];

function figureText(ctx: PageContext, kind: 'ratio' | 'seconds' | 'count', value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'ratio') return formatPercentTruncated(ctx.lang, value, 4);
  if (kind === 'seconds') return formatDuration(ctx.lang, value * 1000);
  return formatNumber(ctx.lang, value, 0);
}

/** "incidents 0 → 1; MTTR — → 1 h": only the figures that differ. */
export function movedFigures(ctx: PageContext, change: MonthChangeView): string {
  const m = reportMessages(ctx.lang);
  const parts: string[] = [];
  for (const [key, label, kind] of figureViews) {
    const before = change.before?.[key];
    const after = change.after[key];
    if (before === after) continue;
    parts.push(`${m[label]} ${figureText(ctx, kind, before)} → ${figureText(ctx, kind, after)}`);
  }
  return parts.join('; ');
}

export function MonthChanges(props: { ctx: PageContext; changes: readonly MonthChangeView[]; timezone: string }) {
  const { ctx } = props;
  const m = reportMessages(ctx.lang);
  if (props.changes.length === 0)
    return (
      <p class="muted" data-month-changes="0">
        {m.monthChangesNone}
      </p>
    );
  return (
    <div class="table-wrap">
      <table data-month-changes={String(props.changes.length)}>
        <thead>
          <tr>
            <th scope="col">{m.changeMonth}</th>
            <th scope="col">{m.changedAt}</th>
            <th scope="col">{m.changeActor}</th>
            <th scope="col">{m.changeReason}</th>
            <th scope="col">{m.changeWhat}</th>
            <th scope="col">{m.changeFigures}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change) => (
            <tr>
              <td>{change.month}</td>
              <td>{formatDateTime(ctx.lang, Date.parse(change.changedAt!), props.timezone)}</td>
              <td>{change.actor}</td>
              <td>{change.reason}</td>
              <td>{change.change}</td>
              <td>{movedFigures(ctx, change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
