// Rows of the check-sheet tables (sheets, frozen_months, month_changes) as the store hands them
// out. PostgreSQL returns bigint columns as numbers or strings depending on the driver's setup;
// Number() makes both dialects alike.
import type { SqlRow as Row } from './portable-sql.ts';
import type { FrozenMonthRow, MonthChangeRow, StoredSheet } from './store.ts';

export function sheetFromRow(row: Row): StoredSheet {
  return {
    serviceId: String(row.service_id),
    fileName: String(row.file_name),
    format: String(row.format),
    importedAtMs: Number(row.imported_at_ms),
    sheetJson: String(row.sheet_json),
    claimsJson: String(row.claims_json),
  };
}

export function frozenMonthFromRow(row: Row): FrozenMonthRow {
  return {
    serviceId: String(row.service_id),
    monthStartMs: Number(row.month_start_ms),
    monthEndMs: Number(row.month_end_ms),
    frozenAtMs: Number(row.frozen_at_ms),
    snapshotJson: String(row.snapshot_json),
  };
}

export function monthChangeFromRow(row: Row): MonthChangeRow {
  return {
    serviceId: String(row.service_id),
    monthStartMs: Number(row.month_start_ms),
    changedAtMs: Number(row.changed_at_ms),
    actor: String(row.actor),
    reason: String(row.reason),
    change: String(row.change),
    beforeJson: row.before_json === null ? null : String(row.before_json),
    afterJson: String(row.after_json),
  };
}
