// The filled sheet as XLSX (exceljs): a styled header row, column widths, wrapped text and a
// colour per status. With an XLSX template the template's own workbook is written back with
// only the answer cells and the added columns changed, so every other cell keeps its value and
// style.
import ExcelJS from 'exceljs';
import type { ClaimStatus } from '../../sla/claim-status.ts';
import { addedCells, type FilledSheet } from './filled-sheet.ts';

const statusFills: Record<ClaimStatus, string> = {
  met: 'FFC6EFCE',
  at_risk: 'FFFFEB9C',
  breached: 'FFFFC7CE',
  insufficient_data: 'FFD9D9D9',
};

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

function widthOf(sheet: FilledSheet, column: number): number {
  if (column === sheet.answerColumn) return 60;
  if (column >= sheet.width) return column === sheet.width + 1 ? 28 : 22;
  const longest = Math.max(4, ...sheet.rows.map((r) => (r.cells[column] ?? '').length));
  return Math.min(40, longest + 2);
}

function styleRow(
  worksheet: ExcelJS.Worksheet,
  sheet: FilledSheet,
  rowNumber: number,
  header: boolean,
  status: ClaimStatus | null,
) {
  const row = worksheet.getRow(rowNumber);
  const extraFrom = sheet.width + 1;
  for (let c = 1; c <= sheet.width + 3; c++) {
    const cell = row.getCell(c);
    if (header) {
      cell.fill = headerFill;
      cell.font = headerFont;
    } else if (status && (c >= extraFrom || c === sheet.answerColumn + 1)) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: statusFills[status] } };
    }
    if (c >= extraFrom || c === sheet.answerColumn + 1) cell.alignment = { wrapText: true, vertical: 'top' };
  }
}

function writeRows(worksheet: ExcelJS.Worksheet, sheet: FilledSheet, replaceAll: boolean) {
  for (const row of sheet.rows) {
    const target = worksheet.getRow(row.line);
    if (replaceAll) for (const [i, text] of row.cells.entries()) target.getCell(i + 1).value = text;
    else if (row.answered) target.getCell(sheet.answerColumn + 1).value = row.cells[sheet.answerColumn] ?? '';
    const extra = addedCells(sheet, row);
    for (const [i, text] of (extra ?? []).entries()) target.getCell(sheet.width + 1 + i).value = text;
    if (replaceAll || row.header || row.answered) styleRow(worksheet, sheet, row.line, row.header, row.status);
  }
  const last = Math.max(0, ...sheet.rows.map((r) => r.line)) + 2;
  for (const [i, note] of sheet.notes.entries()) worksheet.getRow(last + i).getCell(1).value = note;
}

/** A new workbook holding the filled sheet. */
export async function renderSheetXlsx(sheet: FilledSheet, name: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'slawatch';
  const worksheet = workbook.addWorksheet(name.slice(0, 31));
  for (let c = 0; c < sheet.width + 3; c++) worksheet.getColumn(c + 1).width = widthOf(sheet, c);
  writeRows(worksheet, sheet, true);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template workbook with the answers and the added columns written into its first worksheet. */
export async function renderSheetIntoTemplate(sheet: FilledSheet, template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0]!;
  for (let c = sheet.width; c < sheet.width + 3; c++) worksheet.getColumn(c + 1).width = widthOf(sheet, c);
  writeRows(worksheet, sheet, false);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
