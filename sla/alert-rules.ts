// SPEC §4: which drift alerts are active for a service now. Pure: every measurement (claim
// evaluations over their current periods, burn rates, open incidents, maintenance, push and TLS
// state) is passed in with the clock. An alert is identified by its key; the lifecycle
// (sla/alert-lifecycle.ts) turns the active set into fires, repeats and resolves.
import { formatDurationText } from './duration-text.ts';
import type { Claim, Incident, Maintenance, ServiceSpec } from './model.ts';
import type { ClaimEvaluation } from './claim-status.ts';
import type { BurnRatePair } from './burn-rates.ts';
import { noticeBoundMs, noticeLeadMs } from './maintenance-rules.ts';
import { notificationBoundMs } from './figures.ts';
import { breachFigures } from './claim-text.ts';
import { pct } from './claim-status.ts';
import { countMetrics, coverageGatedMetrics } from './metric-traits.ts';

/** Alert summaries are English, whatever the pages' language (the channels' payloads are). */
const formatDuration = (ms: number): string => formatDurationText(ms, 'en');

export const alertSeverities = ['page', 'ticket'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

export interface ActiveAlert {
  /** Unique per service: name plus the subject (claim, incident, window, monitor). */
  key: string;
  serviceId: string;
  /** Burn-rate alerts have `burn` in their name. */
  name: string;
  severity: AlertSeverity;
  claimId: string | null;
  summary: string;
}

/** Burn-rate alerts are named with `burn` (SPEC §4); they make their claim at risk (SPEC §3). */
export function isBurnAlert(alert: Pick<ActiveAlert, 'name'>): boolean {
  return alert.name.includes('burn');
}

export interface AlertRuleInput {
  service: ServiceSpec;
  nowMs: number;
  /** Each claim evaluated over its current period. */
  claims: readonly { evaluation: ClaimEvaluation; coverage: number | null; fromMs: number; toMs: number }[];
  /** Burn-rate pairs per availability claim id. */
  burnRates: ReadonlyMap<string, readonly BurnRatePair[]>;
  /** Incidents not yet resolved. */
  openIncidents: readonly Incident[];
  /** Maintenance windows that have not ended yet. */
  upcomingMaintenance: readonly Maintenance[];
  /** Push monitors and whether each is overdue now. */
  pushMonitors: readonly { monitorId: string; overdue: boolean }[];
  /** TLS monitors' earliest certificate expiry, from their last probe. */
  certificates: readonly { monitorId: string; expiresAtMs: number }[];
  /** A certificate expiring within this alerts. */
  tlsExpiryWithinMs: number;
}

/** Less than this left before the notification bound is a page (SPEC §4). */
export const notificationWarningMs = 3_600_000;

export function computeActiveAlerts(input: AlertRuleInput): ActiveAlert[] {
  const out: ActiveAlert[] = [];
  const add = (name: string, subject: string, severity: AlertSeverity, claim: Claim | null, summary: string) =>
    out.push({
      key: `${name}:${subject}`,
      serviceId: input.service.id,
      name,
      severity,
      claimId: claim?.id ?? null,
      summary,
    });
  for (const current of input.claims) claimAlerts(current, input, add);
  incidentAlerts(input, add);
  maintenanceAlerts(input, add);
  for (const push of input.pushMonitors) {
    if (push.overdue)
      add(
        'push_overdue',
        push.monitorId,
        'ticket',
        null,
        `push monitor ${push.monitorId} is overdue: no push within expect_every + grace`,
      );
  }
  for (const cert of input.certificates) {
    const leftMs = cert.expiresAtMs - input.nowMs;
    if (leftMs < input.tlsExpiryWithinMs) {
      const days = Math.floor(leftMs / 86_400_000);
      add(
        'tls_expiring',
        cert.monitorId,
        'ticket',
        null,
        leftMs <= 0
          ? `the certificate of ${cert.monitorId} has expired`
          : `the certificate of ${cert.monitorId} expires in ${days} days ` +
              `(${new Date(cert.expiresAtMs).toISOString()})`,
      );
    }
  }
  return out;
}

type Add = (name: string, subject: string, severity: AlertSeverity, claim: Claim | null, summary: string) => void;

function claimAlerts(current: AlertRuleInput['claims'][number], input: AlertRuleInput, add: Add): void {
  const { claim, measured } = current.evaluation;
  if (claim.metric === 'availability') {
    for (const pair of input.burnRates.get(claim.id) ?? []) {
      if (!pair.firing) continue;
      const w = pair.window;
      add(
        `availability_burn_${w.name}`,
        claim.id,
        w.severity,
        claim,
        `error budget of ${claim.id} (${pct(claim.bound)}) burning at ` +
          `${pair.longBurn!.toFixed(1)}× over ${formatDuration(w.longWindowMs)} and ` +
          `${pair.shortBurn!.toFixed(1)}× over ${formatDuration(w.shortWindowMs)} (alerts at ${w.factor}×)`,
      );
    }
  }
  // slawatch is blind: a probe-measured claim whose coverage is below its threshold cannot be verified.
  if (coverageGatedMetrics.has(claim.metric) && (current.coverage ?? 0) < claim.minCoverage) {
    add(
      'coverage_low',
      claim.id,
      'ticket',
      claim,
      `coverage of ${claim.id} is ${pct(current.coverage ?? 0)}, below the required ${pct(claim.minCoverage)}`,
    );
  }
  if (measured === null) return;
  if (claim.metric === 'mttr' && measured > claim.bound) {
    const shown = breachFigures(claim, measured, 'en');
    add(
      'mttr_over_bound',
      claim.id,
      'ticket',
      claim,
      `MTTR so far ${shown.measured} is above the claimed ${shown.bound}`,
    );
  }
  if (countMetrics.has(claim.metric)) {
    const what = claim.metric === 'incident_count' ? 'incidents' : 'long incidents';
    if (measured > claim.bound) {
      add(
        `${claim.metric}_over_bound`,
        claim.id,
        'ticket',
        claim,
        `${measured} ${what} so far, above the claimed ${claim.bound}`,
      );
    } else {
      // Linear projection to the period's end, as SPEC §3 at_risk projects counts.
      const elapsed = (Math.min(input.nowMs, current.toMs) - current.fromMs) / (current.toMs - current.fromMs);
      const projected = elapsed > 0 ? measured / elapsed : 0;
      if (input.nowMs < current.toMs && projected > claim.bound) {
        add(
          `${claim.metric}_on_pace`,
          claim.id,
          'ticket',
          claim,
          `${measured} ${what} so far, on pace for ${projected.toFixed(1)} by the period's end ` +
            `(claimed ${claim.bound})`,
        );
      }
    }
  }
}

function incidentAlerts(input: AlertRuleInput, add: Add): void {
  const boundMs = notificationBoundMs(input.service);
  if (boundMs === null) return;
  const claim = input.service.claims.find((c) => c.metric === 'notification_delay' && c.bound === boundMs) ?? null;
  for (const incident of input.openIncidents) {
    if (incident.notifiedAtMs !== null) continue;
    const detectedMs = incident.detectedAtMs ?? incident.startedAtMs;
    const leftMs = detectedMs + boundMs - input.nowMs;
    const subject = incident.id ?? String(incident.startedAtMs);
    if (leftMs < 0) {
      add(
        'notification_overdue',
        subject,
        'page',
        claim,
        `incident "${incident.title}" detected ${new Date(detectedMs).toISOString()} ` +
          `was not notified within the claimed ${formatDuration(boundMs)}`,
      );
    } else if (leftMs < notificationWarningMs) {
      add(
        'notification_due',
        subject,
        'page',
        claim,
        `incident "${incident.title}" must be notified to customers within ${Math.ceil(leftMs / 60_000)} min ` +
          `(claimed ${formatDuration(boundMs)} from detection)`,
      );
    }
  }
}

function maintenanceAlerts(input: AlertRuleInput, add: Add): void {
  for (const window of input.upcomingMaintenance) {
    const boundMs = noticeBoundMs(input.service.claims, window.kind);
    if (boundMs === null) continue;
    const leadMs = noticeLeadMs(window);
    // A window not yet announced alerts once its start is nearer than the bound: it can no longer be announced in time.
    const late = leadMs === null ? window.startMs - input.nowMs < boundMs : leadMs < boundMs;
    if (!late) continue;
    const claim = input.service.claims.find((c) => c.metric === 'maintenance_notice' && c.bound === boundMs) ?? null;
    const given = leadMs === null ? 'not announced' : `announced ${formatDuration(leadMs)} ahead`;
    add(
      'maintenance_notice_short',
      window.id ?? String(window.startMs),
      'ticket',
      claim,
      `${window.kind} maintenance "${window.title}" at ${new Date(window.startMs).toISOString()} is ${given}; ` +
        `the claim needs ${formatDuration(boundMs)}`,
    );
  }
}
