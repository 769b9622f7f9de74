// zod's issues, reworded for someone editing a YAML file: "required", "expected a list, got
// "ops"", "unknown key (did you mean "interval"?)", one ConfigError per unknown key.

import type { z } from 'zod';
import type { PathError } from './config-errors.ts';
import { describeValue } from './describe-value.ts';

const typeNouns: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  null: 'null',
};

/** The error map every config parse uses (schemas that set their own message keep it). */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${typeNouns[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return oneOf(issue.values, issue.input);
    case 'invalid_union': {
      const options: unknown = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && Array.isArray(options)) {
        const input: unknown = issue.input;
        return oneOf(options, isRecord(input) ? input[issue.discriminator] : input);
      }
      return `invalid value ${describeValue(issue.input)}`;
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKeyMessage(key, knownKeys(issue.inst))).join('\n');
    case 'too_small':
      return sizeMessage('at least', issue.origin, Number(issue.minimum));
    case 'too_big':
      return sizeMessage('at most', issue.origin, Number(issue.maximum));
    case 'invalid_format':
      return `invalid ${issue.format === 'email' ? 'email address' : issue.format} ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};

/** zod's finished issues as path errors; an issue about several unknown keys becomes one error per key. */
export function issuesToPathErrors(issues: readonly z.core.$ZodIssue[]): PathError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (issue.code !== 'unrecognized_keys') return [{ path, message: issue.message }];
    const messages = issue.message.split('\n');
    return issue.keys.map((key, i) => ({ path: [...path, key], message: messages[i] ?? 'unknown key' }));
  });
}

function oneOf(options: readonly unknown[], input: unknown): string {
  const list = options.map(String).join(', ');
  return input === undefined ? `required (one of ${list})` : `must be one of ${list} (got ${describeValue(input)})`;
}

function sizeMessage(bound: 'at least' | 'at most', origin: string, limit: number): string {
  if (origin === 'array') {
    if (bound === 'at least' && limit === 1) return 'must not be empty';
    return `must list ${bound} ${limit} item${limit === 1 ? '' : 's'}`;
  }
  if (origin === 'string') {
    if (bound === 'at least' && limit === 1) return 'must not be empty';
    return `must be ${bound} ${limit} characters long`;
  }
  return `must be ${bound} ${limit}`;
}

function unknownKeyMessage(key: string, known: string[]): string {
  const suggestion = closestKey(key, known);
  if (suggestion !== null) return `unknown key (did you mean "${suggestion}"?)`;
  return known.length > 0 ? `unknown key (allowed here: ${known.join(', ')})` : 'unknown key';
}

function knownKeys(inst: unknown): string[] {
  const def: unknown = (inst as { _zod?: { def?: unknown } } | undefined)?._zod?.def;
  return isRecord(def) && isRecord(def.shape) ? Object.keys(def.shape) : [];
}

/** The known key a typo most likely meant: at most two edits away and closer than half its length. */
function closestKey(key: string, known: string[]): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && distance < candidate.length / 2 && (best === null || distance < best.distance)) {
      best = { key: candidate, distance };
    }
  }
  return best?.key ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
