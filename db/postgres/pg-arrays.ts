// Bulk writes send each column as one array parameter and unnest them in SQL: one statement and
// one round trip for thousands of rows, and no limit of 65,535 parameters. The arrays travel as
// PostgreSQL array literals built here (postgres.js infers array types only once its type list
// has loaded, and the statement casts each literal to its type anyway).

export function intArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}

export function boolArray(values: readonly boolean[]): string {
  return `{${values.map((v) => (v ? 't' : 'f')).join(',')}}`;
}

export function textArray(values: readonly (string | null)[]): string {
  const quoted = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map((v) => (v === null ? 'NULL' : quoted(v))).join(',')}}`;
}

/** bytea elements in hex input form (\x…), the backslash escaped for the array literal. */
export function byteaArray(values: readonly Uint8Array[]): string {
  const hex = (v: Uint8Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  return `{${values.map((v) => `"\\\\x${hex(v)}"`).join(',')}}`;
}
