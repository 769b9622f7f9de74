// The filled sheet as a Markdown table: the template's header row heads it; each row keeps its
// cells (line breaks become <br>, pipes are escaped); notes follow as a list.
import { addedCells, type FilledSheet } from './filled-sheet.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim();

export function renderSheetMarkdown(sheet: FilledSheet, title: string): string {
  const header = sheet.rows.find((r) => r.header);
  const width = sheet.width + 3;
  const line = (cells: string[]) =>
    `| ${[...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')].map(cell).join(' | ')} |`;
  const out = [`# ${title}`, ''];
  out.push(line(header ? [...header.cells, ...sheet.extraHeaders] : Array<string>(width).fill('')));
  out.push(`|${Array<string>(width).fill(' --- ').join('|')}|`);
  for (const row of sheet.rows) {
    if (row === header || row.cells.every((c) => c.trim() === '')) continue;
    out.push(line([...row.cells, ...(addedCells(sheet, row) ?? ['', '', ''])]));
  }
  out.push('', ...sheet.notes.map((note) => `- ${note}`), '');
  return out.join('\n');
}
