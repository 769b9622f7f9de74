// The kinds of import (SPEC §5 "Imports"). One `as const` list drives the CLI's choices and the
// registry below: adding a kind without its row parser does not compile.

import type { Check, Incident, Maintenance } from '../../sla/model.ts';
import { checkRow } from './check-row.ts';
import { incidentRow } from './incident-row.ts';
import { maintenanceRow } from './maintenance-row.ts';
import type { RowParser } from './row-parser.ts';

export const importKinds = ['checks', 'incidents', 'maintenance'] as const;
export type ImportKind = (typeof importKinds)[number];

/** The domain value one row of each kind becomes. */
export interface ImportValues {
  checks: Check;
  incidents: Incident;
  maintenance: Maintenance;
}

export const rowParsers: { readonly [K in ImportKind]: RowParser<ImportValues[K]> } = {
  checks: checkRow,
  incidents: incidentRow,
  maintenance: maintenanceRow,
};

export function isImportKind(name: string): name is ImportKind {
  return (importKinds as readonly string[]).includes(name);
}
