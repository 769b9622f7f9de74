// CSV rows with the physical line each starts on (header = 1), in batches, streamed.
//
// SPEC §5 asks for every bad row's line number, and a line number is only useful if it is the
// one an editor shows. csv-parse's `info: true` snapshots cost half its speed (an object spread
// per row), and its `info.lines` counts a CRLF inside a quoted field as two lines. So we read the
// live `info` at the moment each record is pushed (csv-parse pushes synchronously while it
// parses, so `info` then describes that record) and correct for quoted CRLFs ourselves.
// test/server/import/csv-rows.test.ts pins this behaviour against the installed csv-parse.

import type { TransformCallback } from 'node:stream';
import { CsvError, type CsvErrorCode, Parser } from 'csv-parse';
import type { ImportError } from './row-parser.ts';

/** Rows in file order; `lines[i]` is the physical line `rows[i]` starts on. The first row is alone. */
export interface CsvRowBatch {
  lines: number[];
  rows: string[][];
  /** Set on the last batch of a file that is not well-formed CSV: where and why reading stopped. */
  failure?: ImportError;
}

/** A row longer than this is taken for a runaway quote, and the file is refused. */
export const maxCsvRowBytes = 1 << 20;

export class NumberedCsvParser extends Parser {
  readonly #batchSize: number;
  #batch: CsvRowBatch = { lines: [], rows: [] };
  /** csv-parse's line count where the previous record ended, and its empty-line count then. */
  #previousEndLine = 0;
  #previousEmptyLines = 0;
  /** How many lines csv-parse has over-counted so far (one per CRLF inside quotes). */
  #overcount = 0;
  #done = false;

  constructor(batchSize: number) {
    super({
      bom: true,
      // Cells stay strings; the row parsers decide what a cell means.
      cast: false,
      // A short or long row is one bad row, reported with its line, not a fatal error.
      relax_column_count: true,
      // `con"sole` is a bad monitor id, reported as such, not a broken file.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: maxCsvRowBytes,
      // Node stream option (csv-parse passes it through): buffer one batch ahead at most.
      readableHighWaterMark: 1,
    } as ConstructorParameters<typeof Parser>[0]);
    this.#batchSize = batchSize;
  }

  /** csv-parse calls this once per record, while it parses the chunk holding the record's end. */
  override push(record: unknown): boolean {
    if (record === null) return this.#finish();
    if (this.#done) return false;
    const fields = record as string[];
    const startLine = this.#nextRowLine();
    const endLine = this.info.lines;
    if (endLine !== startLine + this.#overcount) this.#overcount += countQuotedCrlf(fields);
    this.#previousEndLine = endLine;
    this.#previousEmptyLines = this.info.empty_lines;
    this.#batch.lines.push(startLine);
    this.#batch.rows.push(fields);
    // The header row goes out alone, so every later batch holds exactly batchSize data rows.
    if (this.#batch.rows.length >= this.#batchSize || this.info.records === 1) {
      super.push(this.#batch);
      this.#batch = { lines: [], rows: [] };
    }
    return true;
  }

  // A CsvError ends the output with a `failure` instead of erroring the stream, so the rows read
  // before it still reach the caller and are checked too; the rest of the input is ignored.
  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#done) {
      callback();
      return;
    }
    super._transform(chunk, encoding, this.#failOnCsvError(callback));
  }

  override _flush(callback: TransformCallback): void {
    if (this.#done) {
      callback();
      return;
    }
    super._flush(this.#failOnCsvError(callback));
  }

  #failOnCsvError(callback: TransformCallback): TransformCallback {
    return (error?: Error | null) => {
      if (!(error instanceof CsvError)) return callback(error);
      this.#batch.failure = describeCsvError(error, this.#nextRowLine());
      this.#finish();
      callback();
    };
  }

  #finish(): boolean {
    if (this.#done) return false;
    this.#done = true;
    if (this.#batch.rows.length > 0 || this.#batch.failure) super.push(this.#batch);
    return super.push(null);
  }

  /** The physical line the next (or current, unfinished) row starts on. */
  #nextRowLine(): number {
    const emptyLines = this.info.empty_lines - this.#previousEmptyLines;
    return this.#previousEndLine + emptyLines + 1 - this.#overcount;
  }
}

/** After an unclosed quote nothing that follows can be trusted, so reading stops at that row. */
function describeCsvError(error: CsvError, line: number): ImportError {
  const why = csvErrorReasons[error.code] ?? `cannot be read as CSV (${error.message})`;
  return { line, reason: `this row ${why}; the rest of the file was not read` };
}

const csvErrorReasons: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'opens a quoted field that is never closed',
  CSV_INVALID_CLOSING_QUOTE:
    'has a character right after a closing quote (a quote inside a quoted field is written "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'has a character right after a closing quote',
  CSV_MAX_RECORD_SIZE: `is longer than ${maxCsvRowBytes} bytes (an unclosed quote?)`,
};

function countQuotedCrlf(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\r\n'); i !== -1; i = field.indexOf('\r\n', i + 2)) count++;
  }
  return count;
}
