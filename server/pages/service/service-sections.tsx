// The service page's tables: claims with their reasons, the incident timeline and list, unknown
// stretches, and the maintenance calendar with each window's notice.
import type { Claim, Incident, Maintenance } from '../../../sla/model.ts';
import { noticeBoundMs, noticeLeadMs, violatesNotice } from '../../../sla/maintenance-rules.ts';
import { totalMs, type Interval } from '../../../sla/intervals.ts';
import { fill, formatDateTime, formatDuration, type Lang } from '../i18n.ts';
import { formatBound, formatMeasured, metricLabel, StatusBadge } from '../claim-labels.tsx';
import type { PageContext } from '../page-context.ts';
import { claimReason } from './claim-reason.ts';
import type { ClaimView } from '../claim-views.ts';
import { serviceMessages } from './service-messages.ts';

export function ClaimsTable({ ctx, claims, timezone }: { ctx: PageContext; claims: ClaimView[]; timezone: string }) {
  const m = serviceMessages(ctx.lang);
  if (claims.length === 0) return <p>{m.noClaims}</p>;
  // With no period selected each claim has its own (a year, a month, the last hour): say which.
  const ownPeriods = ctx.selection.kind === 'current';
  return (
    <div class="table-wrap">
      <table class="claims">
        <thead>
          <tr>
            <th scope="col">{m.claim}</th>
            <th scope="col" class="num">
              {m.sheetRow}
            </th>
            <th scope="col" class="num">
              {m.bound}
            </th>
            <th scope="col" class="num">
              {m.measured}
            </th>
            <th scope="col">{m.status}</th>
            {ownPeriods ? <th scope="col">{ctx.t.claimPeriod}</th> : null}
            <th scope="col">{m.reason}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map(({ evaluation: e, report, fromMs, toMs }) => (
            <tr data-claim={e.claim.id} data-status={e.status}>
              <th scope="row">{metricLabel(ctx.lang, e.claim)}</th>
              <td class="num">{e.claim.sheetRow ?? '—'}</td>
              <td class="num">{formatBound(ctx.lang, e.claim)}</td>
              <td class="num" data-measured>
                {formatMeasured(ctx.lang, e.claim, e.measured)}
              </td>
              <td>
                <StatusBadge lang={ctx.lang} status={e.status} />
              </td>
              {ownPeriods ? (
                <td>
                  {formatDateTime(ctx.lang, fromMs, timezone)} – {formatDateTime(ctx.lang, toMs, timezone)}
                </td>
              ) : null}
              <td>{claimReason(ctx.lang, e, { figures: report.report.figures, fromMs, toMs, nowMs: report.nowMs })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A bar of the period with each incident and maintenance window placed on it (decorative: the list
 * below says the same).
 */
export function IncidentTimeline({
  ctx,
  incidents,
  maintenance,
  fromMs,
  toMs,
  nowMs,
}: {
  ctx: PageContext;
  incidents: Incident[];
  maintenance: Maintenance[];
  fromMs: number;
  toMs: number;
  nowMs: number;
}) {
  const m = serviceMessages(ctx.lang);
  // SVG geometry attributes, not inline styles: the Content-Security-Policy allows no
  // 'unsafe-inline' (SPEC §6), so a style="" attribute would be dropped.
  const place = (startMs: number, endMs: number) => {
    const left = Math.max(0, Math.min(1, (startMs - fromMs) / (toMs - fromMs))) * 100;
    const width = Math.max(0.3, ((Math.min(endMs, toMs) - Math.max(startMs, fromMs)) / (toMs - fromMs)) * 100);
    return { x: left.toFixed(3), y: '0', width: width.toFixed(3), height: '1' };
  };
  return (
    <figure class="timeline" aria-hidden="true">
      <svg class="timeline-track" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
        {maintenance.map((w) => (
          <rect class="tl-maintenance" {...place(w.startMs, w.endMs)} />
        ))}
        {incidents.map((i) => (
          <rect class={`tl-${i.impact}`} {...place(i.startedAtMs, i.resolvedAtMs ?? nowMs)} />
        ))}
      </svg>
      <ul class="legend">
        <li>
          <i class="tl-outage"></i>
          {m.timelineLegendOutage}
        </li>
        <li>
          <i class="tl-partial"></i>
          {m.timelineLegendPartial}
        </li>
        <li>
          <i class="tl-maintenance"></i>
          {m.timelineLegendMaintenance}
        </li>
      </ul>
    </figure>
  );
}

export function IncidentTable({
  ctx,
  incidents,
  timezone,
  nowMs,
}: {
  ctx: PageContext;
  incidents: Incident[];
  timezone: string;
  nowMs: number;
}) {
  const m = serviceMessages(ctx.lang);
  if (incidents.length === 0) return <p>{m.noIncidents}</p>;
  const at = (ms: number | null) => (ms === null ? '—' : formatDateTime(ctx.lang, ms, timezone));
  return (
    <div class="table-wrap">
      <table class="incidents">
        <thead>
          <tr>
            <th scope="col">{m.title}</th>
            <th scope="col">{m.started}</th>
            <th scope="col">{m.detected}</th>
            <th scope="col">{m.notified}</th>
            <th scope="col">{m.resolved}</th>
            <th scope="col" class="num">
              {m.duration}
            </th>
            <th scope="col">{m.impact}</th>
            <th scope="col">{m.source}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr data-incident={i.id ?? ''}>
              <th scope="row">{i.title || '—'}</th>
              <td>{at(i.startedAtMs)}</td>
              <td>{at(i.detectedAtMs)}</td>
              <td>{at(i.notifiedAtMs)}</td>
              <td>{i.resolvedAtMs === null ? <strong>{m.stillOpen}</strong> : at(i.resolvedAtMs)}</td>
              <td class="num">{formatDuration(ctx.lang, (i.resolvedAtMs ?? nowMs) - i.startedAtMs)}</td>
              <td>{m[`impact${i.impact}`]}</td>
              <td>{m[`source${i.source}`]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Longest first, at most this many listed. */
const unknownShown = 20;

export function UnknownStretches({
  ctx,
  unknown,
  timezone,
}: {
  ctx: PageContext;
  unknown: Interval[];
  timezone: string;
}) {
  const m = serviceMessages(ctx.lang);
  if (unknown.length === 0) return <p>{m.unknownNone}</p>;
  const longest = [...unknown].sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs)).slice(0, unknownShown);
  return (
    <>
      <p>{fill(m.unknownTotal, { count: unknown.length, total: formatDuration(ctx.lang, totalMs(unknown)) })}</p>
      <div class="table-wrap">
        <table class="unknown">
          <thead>
            <tr>
              <th scope="col">{m.from}</th>
              <th scope="col">{m.to}</th>
              <th scope="col" class="num">
                {m.duration}
              </th>
            </tr>
          </thead>
          <tbody>
            {longest.map((u) => (
              <tr>
                <td>{formatDateTime(ctx.lang, u.startMs, timezone)}</td>
                <td>{formatDateTime(ctx.lang, u.endMs, timezone)}</td>
                <td class="num">{formatDuration(ctx.lang, u.endMs - u.startMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function MaintenanceTable({
  ctx,
  windows,
  claims,
  timezone,
}: {
  ctx: PageContext;
  windows: Maintenance[];
  claims: readonly Claim[];
  timezone: string;
}) {
  const m = serviceMessages(ctx.lang);
  if (windows.length === 0) return <p>{m.noMaintenance}</p>;
  const lang: Lang = ctx.lang;
  return (
    <div class="table-wrap">
      <table class="maintenance">
        <thead>
          <tr>
            <th scope="col">{m.title}</th>
            <th scope="col">{m.from}</th>
            <th scope="col">{m.to}</th>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.announced}</th>
            <th scope="col" class="num">
              {m.notice}
            </th>
            <th scope="col" class="num">
              {m.noticeRequired}
            </th>
            <th scope="col">{m.status}</th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => {
            const lead = noticeLeadMs(w);
            const required = noticeBoundMs(claims, w.kind);
            const late = violatesNotice(w, claims);
            return (
              <tr data-maintenance={w.id ?? ''}>
                <th scope="row">{w.title || '—'}</th>
                <td>{formatDateTime(lang, w.startMs, timezone)}</td>
                <td>{formatDateTime(lang, w.endMs, timezone)}</td>
                <td>{m[`kind${w.kind}`]}</td>
                <td>{w.announcedAtMs === null ? m.notAnnounced : formatDateTime(lang, w.announcedAtMs, timezone)}</td>
                <td class="num">
                  {lead === null ? '—' : `${lead < 0 ? '−' : ''}${formatDuration(lang, Math.abs(lead))}`}
                </td>
                <td class="num">{required === null ? '—' : formatDuration(lang, required)}</td>
                <td>
                  {required === null ? (
                    '—'
                  ) : (
                    <span class={`status ${late ? 'status-breached' : 'status-met'}`}>
                      {late ? m.noticeLate : m.noticeOk}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
