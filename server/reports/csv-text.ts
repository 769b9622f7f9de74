// CSV text (RFC 4180, via csv-stringify) that every reader splits the same way: csv-stringify
// quotes a field holding its record delimiter, but not a bare LF or CR in a CRLF file, which
// Excel and Python's csv module take as the end of a row — so any line break is quoted.
import { stringify } from 'csv-stringify/sync';

export function csvText(rows: readonly (readonly string[])[], recordDelimiter: 'unix' | 'windows'): string {
  return stringify(rows as string[][], { record_delimiter: recordDelimiter, quoted_match: /[\r\n]/ });
}
