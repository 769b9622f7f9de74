// The YAML layer: YAML 1.2 (so `no`, `on` and `09:00` stay strings), unique keys, `<<` merge
// keys, a bounded alias expansion. Syntax errors (and warnings such as an unknown tag) carry
// line:column; the parsed document also places later errors by path, to sort them in file order.

import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigPath } from './config-errors.ts';
import type { ConfigError } from './types.ts';

export type YamlResult =
  | { ok: true; value: unknown; offsetOf: (path: ConfigPath) => number }
  | { ok: false; errors: ConfigError[] };

/** The document options and the alias bound; parse-yaml-off-thread.ts hands the same to its worker. */
export const yamlOptions = {
  parse: { prettyErrors: false, merge: true, uniqueKeys: true },
  toJs: { maxAliasCount: 100 },
} as const;

export function parseYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...yamlOptions.parse });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const errors = problems.map((problem) => {
      const { line, col } = lineCounter.linePos(problem.pos[0]);
      return { path: '', line, column: col, message: problem.message };
    });
    return { ok: false, errors };
  }
  let value: unknown;
  try {
    value = doc.toJS(yamlOptions.toJs);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: (error as Error).message }] };
  }
  return { ok: true, value, offsetOf: (path) => offsetOf(doc, path) };
}

/** The source offset of the node at `path`, or of its nearest ancestor that exists. */
function offsetOf(doc: Document, path: ConfigPath): number {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    const range = rangeOf(node);
    if (range) return range[0];
  }
  return rangeOf(doc.contents)?.[0] ?? 0;
}

function rangeOf(node: unknown): readonly [number, number, number] | null {
  if (typeof node !== 'object' || node === null || !('range' in node)) return null;
  const range = (node as { range?: readonly [number, number, number] | null }).range;
  return range ?? null;
}
