// A check sheet file (TSV, CSV or XLSX) as rows of cell texts, each row with the line (or the
// worksheet row) it comes from, so every message can point at it. Empty rows are kept: an export
// with --template writes every row back where it was.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export const sheetFormats = ['tsv', 'csv', 'xlsx'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

export interface SheetRow {
  /** 1-based line of a TSV/CSV file, or row number of the worksheet. */
  line: number;
  cells: string[];
}

export interface Sheet {
  format: SheetFormat;
  /** The worksheet's name (XLSX only). */
  worksheet?: string;
  rows: SheetRow[];
}

export class SheetReadError extends Error {}

export function sheetFormatOf(path: string): SheetFormat {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'tsv' || ext === 'txt') return 'tsv';
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  throw new SheetReadError(`${path}: unknown sheet format ".${ext}" (use .tsv, .csv or .xlsx)`);
}

export async function readSheetFile(path: string): Promise<Sheet> {
  return readSheetBytes(await readSheetFileBytes(path), path);
}

/** The bytes of a sheet file; an unknown extension is refused before the file is read. */
export async function readSheetFileBytes(path: string): Promise<Buffer> {
  sheetFormatOf(path);
  try {
    return await readFile(path);
  } catch (error) {
    throw new SheetReadError(
      `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/** A sheet from its bytes (an upload), its format from the file name. */
export async function readSheetBytes(bytes: Buffer, name: string): Promise<Sheet> {
  const format = sheetFormatOf(name);
  return format === 'xlsx' ? readXlsx(bytes, name) : readDelimited(bytes.toString('utf8'), format, name);
}

export function readDelimited(text: string, format: 'tsv' | 'csv', path = 'sheet'): Sheet {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: format === 'tsv' ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new SheetReadError(`${path}: not a readable ${format.toUpperCase()} file: ${(error as Error).message}`);
  }
  const rows: SheetRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    rows.push({ line: previousEnd + 1, cells: record });
    previousEnd = info.lines;
  }
  return { format, rows };
}

async function readXlsx(bytes: Buffer, path: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetReadError(`${path}: not a readable XLSX file: ${(error as Error).message}`);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new SheetReadError(`${path}: the workbook has no worksheet`);
  const rows: SheetRow[] = [];
  for (let line = 1; line <= worksheet.rowCount; line++) {
    const row = worksheet.getRow(line);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ line, cells });
  }
  return { format: 'xlsx', worksheet: worksheet.name, rows };
}

/** A cell's text as Excel shows it: rich text joined, a formula's result, a number as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
