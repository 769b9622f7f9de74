// `${NAME}` and `${NAME:-default}` in config values (SPEC §5, for secrets). Substitution runs on
// the parsed YAML's string values, never on the raw text, so a variable's value is always just
// a string: a secret containing `\n  admin: true` or `"]` cannot add keys or end a list.
// `$${` writes a literal `${`.

import type { ConfigPath, PathError } from './config-errors.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface SubstitutionResult {
  value: unknown;
  errors: PathError[];
}

const reference = /\$\$\{|\$\{([^}]*)(\})?/g;
const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Substitutes every string in a parsed YAML value (keys are left alone); errors carry their paths. */
export function substituteEnv(value: unknown, env: Env, path: ConfigPath = []): SubstitutionResult {
  if (typeof value === 'string') {
    const { text, messages } = substituteString(value, env);
    return { value: text, errors: messages.map((message) => ({ path, message })) };
  }
  if (Array.isArray(value)) {
    const results = value.map((item, index) => substituteEnv(item, env, [...path, index]));
    return { value: results.map((r) => r.value), errors: results.flatMap((r) => r.errors) };
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const errors: PathError[] = [];
    for (const [key, item] of Object.entries(value)) {
      const result = substituteEnv(item, env, [...path, key]);
      // defineProperty: a `__proto__` key stays an own key (and an unknown-key error), not a prototype.
      Object.defineProperty(out, key, { value: result.value, enumerable: true, writable: true, configurable: true });
      errors.push(...result.errors);
    }
    return { value: out, errors };
  }
  return { value, errors: [] };
}

/** One string's substitution; a missing variable becomes '' and a message. */
export function substituteString(input: string, env: Env): { text: string; messages: string[] } {
  const messages: string[] = [];
  const text = input.replace(reference, (match, body: string | undefined, closed: string | undefined) => {
    if (match === '$${') return '${';
    if (closed === undefined) {
      messages.push('unterminated "${" (write $${ for a literal "${")');
      return match;
    }
    return resolve(body ?? '', env, messages);
  });
  return { text, messages };
}

function resolve(body: string, env: Env, messages: string[]): string {
  const split = body.indexOf(':-');
  const name = split === -1 ? body : body.slice(0, split);
  if (!variableName.test(name)) {
    messages.push(`invalid variable reference "\${${body}}" (use \${NAME} or \${NAME:-default})`);
    return '';
  }
  const value = env[name];
  if (split !== -1) return value === undefined || value === '' ? body.slice(split + 2) : value;
  if (value === undefined) {
    messages.push(`environment variable ${name} is not set (write \${${name}:-default} to give a default)`);
    return '';
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
