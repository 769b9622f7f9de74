// The settings of an `http` monitor (SPEC §1: status, body keyword, latency limit, redirects,
// headers), as written in YAML.

import { z } from 'zod';
import { describeValue } from './describe-value.ts';
import { parseJsonPath } from './json-path.ts';
import { durationMs, flag, httpUrl, integer, reject, text } from './scalar-schemas.ts';
import { httpMethods } from './types.ts';
import { whenValid } from './when-valid.ts';

/** RFC 9110 token characters. */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headers = z
  .record(z.string(), z.string())
  .default({})
  .superRefine((value, ctx) => {
    for (const name of Object.keys(value)) {
      if (!headerName.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'invalid header name' });
    }
  }, whenValid()); // names are checked even when a value is not a string

function regexSource() {
  return z.string().transform((source, ctx) => {
    try {
      new RegExp(source);
      return source;
    } catch (error) {
      const reason = (error as Error).message.split(': ').at(-1) ?? ''; // V8 repeats the source before the reason
      return reject(ctx, source, `invalid regular expression ${describeValue(source)}: ${reason}`);
    }
  });
}

function jsonPath() {
  return z.string().transform((path, ctx) => {
    const segments = parseJsonPath(path);
    if (segments === null) {
      return reject(ctx, path, `invalid JSON path ${describeValue(path)} (use $.field, $.list[0] or $["a key"])`);
    }
    return { path, segments };
  });
}

const jsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => `expected a string, number, boolean or null, got ${describeValue(issue.input)}`,
});

const expect = z
  .strictObject({
    status: z.array(integer(100, 599)).min(1).optional(),
    body_contains: text().optional(),
    body_regex: regexSource().optional(),
    json_path: jsonPath().optional(),
    equals: jsonScalar.optional(),
    max_latency: durationMs({ minMs: 1 }).optional(),
  })
  .superRefine(
    (value, ctx) => {
      // `equals: null` is a real expectation (the field is null); only an absent key is missing.
      if (value.json_path !== undefined && value.equals === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['equals'],
          message: 'required with json_path (the value expected there)',
        });
      }
      if (value.json_path === undefined && value.equals !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['json_path'],
          message: 'required with equals (where to look in the JSON body)',
        });
      }
    },
    whenValid('json_path', 'equals'),
  );

/** The keys an http monitor adds to the common ones. */
export const httpSettingsShape = {
  url: httpUrl(),
  method: z.enum(httpMethods).default('GET'),
  headers,
  body: z.string().optional(),
  expect: expect.prefault({}),
  max_redirects: integer(0, 30).default(10),
  tls_verify: flag().default(true),
};
