// A CSV import file (SPEC §5: a header row, then one row per record) as batches of records.
// The header is checked once: a file whose columns are not the kind's is refused as a whole,
// with one error at line 1, rather than with one error per row.

import { createReadStream } from 'node:fs';
import { type CsvRowBatch, NumberedCsvParser } from './csv-rows.ts';
import type { RecordBatch, SourceOptions } from './record-batch.ts';
import type { ImportRecord, RowParser } from './row-parser.ts';

export async function* readCsvRecords(
  filePath: string,
  kind: string,
  parser: RowParser<unknown>,
  options: SourceOptions,
): AsyncGenerator<RecordBatch> {
  const csv = new NumberedCsvParser(options.batchSize);
  const file = createReadStream(filePath, { highWaterMark: 1 << 16 });
  let bytesRead = 0;
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
    options.onBytesRead(bytesRead);
  });
  file.on('error', (error) => csv.destroy(error));
  file.pipe(csv);
  let toRecord: ((fields: string[]) => ImportRecord | string) | null = null;
  let failed = false;
  try {
    for await (const batch of csv as AsyncIterable<CsvRowBatch>) {
      let first = 0;
      if (toRecord === null && batch.rows.length > 0) {
        const header = checkHeader(batch.rows[0]!, kind, parser);
        if (typeof header === 'string') {
          yield { lines: [], records: [], failure: { line: batch.lines[0]!, reason: header } };
          return;
        }
        toRecord = recordMaker(header, parser.columns);
        first = 1;
      }
      const records = new Array<ImportRecord | string>(batch.rows.length - first);
      for (let i = first; i < batch.rows.length; i++) records[i - first] = toRecord!(batch.rows[i]!);
      const lines = first === 0 ? batch.lines : batch.lines.slice(first);
      failed ||= batch.failure !== undefined;
      yield batch.failure ? { lines, records, failure: batch.failure } : { lines, records };
    }
  } finally {
    file.destroy();
    csv.destroy();
  }
  if (toRecord === null && !failed) {
    const reason = `the file is empty; a ${kind} file starts with the header ${parser.columns.join(',')}`;
    yield { lines: [], records: [], failure: { line: 1, reason } };
  }
}

/** The header's column names, or why the file cannot be read as this kind. */
function checkHeader(cells: readonly string[], kind: string, parser: RowParser<unknown>): string[] | string {
  const names = cells.map((cell) => cell.trim());
  const problems: string[] = [];
  const unknown = names.filter((name) => !parser.columns.includes(name));
  if (unknown.length > 0) problems.push(`unknown ${plural(unknown, 'column')} ${quoteAll(unknown)}`);
  const duplicated = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicated.length > 0) problems.push(`duplicate ${plural(duplicated, 'column')} ${quoteAll(duplicated)}`);
  const missing = parser.requiredColumns.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push(`missing ${plural(missing, 'column')} ${quoteAll(missing)}`);
  if (problems.length === 0) return names;
  const optional = parser.columns.filter((name) => !parser.requiredColumns.includes(name));
  return (
    `header: ${problems.join('; ')} (a ${kind} file has the columns ${parser.requiredColumns.join(',')}` +
    ` and optionally ${optional.join(',')})`
  );
}

/**
 * Builds each row's record in the kind's column order, whatever the header's order, so every
 * record of a file has one shape (fast property access in the row parser).
 */
function recordMaker(header: readonly string[], columns: readonly string[]) {
  const indexes = columns.map((column) => header.indexOf(column));
  const width = header.length;
  return (fields: string[]): ImportRecord | string => {
    if (fields.length !== width) return `has ${fields.length} fields; the header has ${width}`;
    const record: Record<string, string | undefined> = {};
    for (let c = 0; c < columns.length; c++) {
      const at = indexes[c]!;
      record[columns[c]!] = at === -1 ? undefined : fields[at];
    }
    return record;
  };
}

function plural(items: readonly string[], noun: string): string {
  return items.length === 1 ? noun : `${noun}s`;
}

function quoteAll(items: readonly string[]): string {
  return items.map((item) => JSON.stringify(item)).join(', ');
}
