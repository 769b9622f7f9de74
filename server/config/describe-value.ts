// How a config value is named in error messages: in the YAML user's words (list, mapping),
// with the offending scalar quoted so `"3x"` and `3` are told apart.

/** The kind of a parsed YAML value: `a string`, `a number`, `a list`, `a mapping`, … */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

/** A scalar as it would be written (`"3x"`, `3`, `true`, `null`); other values by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return describeKind(value);
}
