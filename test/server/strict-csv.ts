// CSV read as Excel and Python's csv module read it: any line break outside quotes ends a row.
// csv-parse on its own takes the first row's delimiter and keeps a bare LF inside a field, which
// hid unquoted multi-line cells in the sheet export.
import { parse } from 'csv-parse/sync';

export function parseCsvStrictly<T = string[]>(text: string, options: { columns?: boolean } = {}): T[] {
  return parse(text, {
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    ...options,
  }) as T[];
}
