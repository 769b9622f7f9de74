// Markdown tables for RESULTS.md, each column padded to its widest cell as the formatter (biome)
// lays tables out, so a freshly written results file needs no reformatting.
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escaped = [header, ...rows].map((row) => row.map((cell) => cell.replace(/\|/g, '\\|')));
  const width = (cell: string) => [...cell].length;
  const widths = header.map((_, i) => Math.max(3, ...escaped.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '') + ' '.repeat(w - width(cells[i] ?? ''))).join(' | ')} |`;
  const [head, ...body] = escaped;
  return [line(head!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
