// zod schemas of the config's scalars: each parses the written form into the engine's unit
// (durations → ms, percentages → ratio, instants → epoch ms) and names the bad value in its
// message. Integers and booleans also accept their text, which is what `${ENV}` yields.

import { isIP } from 'node:net';
import { z } from 'zod';
import { describeValue } from './describe-value.ts';
import { formatConfigDuration, invalidDurationMessage, parseDurationMs } from './durations.ts';
import { invalidInstantMessage, parseInstantMs } from './instants.ts';
import { invalidPercentageMessage, parsePercentage } from './percentages.ts';

type Ctx = z.core.$RefinementCtx;

/** Reports `message` about `input` and returns z.NEVER, for use inside transforms. */
export function reject(ctx: Ctx, input: unknown, message: string): never {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

/** A string or a number, with `invalid(input)` as the message for anything else. */
export function stringOrNumber(invalid: (input: unknown) => string) {
  return z.union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? 'required' : invalid(issue.input)),
  });
}

export function durationMs(options: { minMs?: number } = {}) {
  return stringOrNumber(invalidDurationMessage).transform((input, ctx) => {
    const ms = parseDurationMs(input);
    if (ms === null) return reject(ctx, input, invalidDurationMessage(input));
    if (options.minMs !== undefined && ms < options.minMs) {
      const least = formatConfigDuration(options.minMs);
      return reject(ctx, input, `must be at least ${least} (got ${describeValue(input)})`);
    }
    return ms;
  });
}

/** A ratio in [0, 1] from `99.99%` or `0.9999`. */
export function percentage() {
  return stringOrNumber(invalidPercentageMessage).transform((input, ctx) => {
    const ratio = parsePercentage(input);
    return ratio === null ? reject(ctx, input, invalidPercentageMessage(input)) : ratio;
  });
}

export function instantMs() {
  return z.string({ error: (issue) => requiredOr(issue.input, invalidInstantMessage) }).transform((input, ctx) => {
    const ms = parseInstantMs(input);
    return ms === null ? reject(ctx, input, invalidInstantMessage(input)) : ms;
  });
}

export function integer(min: number, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const invalid = (input: unknown) => `expected an integer ${range}, got ${describeValue(input)}`;
  return stringOrNumber(invalid).transform((input, ctx) => {
    const value = typeof input === 'number' ? input : /^\s*-?\d+\s*$/.test(input) ? Number(input) : NaN;
    const ok = Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max);
    return ok ? value : reject(ctx, input, invalid(input));
  });
}

export function port() {
  return integer(1, 65_535);
}

/** true/false, or their text (`"${TLS_VERIFY:-true}"`). */
export function flag() {
  const invalid = (input: unknown) => `expected true or false, got ${describeValue(input)}`;
  return z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: (issue) => requiredOr(issue.input, invalid) })
    .transform((input) => input === true || input === 'true');
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Ids appear in URLs, CLI flags and imports, so they are short and plain. */
export function id() {
  const invalid = (input: unknown) =>
    `invalid id ${describeValue(input)} (up to 64 letters, digits, ".", "_" and "-", starting with a letter or digit)`;
  return z.string({ error: (issue) => requiredOr(issue.input, invalid) }).refine((value) => idPattern.test(value), {
    error: (issue) => invalid(issue.input),
  });
}

export function text() {
  return z.string().min(1);
}

export function url(schemes: readonly string[]) {
  const names = schemes.map((scheme) => `${scheme}://`).join(' or ');
  const invalid = (input: unknown) => `invalid URL ${describeValue(input)} (expected ${names}…)`;
  return z.string({ error: (issue) => requiredOr(issue.input, invalid) }).refine(
    // WHATWG URL parsing drops newlines and tabs silently; a URL with whitespace is a mistake here.
    (value) =>
      !/\s/.test(value) && schemes.some((scheme) => URL.canParse(value) && new URL(value).protocol === `${scheme}:`),
    { error: (issue) => invalid(issue.input) },
  );
}

export const httpUrl = () => url(['http', 'https']);

const hostnamePattern =
  /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;

/** A host name or an IP address, without scheme, port or path. */
export function host() {
  const invalid = (input: unknown) =>
    `invalid host ${describeValue(input)} (a host name or IP address, without scheme, port or path)`;
  return z
    .string({ error: (issue) => requiredOr(issue.input, invalid) })
    .refine((value) => isIP(value) !== 0 || hostnamePattern.test(value), { error: (issue) => invalid(issue.input) });
}

/** An IANA zone name, as Intl knows it, normalized to its canonical spelling (`asia/tokyo` → `Asia/Tokyo`). */
export function timezone() {
  const invalid = (input: unknown) =>
    `unknown timezone ${describeValue(input)} (use an IANA name such as Asia/Tokyo or UTC)`;
  return z.string({ error: (issue) => requiredOr(issue.input, invalid) }).transform((input, ctx) => {
    const zone = canonicalZone(input);
    return zone === null ? reject(ctx, input, invalid(input)) : zone;
  });
}

function canonicalZone(name: string): string | null {
  if (name === '' || /^[+-]/.test(name)) return null; // offsets are not zones, whatever the Node version says
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function requiredOr(input: unknown, invalid: (input: unknown) => string): string {
  return input === undefined ? 'required' : invalid(input);
}
