// A service without an imported sheet gets one made from its claims, in the METI template's usual
// phrases; reading it back with the import's extractor gives the same claims (both directions of
// the sheet code checked against each other, in both languages).
import { describe, expect, it } from 'vitest';
import { defaultSheet } from '../../../server/reports/default-sheet.ts';
import { extractSheetClaims } from '../../../server/sheets/extract-claims.ts';
import { claim, service } from '../../oracle/build.ts';

const svc = service({
  claims: [
    claim('availability', 0.9995, { sheetRow: 5 }),
    claim('mttr', 90 * 60_000, { sheetRow: 10 }),
    claim('incident_count', 12, { sheetRow: 12 }),
    claim('long_incident_count', 3, { sheetRow: 12 }),
    claim('notification_delay', 2 * 3_600_000, { sheetRow: 15 }),
    claim('maintenance_notice', 14 * 86_400_000, { sheetRow: 2, direction: 'min', kind: 'downtime' }),
    claim('maintenance_notice', 5 * 86_400_000, { sheetRow: 2, direction: 'min', kind: 'no-downtime' }),
    claim('backup_freshness', 6 * 3_600_000, { sheetRow: 28 }),
    claim('latency', 800, { sheetRow: 19 }),
  ],
});

describe('a sheet made from the claims', () => {
  it.each(['ja', 'en'] as const)('reads back as the same claims (%s)', (lang) => {
    const result = extractSheetClaims(defaultSheet(svc, 2026, lang));
    if (!result.ok) throw new Error(result.reason);
    const read = result.reading.claims.map((c) => [c.sheetRow, c.metric, c.kind ?? null, c.bound]);
    // The claims' bounds in the sheet's base units (ratio, seconds, count), by hand.
    const expected = [
      [5, 'availability', null, 0.9995],
      [10, 'mttr', null, 5400], // 90 min × 60
      [12, 'incident_count', null, 12],
      [12, 'long_incident_count', null, 3],
      [15, 'notification_delay', null, 7200], // 2 h × 3,600
      [2, 'maintenance_notice', 'downtime', 1_209_600], // 14 d × 86,400
      [2, 'maintenance_notice', 'no-downtime', 432_000], // 5 d × 86,400
      [28, 'backup_freshness', null, 21_600], // 6 h × 3,600
      [19, 'latency', null, 0.8], // 800 ms ÷ 1,000
    ];
    expect(read.sort()).toEqual(expected.sort());
    expect(result.reading.unreadable).toEqual([]);
  });
});
