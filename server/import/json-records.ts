// JSON import files as batches of records. `.json` is one array of objects, read whole (meant for
// incidents and maintenance, or small check files); its "line" is the item's 1-based index.
// `.ndjson`/`.jsonl` hold one object per line and stream, so they suit large check exports.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { RecordBatch, SourceOptions } from './record-batch.ts';
import type { ImportRecord, RowParser } from './row-parser.ts';

export async function* readJsonRecords(
  filePath: string,
  parser: RowParser<unknown>,
  options: SourceOptions,
): AsyncGenerator<RecordBatch> {
  const bytes = await readFile(filePath);
  options.onBytesRead(bytes.length);
  const text = stripBom(bytes.toString('utf8'));
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const reason = `the file is not valid JSON: ${message}`;
    const failure = { line: lineOfJsonError(text, message), reason };
    yield { lines: [], records: [], failure };
    return;
  }
  if (!Array.isArray(items)) {
    const failure = { line: 1, reason: 'the file must hold a JSON array of objects, one per row' };
    yield { lines: [], records: [], failure };
    return;
  }
  const columns = new Set(parser.columns);
  for (let start = 0; start < items.length; start += options.batchSize) {
    const slice = items.slice(start, start + options.batchSize);
    yield {
      lines: slice.map((_, i) => start + i + 1),
      records: slice.map((item) => toRecord(item, columns)),
    };
  }
}

/** Bounds memory on a file that is not NDJSON after all (one endless line). */
export const maxNdjsonLineChars = 1 << 20;

export async function* readNdjsonRecords(
  filePath: string,
  parser: RowParser<unknown>,
  options: SourceOptions,
): AsyncGenerator<RecordBatch> {
  const columns = new Set(parser.columns);
  const decoder = new StringDecoder('utf8');
  let bytesRead = 0;
  let line = 0;
  let partial = '';
  let batch: RecordBatch = { lines: [], records: [] };
  const take = (text: string) => {
    line++;
    const trimmed = line === 1 ? stripBom(text).trim() : text.trim();
    if (trimmed === '') return;
    batch.lines.push(line);
    batch.records.push(parseLine(trimmed, columns));
  };
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    options.onBytesRead(bytesRead);
    const lines = (partial + decoder.write(chunk)).split('\n');
    partial = lines.pop()!;
    for (const text of lines) take(text);
    if (partial.length > maxNdjsonLineChars) {
      const reason = `this line is longer than ${maxNdjsonLineChars} characters; the rest was not read`;
      yield { ...batch, failure: { line: line + 1, reason } };
      return;
    }
    if (batch.records.length >= options.batchSize) {
      yield batch;
      batch = { lines: [], records: [] };
    }
  }
  take(partial + decoder.end());
  if (batch.records.length > 0) yield batch;
}

function parseLine(text: string, columns: ReadonlySet<string>): ImportRecord | string {
  try {
    return toRecord(JSON.parse(text), columns);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
}

/** An object whose keys are the kind's columns and whose values are strings, numbers or null. */
function toRecord(item: unknown, columns: ReadonlySet<string>): ImportRecord | string {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return `must be an object with the fields ${[...columns].join(', ')}`;
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (!columns.has(key)) problems.push(`unknown field ${JSON.stringify(key)}`);
    else if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      problems.push(`${key} ${JSON.stringify(value)} must be a string, a number or null`);
    }
  }
  return problems.length === 0 ? (item as ImportRecord) : problems.join('; ');
}

/** V8 names the character offset of a syntax error; the editor line is more use to a person. */
function lineOfJsonError(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (!position) return 1;
  let line = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
