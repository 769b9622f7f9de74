// Claims read from a check sheet (server/sheets) as the engine's claims. A claim the config already
// makes (same metric and kind) wins over the sheet's: the config is what the team edits. Pure.
import type { Claim, ClaimMetric, MaintenanceKind, ServiceSpec } from './model.ts';
import { durationMetrics, metricTraits } from './metric-traits.ts';

/** What the engine needs of a claim read from a sheet; bounds in base units (ratio, seconds, count). */
export interface SheetClaimCore {
  sheetRow: number;
  metric: ClaimMetric | 'service_hours';
  bound: number;
  kind?: MaintenanceKind;
}

export function isClaimMetric<C extends SheetClaimCore>(claim: C): claim is C & { metric: ClaimMetric } {
  return claim.metric !== 'service_hours';
}

export function sheetClaimId(claim: SheetClaimCore): string {
  return `sheet-${claim.metric.replaceAll('_', '-')}${claim.kind ? `-${claim.kind}` : ''}`;
}

/** The push monitor a backup claim watches: the service's only one, if it has exactly one. */
export function backupMonitor(service: ServiceSpec): string | undefined {
  const push = service.monitors.filter((m) => m.type === 'push');
  return push.length === 1 ? push[0]!.id : undefined;
}

export function toEngineClaim(claim: SheetClaimCore & { metric: ClaimMetric }, service: ServiceSpec): Claim {
  const monitorId = claim.metric === 'backup_freshness' ? backupMonitor(service) : undefined;
  return {
    id: sheetClaimId(claim),
    sheetRow: claim.sheetRow,
    metric: claim.metric,
    direction: metricTraits[claim.metric].direction,
    // The engine keeps durations in ms; the sheet JSON has seconds (SPEC §5).
    bound: durationMetrics.has(claim.metric) ? claim.bound * 1000 : claim.bound,
    period: { kind: 'year' },
    ...(claim.kind ? { kind: claim.kind } : {}),
    ...(monitorId ? { monitorId } : {}),
    minCoverage: 0.99,
  };
}

/** The service with the sheet's claims that its config does not already make. */
export function withSheetClaims(service: ServiceSpec, sheetClaims: readonly SheetClaimCore[]): ServiceSpec {
  const extra = sheetClaims
    .filter(isClaimMetric)
    .map((c) => toEngineClaim(c, service))
    .filter((c) => !service.claims.some((own) => own.metric === c.metric && own.kind === c.kind));
  return extra.length === 0 ? service : { ...service, claims: [...service.claims, ...extra] };
}
