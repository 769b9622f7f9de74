// SPEC §4 alert rules other than burn rates, one case each, and the alert lifecycle.
import { describe, expect, it } from 'vitest';
import { computeActiveAlerts, type AlertRuleInput } from '../../sla/alert-rules.ts';
import { stepAlerts, type AlertState } from '../../sla/alert-lifecycle.ts';
import type { ClaimEvaluation } from '../../sla/claim-status.ts';
import type { Claim } from '../../sla/model.ts';
import { at, claim, incident, service, window } from '../oracle/build.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

function evaluation(c: Claim, measured: number | null): ClaimEvaluation {
  return { claim: c, measured, status: 'met', reason: '' };
}

function input(over: Partial<AlertRuleInput>): AlertRuleInput {
  return {
    service: service({ claims: over.claims?.map((c) => c.evaluation.claim) ?? [] }),
    nowMs: at(0),
    claims: [],
    burnRates: new Map(),
    openIncidents: [],
    upcomingMaintenance: [],
    pushMonitors: [],
    certificates: [],
    tlsExpiryWithinMs: 14 * dayMs,
    ...over,
  };
}

const year = { fromMs: at(0) - 100 * dayMs, toMs: at(0) + 265 * dayMs };
const names = (i: AlertRuleInput) => computeActiveAlerts(i).map((a) => `${a.name} ${a.severity}`);

describe('alert rules', () => {
  const mttr = claim('mttr', 42 * 60_000);
  const incidents = claim('incident_count', 27);
  const notification = claim('notification_delay', 4 * hourMs);
  const notice = claim('maintenance_notice', 7 * dayMs, { kind: 'downtime', direction: 'min' });
  const cases: { name: string; input: AlertRuleInput; expected: string[] }[] = [
    {
      name: 'MTTR so far above its bound is a ticket',
      input: input({ claims: [{ evaluation: evaluation(mttr, 43 * 60_000), coverage: 1, ...year }] }),
      expected: ['mttr_over_bound ticket'],
    },
    {
      name: 'MTTR at its bound is no alert',
      input: input({ claims: [{ evaluation: evaluation(mttr, 42 * 60_000), coverage: 1, ...year }] }),
      expected: [],
    },
    {
      name: 'incident count above its bound',
      input: input({ claims: [{ evaluation: evaluation(incidents, 28), coverage: 1, ...year }] }),
      expected: ['incident_count_over_bound ticket'],
    },
    // 100 of 365 days elapsed: 8 incidents project to 8 ÷ (100/365) = 29.2 > 27.
    {
      name: 'incident count on pace to pass its bound',
      input: input({ claims: [{ evaluation: evaluation(incidents, 8), coverage: 1, ...year }] }),
      expected: ['incident_count_on_pace ticket'],
    },
    // 7 project to 25.55 ≤ 27.
    {
      name: 'incident count on a pace within its bound is no alert',
      input: input({ claims: [{ evaluation: evaluation(incidents, 7), coverage: 1, ...year }] }),
      expected: [],
    },
    {
      name: 'coverage below the claim threshold (slawatch is blind)',
      input: input({ claims: [{ evaluation: evaluation(mttr, null), coverage: 0.98, ...year }] }),
      expected: ['coverage_low ticket'],
    },
    {
      // detected at −3.5 h, bound 4 h: 30 min left < 1 h.
      name: 'an incident not notified with less than an hour left before the notification bound pages',
      input: input({
        service: service({ claims: [notification] }),
        openIncidents: [{ ...incident(-3.5 * 3600, null, { detectedS: -3.5 * 3600 }), id: '7' }],
      }),
      expected: ['notification_due page'],
    },
    {
      name: 'an incident not notified with more than an hour left is no alert',
      input: input({
        service: service({ claims: [notification] }),
        openIncidents: [{ ...incident(-2.9 * 3600, null, { detectedS: -2.9 * 3600 }), id: '7' }],
      }),
      expected: [],
    },
    {
      name: 'an incident not notified past its bound is a breach',
      input: input({
        service: service({ claims: [notification] }),
        openIncidents: [{ ...incident(-4.1 * 3600, null, { detectedS: -4.1 * 3600 }), id: '7' }],
      }),
      expected: ['notification_overdue page'],
    },
    {
      name: 'a notified incident is no alert',
      input: input({
        service: service({ claims: [notification] }),
        openIncidents: [{ ...incident(-5 * 3600, null, { detectedS: -5 * 3600, notifiedS: -4.5 * 3600 }), id: '7' }],
      }),
      expected: [],
    },
    {
      // starts in 10 d, announced 3 d before it: 3 d < 7 d.
      name: 'a maintenance window announced with less notice than its bound',
      input: input({
        service: service({ claims: [notice] }),
        upcomingMaintenance: [{ ...window(10 * 86400, 10 * 86400 + 3600, 'downtime', 7 * 86400), id: '3' }],
      }),
      expected: ['maintenance_notice_short ticket'],
    },
    {
      name: 'an unannounced window that can still be announced in time is no alert',
      input: input({
        service: service({ claims: [notice] }),
        upcomingMaintenance: [{ ...window(8 * 86400, 8 * 86400 + 3600, 'downtime', null), id: '3' }],
      }),
      expected: [],
    },
    {
      name: 'an unannounced window nearer than its notice bound alerts',
      input: input({
        service: service({ claims: [notice] }),
        upcomingMaintenance: [{ ...window(6 * 86400, 6 * 86400 + 3600, 'downtime', null), id: '3' }],
      }),
      expected: ['maintenance_notice_short ticket'],
    },
    {
      name: 'a push monitor overdue',
      input: input({
        pushMonitors: [
          { monitorId: 'backup', overdue: true },
          { monitorId: 'cron', overdue: false },
        ],
      }),
      expected: ['push_overdue ticket'],
    },
    {
      name: 'a certificate expiring within 14 days',
      input: input({
        certificates: [
          { monitorId: 'cert', expiresAtMs: at(0) + 13 * dayMs },
          { monitorId: 'ok', expiresAtMs: at(0) + 15 * dayMs },
        ],
      }),
      expected: ['tls_expiring ticket'],
    },
  ];
  it.each(cases)('$name', ({ input: i, expected }) => {
    expect(names(i)).toEqual(expected);
  });

  it('summaries write spans in days, hours and minutes, cut at the second unit', () => {
    // Announced at 0 s for a window starting 2 d 5 h 30 min later: the notice given reads 2 d 5 h.
    const alerts = computeActiveAlerts(
      input({
        service: service({ claims: [notice] }),
        upcomingMaintenance: [{ ...window(2 * 86400 + 5.5 * 3600, 3 * 86400, 'downtime', 0), id: '4' }],
      }),
    );
    expect(alerts.map((a) => a.summary)).toEqual([expect.stringMatching(/announced 2 d 5 h ahead.*needs 7 d/)]);
  });

  it('keys name the subject, so two incidents are two alerts', () => {
    const n = claim('notification_delay', 4 * hourMs);
    const alerts = computeActiveAlerts(
      input({
        service: service({ claims: [n] }),
        openIncidents: [
          { ...incident(-5 * 3600, null), id: '1' },
          { ...incident(-5 * 3600, null), id: '2' },
        ],
      }),
    );
    expect(alerts.map((a) => a.key)).toEqual(['notification_overdue:1', 'notification_overdue:2']);
    expect(alerts[0]!.claimId).toBe('notification_delay');
  });
});

describe('alert lifecycle', () => {
  const active = [
    {
      key: 'mttr_over_bound:mttr',
      serviceId: 'svc',
      name: 'mttr_over_bound',
      severity: 'ticket' as const,
      claimId: 'mttr',
      summary: 's',
    },
  ];
  const channels = [
    { id: 'ops', repeatMs: 4 * hourMs },
    { id: 'hook', repeatMs: hourMs },
  ];
  const sends = (r: ReturnType<typeof stepAlerts>) =>
    r.sends.map((s) => `${s.channelId} ${s.status}${s.repeat ? ' repeat' : ''}`);

  it('fires once to every channel, repeats per channel after its repeat, resolves to each that had it', () => {
    const first = stepAlerts([], active, channels, at(0));
    expect(sends(first)).toEqual(['ops firing', 'hook firing']);
    const state = first.changed[0]!;
    expect(sends(stepAlerts([state], active, channels, at(60)))).toEqual([]);
    const later = stepAlerts([state], active, channels, at(3600));
    expect(sends(later)).toEqual(['hook firing repeat']);
    const resolved = stepAlerts([later.changed[0]!], [], channels, at(3700));
    expect(sends(resolved)).toEqual(['ops resolved', 'hook resolved']);
    expect(resolved.changed[0]).toMatchObject({ status: 'resolved', resolvedAtMs: at(3700) });
  });

  it('an unchanged alert that is not due stores nothing (a restart reading the stored state sends nothing)', () => {
    const state = stepAlerts([], active, channels, at(0)).changed[0]!;
    expect(stepAlerts([state], active, channels, at(10))).toEqual({ changed: [], sends: [] });
  });

  it('an acknowledged alert stops repeating but is still resolved', () => {
    const state: AlertState = {
      ...stepAlerts([], active, channels, at(0)).changed[0]!,
      acknowledgedAtMs: at(5),
      acknowledgedBy: 'ann',
    };
    expect(sends(stepAlerts([state], active, channels, at(5 * 3600)))).toEqual([]);
    expect(sends(stepAlerts([state], [], channels, at(5 * 3600)))).toEqual(['ops resolved', 'hook resolved']);
  });

  it('a silenced alert sends nothing until the silence ends, then repeats', () => {
    const state: AlertState = { ...stepAlerts([], active, channels, at(0)).changed[0]!, silencedUntilMs: at(7200) };
    expect(sends(stepAlerts([state], active, channels, at(3600)))).toEqual([]);
    expect(sends(stepAlerts([state], active, channels, at(7200)))).toEqual(['hook firing repeat']);
  });

  it('an alert the rules could not judge now stays firing, unresolved and unrepeated', () => {
    const state = stepAlerts([], active, channels, at(0)).changed[0]!;
    expect(stepAlerts([state], [], channels, at(5 * 3600), new Set([state.key]))).toEqual({ changed: [], sends: [] });
  });

  it('a channel added while an alert fires gets it at once', () => {
    const state = stepAlerts([], active, channels.slice(0, 1), at(0)).changed[0]!;
    expect(sends(stepAlerts([state], active, channels, at(60)))).toEqual(['hook firing']);
  });
});
