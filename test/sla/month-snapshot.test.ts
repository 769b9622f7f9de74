// A year assembled from twelve month snapshots gives the figures of the year computed at once,
// and both give the hand arithmetic below. Service without monitors, history_from at the start
// of 2026 (JST): time outside incidents is up (README rule 8), so every figure is countable.
import { describe, expect, it } from 'vitest';
import type { Incident, Maintenance, ServiceSpec } from '../../sla/model.ts';
import { periodOfMonth, periodOfYear } from '../../sla/periods.ts';
import { buildServiceReport, type ReportInput } from '../../sla/service-report.ts';
import { computeMonthSnapshot, isFreezable, reportFromMonths } from '../../sla/month-snapshot.ts';
import { serviceTimelineFromChecks } from '../../sla/compute-scenario.ts';
import { claim, service } from '../oracle/build.ts';

const tz = 'Asia/Tokyo';
const jst = (local: string) => Date.parse(`${local}+09:00`);
const H = 3_600_000;

const svc: ServiceSpec = service({
  timezone: tz,
  historyFromMs: jst('2026-01-01T00:00:00'),
  claims: [
    claim('availability', 0.9999),
    claim('incident_count', 27),
    claim('notification_delay', 4 * H),
    claim('maintenance_notice', 7 * 24 * H, { direction: 'min', kind: 'downtime' }),
  ],
});

const inc = (start: string, end: string | null, over: Partial<Incident> = {}): Incident => ({
  serviceId: svc.id,
  startedAtMs: jst(start),
  detectedAtMs: jst(start),
  notifiedAtMs: null,
  resolvedAtMs: end === null ? null : jst(end),
  impact: 'outage',
  source: 'manual',
  title: 'x',
  ...over,
});

const incidents: Incident[] = [
  // 3 h across the January/February boundary; notified after 30 min.
  inc('2026-01-31T23:00:00', '2026-02-01T02:00:00', { notifiedAtMs: jst('2026-01-31T23:30:00') }),
  // 30 h (a long incident); notified after 5 h (late against 4 h).
  inc('2026-03-10T00:00:00', '2026-03-11T06:00:00', { notifiedAtMs: jst('2026-03-10T05:00:00') }),
  // 45 min, partial (not downtime), never notified (late once 4 h have passed).
  inc('2026-07-01T12:00:00', '2026-07-01T12:45:00', { impact: 'partial' }),
];
// 2 h of downtime maintenance announced 10 days ahead (≥ 7 d): excluded from planned time.
const maintenance: Maintenance[] = [
  {
    serviceId: svc.id,
    startMs: jst('2026-03-20T01:00:00'),
    endMs: jst('2026-03-20T03:00:00'),
    kind: 'downtime',
    announcedAtMs: jst('2026-03-10T01:00:00'),
    title: 'm',
  },
];

function input(fromMs: number, toMs: number, nowMs: number): ReportInput {
  return {
    service: svc,
    fromMs,
    toMs,
    nowMs,
    timeline: serviceTimelineFromChecks(svc, [], fromMs, Math.min(toMs, nowMs)),
    incidents: incidents.filter((i) => i.startedAtMs < toMs && (i.resolvedAtMs ?? Infinity) > fromMs),
    maintenance: maintenance.filter((w) => w.startMs < toMs && w.endMs > fromMs),
    latencyCounts: new Map(),
    backupFreshnessSeconds: {},
  };
}

describe('frozen months: a year from its months', () => {
  const year = periodOfYear(tz, 2026);
  const nowMs = jst('2027-01-05T00:00:00');
  const months = Array.from({ length: 12 }, (_, i) => periodOfMonth(tz, 2026, i + 1));
  const snapshots = months.map((m) => computeMonthSnapshot(input(m.fromMs, m.toMs, nowMs)));

  it('gives the hand-computed figures and the same report as the year at once', () => {
    const fromMonths = reportFromMonths(svc, snapshots, { fromMs: year.fromMs, toMs: year.toMs, nowMs }).report;
    const direct = buildServiceReport(input(year.fromMs, year.toMs, nowMs)).report;
    // P = 365 d − 2 h = 31,536,000 − 7,200 = 31,528,800 s; D = 3 h + 30 h = 118,800 s; U = 0.
    // MTTR = (3 + 30 + 0.75) h ÷ 3 = 11.25 h = 40,500 s; delays 1,800 s and 18,000 s → p50 9,900 s.
    expect(fromMonths.figures).toMatchObject({
      plannedSeconds: 31_528_800,
      downtimeSeconds: 118_800,
      unknownSeconds: 0,
      maintenanceSeconds: 7200,
      incidentCount: 3,
      longIncidentCount: 1,
      mttrSeconds: 40_500,
      notificationDelayMaxSeconds: 18_000,
      notificationDelayP50Seconds: 9_900,
      incidentsNotifiedLate: 2,
      maintenanceCount: 1,
      maintenanceNoticeViolations: 0,
    });
    expect(fromMonths.figures.availability).toBeCloseTo(1 - 118_800 / 31_528_800, 12);
    expect(fromMonths).toEqual(direct);
  });

  it('freezes a month only a grace day after its end, with nothing counted in it still open', () => {
    const march = months[2]!;
    expect(
      isFreezable(
        computeMonthSnapshot(input(march.fromMs, march.toMs, jst('2026-03-31T00:00:00'))),
        jst('2026-03-31T00:00:00'),
      ),
    ).toBe(false);
    // March ends at 2026-04-01 00:00 JST; the grace day runs until 2026-04-02 00:00 JST.
    const ended = computeMonthSnapshot(input(march.fromMs, march.toMs, jst('2026-04-01T12:00:00')));
    expect(isFreezable(ended, jst('2026-04-01T23:59:59.999'))).toBe(false);
    expect(isFreezable(ended, jst('2026-04-02T00:00:00'))).toBe(true);
    expect(isFreezable(snapshots[2]!, nowMs)).toBe(true);
    const open = computeMonthSnapshot({
      ...input(march.fromMs, march.toMs, nowMs),
      incidents: [inc('2026-03-30T00:00:00', null)],
    });
    expect(isFreezable(open, nowMs)).toBe(false);
  });
});
