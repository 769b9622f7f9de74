// Claims read from check sheets by item name: the seed sheet, a Japanese and an English variant
// with other layouts, numbers and phrasings, and an XLSX twin written by exceljs. Every expected
// bound is read off the fixture by hand and converted to base units in the comment beside it.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readDelimited, readSheetFile } from '../../../server/sheets/read-sheet.ts';
import { claimJson, extractSheetClaims } from '../../../server/sheets/extract-claims.ts';

async function claimsOf(path: string) {
  const result = extractSheetClaims(await readSheetFile(path));
  if (!result.ok) throw new Error(result.reason);
  return {
    claims: result.reading.claims.map(claimJson).map(({ sourceText: _s, ...rest }) => rest),
    unreadable: result.reading.unreadable,
  };
}

const day = 86_400;

describe('import sheet: claims by item name', () => {
  it.each([
    {
      name: 'the seed sheet (Japanese, METI layout)',
      file: 'test/fixtures/sheets/lanscope-security-checksheet.tsv',
      claims: [
        { sheetRow: 1, metric: 'service_hours', bound: 7 * day, calendar: '24x7' }, // 24時間365日
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'downtime', bound: 7 * day }, // 1週間前
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'no-downtime', bound: 3 * day }, // 3日前
        { sheetRow: 5, metric: 'availability', bound: 0.9999 }, // 99.99%
        { sheetRow: 10, metric: 'mttr', bound: 42 * 60 }, // 42分
        { sheetRow: 12, metric: 'incident_count', bound: 27 },
        { sheetRow: 12, metric: 'long_incident_count', bound: 13 },
        { sheetRow: 15, metric: 'notification_delay', bound: 4 * 3600 }, // 4時間以内
        { sheetRow: 28, metric: 'backup_freshness', bound: day }, // 1日1回 (not the "35日" beside it)
      ],
      // Row 19 is a claim item that says "not published"; the others are measured in time,
      // frequency or time bands (RTO, monitoring interval, RPO, retention…) but no claim covers them.
      unreadable: [
        ...[11, 16, 17].map((sheetRow) => ({
          sheetRow,
          reason: expect.stringContaining('no claim metric covers this item'),
        })),
        { sheetRow: 19, reason: 'the answer says the figure is not published' },
        ...[20, 21, 26, 27, 29, 30, 47, 53].map((sheetRow) => ({
          sheetRow,
          reason: expect.stringContaining('no claim metric covers this item'),
        })),
      ],
    },
    {
      name: 'a Japanese variant: full-width digits and ％, 1時間30分, 障害件数：5件, weekday hours',
      file: 'test/fixtures/sheets/ja-variant.tsv',
      claims: [
        {
          sheetRow: 1,
          metric: 'service_hours',
          bound: 5 * 9 * 3600,
          calendar: [{ days: 'weekdays', from: '09:00', to: '18:00' }],
        },
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'downtime', bound: 14 * day }, // ２週間前
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'no-downtime', bound: 5 * day }, // ５日前
        { sheetRow: 3, metric: 'availability', bound: 0.9995 }, // ９９．９５％
        { sheetRow: 4, metric: 'mttr', bound: 90 * 60 }, // １時間３０分
        { sheetRow: 5, metric: 'incident_count', bound: 5 }, // ５件
        { sheetRow: 5, metric: 'long_incident_count', bound: 2 }, // the "1" of 1日以上 is not a count
        { sheetRow: 6, metric: 'notification_delay', bound: 30 * 60 }, // ３０分以内
        { sheetRow: 8, metric: 'backup_freshness', bound: day }, // 毎日
      ],
      unreadable: [{ sheetRow: 7, reason: expect.stringContaining('no duration found') }],
    },
    {
      name: 'an English variant: one week before, 1 hour 30 minutes, within 2 hours, every 6 hours',
      file: 'test/fixtures/sheets/en-variant.csv',
      claims: [
        { sheetRow: 1, metric: 'service_hours', bound: 7 * day, calendar: '24x7' },
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'downtime', bound: 7 * day },
        { sheetRow: 2, metric: 'maintenance_notice', kind: 'no-downtime', bound: 3 * day },
        { sheetRow: 3, metric: 'availability', bound: 0.999 },
        { sheetRow: 4, metric: 'mttr', bound: 90 * 60 },
        { sheetRow: 5, metric: 'incident_count', bound: 5 },
        { sheetRow: 5, metric: 'long_incident_count', bound: 2 },
        { sheetRow: 6, metric: 'notification_delay', bound: 2 * 3600 },
        { sheetRow: 8, metric: 'backup_freshness', bound: 6 * 3600 },
      ],
      unreadable: [{ sheetRow: 7, reason: expect.stringContaining('no duration found') }],
    },
  ])('reads $name', async ({ file, claims, unreadable }) => {
    const result = await claimsOf(file);
    expect(result.claims).toEqual(claims);
    expect(result.unreadable).toEqual(unreadable.map((u) => expect.objectContaining(u)));
  });

  it('reads an XLSX sheet written by exceljs like its CSV twin, rich text included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slawatch-sheet-'));
    try {
      const csv = await readSheetFile('test/fixtures/sheets/en-variant.csv');
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('SLA');
      for (const row of csv.rows) ws.addRow(row.cells);
      // An answer cell in rich text, as Excel writes a partly bold cell.
      ws.getCell('D6').value = {
        richText: [{ text: 'In 2025: ' }, { font: { bold: true }, text: '1 hour 30 minutes' }],
      };
      const path = join(dir, 'sheet.xlsx');
      await workbook.xlsx.writeFile(path);
      expect((await claimsOf(path)).claims).toEqual((await claimsOf('test/fixtures/sheets/en-variant.csv')).claims);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    { name: 'an MTTR answer without a duration', answer: '迅速に復旧します', reason: 'no duration found' },
    {
      name: 'an availability answer with two different percentages',
      answer: '99.9%（2024年は99.5%）',
      reason: 'more than one percentage',
    },
    { name: 'an empty answer', answer: '', reason: 'the answer is empty' },
  ])('lists $name as unreadable, with the reason', ({ answer, reason }) => {
    const item = reason.includes('percentage') ? 'サービス稼働率' : '平均復旧時間(MTTR)';
    const sheet = readDelimited(`No.\tサービスレベル項目\t回答\n3\t${item}\t${answer}\n`, 'tsv');
    const result = extractSheetClaims(sheet);
    expect(result.ok && result.reading.claims).toEqual([]);
    expect(result.ok && result.reading.unreadable).toEqual([
      expect.objectContaining({ sheetRow: 3, line: 2, reason: expect.stringContaining(reason) }),
    ]);
  });

  it('refuses a sheet without an item and an answer column, saying what it looked for', () => {
    const result = extractSheetClaims(readDelimited('a,b\n1,2\n', 'csv'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('no header row with an item column') });
  });
});
