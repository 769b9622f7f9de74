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
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** bytea elements in hex input form (\x…), the backslash escaped for the array literal. */
export function byteaArray(values: readonly Uint8Array[]): string {
  return `{${values.map((v) => `"\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}"`).join(',')}}`;
}
