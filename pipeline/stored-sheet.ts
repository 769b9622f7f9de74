// A service as every yearly figure sees it: its configured claims plus those of the check sheet
// imported for it (config claims win; sla/sheet-claims.ts).
import type { ServiceSpec } from '../sla/model.ts';
import { withSheetClaims, type SheetClaimCore } from '../sla/sheet-claims.ts';
import type { Store } from '../db/store.ts';

export async function serviceWithStoredSheet(store: Store, service: ServiceSpec): Promise<ServiceSpec> {
  const stored = await store.getSheet(service.id);
  return stored ? withSheetClaims(service, JSON.parse(stored.claimsJson) as SheetClaimCore[]) : service;
}
