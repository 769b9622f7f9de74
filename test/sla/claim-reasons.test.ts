// SPEC §3 reasons at and near each kind of bound: a figure past its bound is rounded away from it
// (up against an upper bound, down against a lower one), so it never reads as the bound itself.
import { describe, expect, it } from 'vitest';
import { evaluateClaim, type ClaimPeriodContext } from '../../sla/claim-status.ts';
import type { Figures } from '../../sla/figures-types.ts';
import type { Claim } from '../../sla/model.ts';
import { at, claim, DAY_S, figures, incident, window } from '../oracle/build.ts';

const minS = 60;
const hourS = 3600;

/** A closed year (now at its end, so nothing is projected) whose figures are `over`. */
function context(
  over: Partial<Omit<ClaimPeriodContext, 'figures'>> & { figures?: Partial<Figures> } = {},
): ClaimPeriodContext {
  const toMs = at(365 * DAY_S);
  return {
    backupFreshnessSeconds: {},
    counted: [],
    windows: [],
    nowMs: toMs,
    fromMs: at(0),
    toMs,
    fullPlannedMs: 365 * DAY_S * 1000,
    ...over,
    figures: figures(over.figures),
  };
}

const ratio = (value: number) => ({ availability: value, availabilityLower: value, availabilityUpper: value });

describe('claim reasons at and near their bounds', () => {
  const cases: { name: string; claim: Claim; ctx: ClaimPeriodContext; status: string; reason: string }[] = [
    {
      name: 'a response time of 500.4 ms against 500 ms reads 501 ms, not 500 ms',
      claim: claim('latency', 500),
      ctx: context({ figures: { latencyP95Ms: 500.4 } }),
      status: 'breached',
      reason: 'measured 501 ms > bound 500 ms',
    },
    {
      name: 'a response time at its bound meets it',
      claim: claim('latency', 500),
      ctx: context({ figures: { latencyP95Ms: 500 } }),
      status: 'met',
      reason: 'meets its bound',
    },
    {
      // 2,520.4 s = 42 min 0.4 s: "42 min" would cut 0.4 s; the next text up is 42 min 1 s.
      name: 'an MTTR 0.4 s over 42 min reads 42 min 1 s',
      claim: claim('mttr', 42 * minS * 1000),
      ctx: context({ figures: { mttrSeconds: 42 * minS + 0.4 } }),
      status: 'breached',
      reason: 'measured 42 min 1 s > bound 42 min',
    },
    {
      // 9,150 s = 2 h 32 min 30 s: two units show, so up to the minute: 2 h 33 min.
      name: 'an MTTR of 2 h 32 min 30 s against 2 h 32 min reads 2 h 33 min',
      claim: claim('mttr', (2 * hourS + 32 * minS) * 1000),
      ctx: context({ figures: { mttrSeconds: 9150 } }),
      status: 'breached',
      reason: 'measured 2 h 33 min > bound 2 h 32 min',
    },
    {
      // Detected at 0, notified at 4 h + 1 ms: 14,400,001 ms; one unit shows, so up to the second.
      name: 'a notification 1 ms past 4 h reads 4 h 1 s',
      claim: claim('notification_delay', 4 * hourS * 1000),
      ctx: context({ counted: [incident(0, hourS, { detectedS: 0, notifiedS: 4 * hourS + 0.001 })] }),
      status: 'breached',
      reason: 'measured 4 h 1 s > bound 4 h',
    },
    {
      // 86,400.5 s between backups = 1 d 0.5 s: up to 1 d 1 s.
      name: 'a backup gap half a second over a day reads 1 d 1 s',
      claim: claim('backup_freshness', DAY_S * 1000, { monitorId: 'backup' }),
      ctx: context({ backupFreshnessSeconds: { backup: DAY_S + 0.5 } }),
      status: 'breached',
      reason: 'measured 1 d 1 s > bound 1 d',
    },
    {
      // Announced 7 d − 1 ms ahead: cut down, 6 d 23 h (to the nearest ms it would read 7 d).
      name: 'a notice 1 ms short of 7 d reads 6 d 23 h',
      claim: claim('maintenance_notice', 7 * DAY_S * 1000, { direction: 'min' }),
      ctx: context({ windows: [window(10 * DAY_S, 10 * DAY_S + hourS, 'downtime', 3 * DAY_S + 0.001)] }),
      status: 'breached',
      reason: 'measured 6 d 23 h < bound 7 d',
    },
    {
      // Bound 7 d 12 h 30 min needs three units: it rounds up to 7 d 13 h, away from the notice of
      // 7 d 12 h 10 min, which rounds down to 7 d 12 h (cut to two units, both would read 7 d 12 h).
      name: 'a bound of three units rounds away from the figure',
      claim: claim('maintenance_notice', (7 * DAY_S + 12 * hourS + 30 * minS) * 1000, { direction: 'min' }),
      ctx: context({
        windows: [window(10 * DAY_S, 10 * DAY_S + hourS, 'downtime', 2 * DAY_S + 11 * hourS + 50 * minS)],
      }),
      status: 'breached',
      reason: 'measured 7 d 12 h < bound 7 d 13 h',
    },
    {
      name: 'a notice exactly 7 d ahead meets its bound',
      claim: claim('maintenance_notice', 7 * DAY_S * 1000, { direction: 'min' }),
      ctx: context({ windows: [window(10 * DAY_S, 10 * DAY_S + hourS, 'downtime', 3 * DAY_S)] }),
      status: 'met',
      reason: 'meets its bound',
    },
    {
      name: 'one incident over 27 reads 28 > 27',
      claim: claim('incident_count', 27),
      ctx: context({ figures: { incidentCount: 28 } }),
      status: 'breached',
      reason: 'measured 28 > bound 27',
    },
    {
      name: '27 incidents meet a bound of 27',
      claim: claim('incident_count', 27),
      ctx: context({ figures: { incidentCount: 27 } }),
      status: 'met',
      reason: 'meets its bound',
    },
    {
      // 99.989999 % truncated to 4 decimals: 99.9899 %.
      name: 'availability just under 99.99 % reads 99.9899 %',
      claim: claim('availability', 0.9999),
      ctx: context({ figures: ratio(0.99989999) }),
      status: 'breached',
      reason: 'availability at most 99.9899% < 99.99%',
    },
    {
      // 99.99991 % truncates to 99.9999 %; the bound is shown as written, 99.99995 %, not cut to 99.9999 %.
      name: 'a bound with five decimals is shown as written',
      claim: claim('availability', 0.9999995),
      ctx: context({ figures: ratio(0.9999991) }),
      status: 'breached',
      reason: 'availability at most 99.9999% < 99.99995%',
    },
    {
      // No downtime: the whole budget is left.
      name: 'availability at its bound meets it',
      claim: claim('availability', 0.9999),
      ctx: context({ figures: ratio(0.9999) }),
      status: 'met',
      reason: 'meets its bound',
    },
  ];

  it.each(cases)('$name', ({ claim: c, ctx, status, reason }) => {
    const evaluation = evaluateClaim(c, ctx);
    expect([evaluation.status, evaluation.reason]).toEqual([status, reason]);
  });
});
