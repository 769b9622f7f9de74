// The service page's claim reasons at and near their bounds: a measured time is rounded away from
// the bound (up against an upper bound, down against a lower one), spending up and the budget down.
import { describe, expect, it } from 'vitest';
import { claimReason, type ReasonContext } from '../../../server/pages/service/claim-reason.ts';
import type { ClaimEvaluation } from '../../../sla/claim-status.ts';
import type { Claim } from '../../../sla/model.ts';
import { at, claim, DAY_S, figures } from '../../oracle/build.ts';

/** A closed year (nothing is projected to its end): one incident, resolved and notified late; one notice too late. */
const closedYear = figures({
  incidentCount: 1,
  openIncidentCount: 0,
  incidentsNotifiedLate: 1,
  maintenanceNoticeViolations: 1,
});
const ctx: ReasonContext = { figures: closedYear, fromMs: at(0), toMs: at(365 * DAY_S), nowMs: at(365 * DAY_S) };

const evaluation = (c: Claim, measured: number, extra: Partial<ClaimEvaluation> = {}): ClaimEvaluation => ({
  claim: c,
  measured,
  status: 'breached',
  reason: '',
  ...extra,
});

describe('claim reasons on the service page', () => {
  it.each([
    {
      // 9,150 s = 2 h 32 min 30 s, one resolved: both the total and the mean round up to 2 h 33 min.
      name: 'an MTTR between two minutes reads the minute above',
      e: evaluation(claim('mttr', 42 * 60_000), 9_150_000),
      en: '2 h 33 min of repair ÷ 1 resolved = 2 h 33 min',
    },
    {
      name: 'a response time of 500.4 ms reads 501 ms',
      e: evaluation(claim('latency', 500), 500.4),
      en: 'p95 = 501 ms',
      ja: 'p95 = 501ミリ秒',
    },
    {
      // 4 h and 1 ms: one unit shows, so up to the second.
      name: 'a notification 1 ms past 4 h reads 4 h 1 s',
      e: evaluation(claim('notification_delay', 4 * 3_600_000), 4 * 3_600_000 + 1),
      en: 'worst delay 4 h 1 s; 1 notified late',
      ja: '最大遅延 4時間1秒、通知遅延 1件',
    },
    {
      // 7 d − 1 ms of notice against at least 7 d: cut down to 6 d 23 h.
      name: 'a notice 1 ms short of 7 d reads 6 d 23 h',
      e: evaluation(claim('maintenance_notice', 7 * 86_400_000, { direction: 'min' }), 7 * 86_400_000 - 1),
      en: 'shortest notice 6 d 23 h; 1 announced too late',
    },
    {
      name: 'a backup gap of a day and half a second reads 1 d 1 s',
      e: evaluation(claim('backup_freshness', 86_400_000), 86_400_500),
      en: 'longest gap between backups 1 d 1 s',
    },
    {
      // Budget (1 − 0.9999) × 31,536,000 s = 3,153.6 s, shown down: 52 min 33 s. Used 3,153.9 s,
      // shown up: 52 min 34 s (to the nearest ms and cut, both would read 52 min 33 s). Over: 300 ms.
      name: 'an overspent budget never reads as its own size',
      e: evaluation(claim('availability', 0.9999), 0.99989999, {
        budget: { totalMs: 3_153_600, usedMs: 3_153_900, remainingRatio: -300 / 3_153_600 },
      }),
      en: 'D = 52 min 34 s of 52 min 33 s budget: overspent by 300 ms',
    },
    {
      name: 'a count names its bound',
      e: evaluation(claim('incident_count', 27), 28),
      en: '28 of at most 27',
      ja: '28件（上限 27件）',
    },
  ])('$name', ({ e, en, ja }) => {
    expect(claimReason('en', e, ctx)).toBe(en);
    if (ja) expect(claimReason('ja', e, ctx)).toBe(ja);
  });
});
