// Where a sheet keeps its numbers, item names and answers: found from its header row by name, in
// Japanese or English, never by position, since every vendor lays the METI template out its own way.
import { normalizeText } from './sheet-text.ts';
import type { Sheet, SheetRow } from './read-sheet.ts';

export interface SheetLayout {
  /** The first header row's line; rows that repeat it (a header per printed page) are headers too. */
  headerLine: number;
  headerCells: string[];
  numberColumn: number | null;
  itemColumn: number;
  answerColumn: number;
  descriptionColumn: number | null;
  unitColumn: number | null;
}

const columnNames = {
  number: /^(?:no\.?|番号|#|項番|item no\.?)$/i,
  item: /(?:サービスレベル項目|項目名?|^item|service level item|^sla item)/i,
  answer: /(?:回答|answer|response|reply)/i,
  description: /(?:規定内容|内容|説明|description|definition|requirement)/i,
  unit: /(?:測定単位|単位|unit)/i,
};

const key = (cell: string) => normalizeText(cell).text.trim();

function columnOf(cells: string[], pattern: RegExp, taken: ReadonlySet<number>): number | null {
  const index = cells.findIndex((cell, i) => !taken.has(i) && pattern.test(key(cell)));
  return index < 0 ? null : index;
}

export function findLayout(sheet: Sheet): SheetLayout | null {
  for (const row of sheet.rows) {
    const taken = new Set<number>();
    const answerColumn = columnOf(row.cells, columnNames.answer, taken);
    if (answerColumn === null) continue;
    taken.add(answerColumn);
    const itemColumn = columnOf(row.cells, columnNames.item, taken);
    if (itemColumn === null) continue;
    taken.add(itemColumn);
    const numberColumn = columnOf(row.cells, columnNames.number, taken);
    if (numberColumn !== null) taken.add(numberColumn);
    const unitColumn = columnOf(row.cells, columnNames.unit, taken);
    if (unitColumn !== null) taken.add(unitColumn);
    const descriptionColumn = columnOf(row.cells, columnNames.description, taken);
    return {
      headerLine: row.line,
      headerCells: row.cells,
      numberColumn,
      itemColumn,
      answerColumn,
      descriptionColumn,
      unitColumn,
    };
  }
  return null;
}

export function isHeaderRow(layout: SheetLayout, row: SheetRow): boolean {
  return (
    row.line === layout.headerLine ||
    key(row.cells[layout.answerColumn] ?? '') === key(layout.headerCells[layout.answerColumn] ?? '')
  );
}

/** The row's own number (the sheet's "No."), else its line. */
export function sheetRowNumber(layout: SheetLayout, row: SheetRow): number | null {
  if (layout.numberColumn === null) return row.line;
  const text = key(row.cells[layout.numberColumn] ?? '');
  return /^\d+$/.test(text) ? Number(text) : null;
}
