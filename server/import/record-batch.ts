// What every format reader (CSV, JSON, NDJSON) hands to the row validation: records with their
// line numbers, in batches small enough to write in one transaction as the file streams.

import type { ImportError, ImportRecord } from './row-parser.ts';

export interface RecordBatch {
  lines: number[];
  /** A record, or the reason the reader could not make one of that line (e.g. invalid JSON). */
  records: (ImportRecord | string)[];
  /** A problem with the file as a whole (bad header, broken CSV quoting); nothing follows it. */
  failure?: ImportError;
}

export interface SourceOptions {
  batchSize: number;
  /** Called as the file is read, with the bytes read so far. */
  onBytesRead: (bytesRead: number) => void;
}
