// Reads an import file (SPEC §5 "Imports") as a stream of batches of domain values and bad rows.
// An import is all or nothing: the caller writes each batch inside one transaction as it arrives
// and rolls back if any batch carries errors. Reading goes on past bad rows so that every bad
// row is reported in one go, with its line number and reason; the rows themselves are never
// accumulated, so memory stays bounded whatever the file's size.

import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { readCsvRecords } from './csv-records.ts';
import { type ImportKind, type ImportValues, rowParsers } from './import-kinds.ts';
import { readJsonRecords, readNdjsonRecords } from './json-records.ts';
import type { RecordBatch, SourceOptions } from './record-batch.ts';
import type { ImportContext, ImportError, RowParser } from './row-parser.ts';

export interface ImportBatch<T> {
  values: T[];
  errors: ImportError[];
}

export interface ReadImportOptions {
  /** Called after each batch and at the end: bytes of the file read so far, and rows so far. */
  onProgress?(bytesRead: number, totalBytes: number, rowsRead: number): void;
  /** Rows per batch; default 5,000. */
  batchSize?: number;
  /** Errors kept before the rest are only counted; default 10,000. */
  maxErrors?: number;
}

export const importFormats = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
} as const;
export type ImportFormat = (typeof importFormats)[keyof typeof importFormats];

/** A file that cannot be read at all: there is no line to blame. Bad content is reported as errors. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export const defaultImportBatchSize = 5_000;
export const defaultMaxImportErrors = 10_000;

/**
 * Batches of the file's rows as `kind` values, in file order. Errors are file-level problems
 * (bad header, broken quoting, invalid JSON: one error, then nothing more) or bad rows. After
 * `maxErrors` errors the rest are only counted, and a final batch holds the one entry
 * `{ line: <first one left out>, reason: '… and N more errors' }` (not itself a row).
 * Throws `ImportFileError` for an unsupported extension; I/O errors (missing file) are thrown as is.
 */
export function readImportFile<K extends ImportKind>(
  kind: K,
  filePath: string,
  ctx: ImportContext,
  options: ReadImportOptions = {},
): AsyncGenerator<ImportBatch<ImportValues[K]>> {
  const format = importFormatOf(filePath);
  return validateBatches(kind, format, filePath, rowParsers[kind], ctx, options);
}

export function importFormatOf(filePath: string): ImportFormat {
  const extension = extname(filePath).toLowerCase();
  if (Object.hasOwn(importFormats, extension)) return importFormats[extension as keyof typeof importFormats];
  throw new ImportFileError(
    `${filePath}: unsupported file type "${extension}"; use ${Object.keys(importFormats).join(', ')}`,
  );
}

async function* validateBatches<T>(
  kind: ImportKind,
  format: ImportFormat,
  filePath: string,
  parser: RowParser<T>,
  ctx: ImportContext,
  options: ReadImportOptions,
): AsyncGenerator<ImportBatch<T>> {
  const { size: totalBytes } = await stat(filePath);
  let bytesRead = 0;
  let rowsRead = 0;
  const source: SourceOptions = {
    batchSize: options.batchSize ?? defaultImportBatchSize,
    onBytesRead: (bytes) => (bytesRead = bytes),
  };
  // A JSON array has no useful line numbers; its rows are counted as items.
  const label = format === 'json' ? (line: number, reason: string) => `item ${line}: ${reason}` : null;
  const errors = new ErrorList(options.maxErrors ?? defaultMaxImportErrors);
  for await (const batch of readRecords(kind, format, filePath, parser, source)) {
    const values: T[] = [];
    const batchErrors: ImportError[] = [];
    const { lines, records } = batch;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const result = typeof record === 'string' ? { ok: false as const, reason: record } : parser.parseRow(record, ctx);
      if (result.ok) values.push(result.value);
      else errors.add(batchErrors, lines[i]!, label ? label(lines[i]!, result.reason) : result.reason);
    }
    if (batch.failure) errors.add(batchErrors, batch.failure.line, batch.failure.reason);
    rowsRead += records.length;
    options.onProgress?.(bytesRead, totalBytes, rowsRead);
    if (values.length > 0 || batchErrors.length > 0) yield { values, errors: batchErrors };
  }
  options.onProgress?.(bytesRead, totalBytes, rowsRead);
  const summary = errors.summary();
  if (summary) yield { values: [], errors: [summary] };
}

function readRecords(
  kind: ImportKind,
  format: ImportFormat,
  filePath: string,
  parser: RowParser<unknown>,
  options: SourceOptions,
): AsyncGenerator<RecordBatch> {
  switch (format) {
    case 'csv':
      return readCsvRecords(filePath, kind, parser, options);
    case 'json':
      return readJsonRecords(filePath, parser, options);
    case 'ndjson':
      return readNdjsonRecords(filePath, parser, options);
  }
}

/** Keeps the first `max` errors and counts the rest, so a wholly wrong 5 M-row file stays small. */
class ErrorList {
  #kept = 0;
  #leftOut = 0;
  #firstLeftOutLine = 0;

  constructor(readonly max: number) {}

  add(into: ImportError[], line: number, reason: string): void {
    if (this.#kept < this.max) {
      into.push({ line, reason });
      this.#kept++;
    } else if (this.#leftOut++ === 0) {
      this.#firstLeftOutLine = line;
    }
  }

  summary(): ImportError | null {
    if (this.#leftOut === 0) return null;
    return { line: this.#firstLeftOutLine, reason: `… and ${this.#leftOut} more errors` };
  }
}
