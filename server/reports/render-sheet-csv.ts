// The filled sheet as CSV (RFC 4180 via csv-stringify), with a UTF-8 BOM so Excel opens a
// Japanese sheet in the right encoding. Header rows get the added columns' names; notes follow.
import { csvText } from './csv-text.ts';
import { addedCells, type FilledSheet } from './filled-sheet.ts';

export function sheetTable(sheet: FilledSheet): string[][] {
  const blank: [string, string, string] = ['', '', ''];
  const rows = sheet.rows.map((row) => [...row.cells, ...(addedCells(sheet, row) ?? blank)]);
  return [...rows, [], ...sheet.notes.map((note) => [note])];
}

export function renderSheetCsv(sheet: FilledSheet): string {
  return `\uFEFF${csvText(sheetTable(sheet), 'windows')}`;
}
