// The seam between an import file's format (CSV, JSON, NDJSON) and its kind (checks, incidents,
// maintenance): a reader turns each row into an `ImportRecord`, a kind's `RowParser` turns the
// record into a domain value or a reason it cannot be one (SPEC §5 "Imports").

/** A cell as a reader hands it over: CSV gives strings ('' when empty), JSON also numbers and null. */
export type ImportCell = string | number | null | undefined;

/** One row, by column name. Columns the file does not have are absent (undefined). */
export type ImportRecord = Readonly<Record<string, ImportCell>>;

/** What rows are checked against: the configured monitors and services. */
export interface ImportContext {
  monitors: ReadonlyMap<string, { serviceId: string; locations: readonly string[] }>;
  serviceIds: ReadonlySet<string>;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface RowParser<T> {
  /** Every column the kind knows, in SPEC §5 order; any other column is refused. */
  readonly columns: readonly string[];
  /** Columns a CSV header must name; the others may be left out (their cells are then empty). */
  readonly requiredColumns: readonly string[];
  /** Pure: the same record and context always give the same result. */
  readonly parseRow: (record: ImportRecord, ctx: ImportContext) => RowResult<T>;
}

/** A bad row: its line (CSV/NDJSON: physical line, header = 1; JSON: array index + 1) and why. */
export interface ImportError {
  line: number;
  reason: string;
}
