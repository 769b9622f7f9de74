// Each claim evaluated over its own current period (the calendar year, quarter or month in the
// service's timezone that contains now, or the rolling window ending now): what /metrics, alerts
// and the dashboard's "now" show. Claims sharing a period share one report.
import type { Claim, ServiceSpec } from '../sla/model.ts';
import { periodContaining } from '../sla/periods.ts';
import type { ClaimEvaluation } from '../sla/claim-status.ts';
import type { ServiceReport } from '../sla/service-report.ts';
import type { Store } from '../db/store.ts';
import { computeServiceReport } from './report-from-store.ts';

export interface CurrentClaim {
  evaluation: ClaimEvaluation;
  report: ServiceReport;
  fromMs: number;
  toMs: number;
}

export function currentPeriodOf(claim: Claim, service: ServiceSpec, nowMs: number): { fromMs: number; toMs: number } {
  if (claim.period.kind === 'rolling') return { fromMs: nowMs - claim.period.lengthMs, toMs: nowMs };
  return periodContaining(claim.period.kind, service.timezone, nowMs);
}

export async function evaluateCurrentClaims(
  store: Store,
  service: ServiceSpec,
  nowMs: number,
): Promise<CurrentClaim[]> {
  const byPeriod = new Map<string, { fromMs: number; toMs: number; claims: Claim[] }>();
  for (const claim of service.claims) {
    const period = currentPeriodOf(claim, service, nowMs);
    const key = `${period.fromMs}/${period.toMs}`;
    const group = byPeriod.get(key) ?? { ...period, claims: [] };
    group.claims.push(claim);
    byPeriod.set(key, group);
  }
  const out: CurrentClaim[] = [];
  for (const group of byPeriod.values()) {
    const { report, evaluations } = await computeServiceReport(store, {
      // The whole service: its other claims shape figures too (notice bounds, notification bound).
      service,
      fromMs: group.fromMs,
      toMs: group.toMs,
      nowMs,
    });
    for (const evaluation of evaluations) {
      if (group.claims.includes(evaluation.claim))
        out.push({ evaluation, report, fromMs: group.fromMs, toMs: group.toMs });
    }
  }
  return out;
}
