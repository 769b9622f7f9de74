// The claims of a check sheet: every row whose item name is a measurable item (sheet-items.ts),
// read from its answer. A row that looks measurable but cannot be read is listed with the reason,
// never guessed. Pure: a read sheet in, claims and reasons out.
import type { MaintenanceKind } from '../../sla/model.ts';
import type { Sheet } from './read-sheet.ts';
import { findLayout, isHeaderRow, sheetRowNumber, type SheetLayout } from './sheet-layout.ts';
import { sheetItems, type ReadClaim, type SheetMetric } from './sheet-items.ts';
import { normalizeText, type Span } from './sheet-text.ts';

export interface SheetClaim {
  /** The sheet's own row number ("No."), else the file line. */
  sheetRow: number;
  line: number;
  item: string;
  metric: SheetMetric;
  /** Base units (SPEC §5): a ratio for availability, seconds for durations, a count for counts. */
  bound: number;
  kind?: MaintenanceKind;
  sourceText: string;
  span: Span;
  decimals?: number;
  calendar?: ReadClaim['calendar'];
}

export interface UnreadableRow {
  sheetRow: number | null;
  line: number;
  item: string;
  reason: string;
  sourceText: string;
}

export interface SheetReading {
  layout: SheetLayout;
  claims: SheetClaim[];
  unreadable: UnreadableRow[];
}

export type SheetExtraction = { ok: true; reading: SheetReading } | { ok: false; reason: string };

/** Units of the METI template's measurable rows (時間, 時間(分), 稼働率(%), 回, 頻度…). */
const measurableUnit =
  /(?:^時間|稼働率|%|^回$|^件$|件数|頻度|^秒|^分|\bhours?\b|\bminutes?\b|\bseconds?\b|percent|\bcount\b|frequency)/i;

const itemKey = (text: string) => normalizeText(text).text.replace(/\s+/g, ' ').trim();

export function extractSheetClaims(sheet: Sheet): SheetExtraction {
  const layout = findLayout(sheet);
  if (!layout) {
    return {
      ok: false,
      reason: 'no header row with an item column (サービスレベル項目 / Item) and an answer column (回答 / Answer)',
    };
  }
  const claims: SheetClaim[] = [];
  const unreadable: UnreadableRow[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    if (row.line <= layout.headerLine || isHeaderRow(layout, row)) continue;
    const item = itemKey(row.cells[layout.itemColumn] ?? '');
    if (!item) continue;
    const entry = sheetItems.find((candidate) => candidate.names.test(item));
    const answer = row.cells[layout.answerColumn] ?? '';
    const sheetRow = sheetRowNumber(layout, row);
    const base = { line: row.line, item, sourceText: answer };
    if (!entry) {
      // A row measured in time, percent, counts or frequency that no claim covers (RTO, RPO,
      // monitoring interval…): listed, so nobody takes its silence for a claim slawatch checks.
      const unit = layout.unitColumn === null ? '' : itemKey(row.cells[layout.unitColumn] ?? '');
      if (sheetRow !== null && measurableUnit.test(unit)) {
        unreadable.push({ ...base, sheetRow, reason: `no claim metric covers this item (measured in "${unit}")` });
      }
      continue;
    }
    if (sheetRow === null) {
      unreadable.push({
        ...base,
        sheetRow,
        reason: `no row number in the "${layout.headerCells[layout.numberColumn!]}" column`,
      });
      continue;
    }
    if (answer.trim() === '') {
      unreadable.push({ ...base, sheetRow, reason: 'the answer is empty' });
      continue;
    }
    const reading = entry.read(answer);
    if (!reading.ok) {
      unreadable.push({ ...base, sheetRow, reason: reading.reason });
      continue;
    }
    for (const claim of reading.claims) {
      const key = `${claim.metric}/${claim.kind ?? ''}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        unreadable.push({
          ...base,
          sheetRow,
          reason: `${claim.metric}${claim.kind ? ` (${claim.kind})` : ''} is already claimed in row ${earlier}`,
        });
        continue;
      }
      seen.set(key, sheetRow);
      claims.push({ ...base, sheetRow, ...claim });
    }
  }
  return { ok: true, reading: { layout, claims, unreadable } };
}

/** The dry-run JSON of one claim: `{ sheetRow, metric, bound, kind?, sourceText }`. */
export function claimJson(claim: SheetClaim) {
  return {
    sheetRow: claim.sheetRow,
    metric: claim.metric,
    bound: claim.bound,
    ...(claim.kind ? { kind: claim.kind } : {}),
    ...(claim.calendar ? { calendar: claim.calendar } : {}),
    sourceText: claim.sourceText,
  };
}
