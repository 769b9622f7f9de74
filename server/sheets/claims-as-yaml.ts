// Claims read from a sheet as the config's YAML (the engine side is sla/sheet-claims.ts).
import type { ServiceSpec } from '../../sla/model.ts';
import { backupMonitor, sheetClaimId } from '../../sla/sheet-claims.ts';
import { durationMetrics, metricTraits } from '../../sla/metric-traits.ts';
import { formatConfigDuration } from '../config/durations.ts';
import type { SheetClaim } from './extract-claims.ts';

type ClaimSheetClaim = SheetClaim & { metric: Exclude<SheetClaim['metric'], 'service_hours'> };

/** The bound as the config writes it: 99.99%, 1h30m, 27. */
export function yamlBound(claim: ClaimSheetClaim): string | number {
  if (claim.metric === 'availability') return `${Number((claim.bound * 100).toFixed(claim.decimals ?? 2))}%`;
  if (durationMetrics.has(claim.metric)) return formatConfigDuration(Math.round(claim.bound * 1000));
  return claim.bound;
}

/** A claim entry of the config (services[].claims[]), in its key order. */
export function yamlClaim(claim: ClaimSheetClaim, service: ServiceSpec): Record<string, unknown> {
  const monitorId = claim.metric === 'backup_freshness' ? backupMonitor(service) : undefined;
  return {
    id: sheetClaimId(claim),
    sheet_row: claim.sheetRow,
    metric: claim.metric,
    ...(claim.kind ? { kind: claim.kind } : {}),
    ...(monitorId ? { monitor: monitorId } : {}),
    [metricTraits[claim.metric].direction]: yamlBound(claim),
  };
}
