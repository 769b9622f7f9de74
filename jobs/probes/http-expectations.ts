// Whether an http monitor's final response meets its expectations (SPEC §1 "Monitor": status,
// body keyword, latency limit). Pure: the response and the latency in, the first unmet
// expectation out, in the order a person would check them: status, body, JSON, latency.
//
// A body past the cap was read only in part (http-body.ts). A body check that holds on that part
// holds; one that fails on it cannot tell a wrong body from a long one, so it fails as
// `body_too_large` instead of `http_body`/`http_json`.
import type { HttpExpectations } from './probe-settings.ts';
import type { ProbeFailure } from './probe-outcome.ts';

export interface ReadResponse {
  status: number;
  statusText: string;
  body: Buffer;
  truncated: boolean;
}

/** The first expectation the response does not meet, or null when it meets them all. */
export function unmetExpectation(
  expect: HttpExpectations,
  response: ReadResponse,
  latencyMs: number,
): ProbeFailure | null {
  return (
    statusFailure(expect.status, response) ??
    bodyFailure(expect, response) ??
    latencyFailure(expect.maxLatencyMs, latencyMs)
  );
}

function statusFailure(accepted: number[] | null, { status, statusText }: ReadResponse): ProbeFailure | null {
  const ok = accepted === null ? status >= 200 && status <= 299 : accepted.includes(status);
  if (ok) return null;
  const wanted = accepted === null ? '2xx' : accepted.join(', ');
  return {
    errorClass: 'http_status',
    message: `status ${status}${statusText ? ` ${statusText}` : ''}, expected ${wanted}`,
  };
}

function bodyFailure(expect: HttpExpectations, response: ReadResponse): ProbeFailure | null {
  if (expect.bodyContains === null && expect.bodyRegex === null && expect.json === null) return null;
  const text = response.body.toString('utf8');
  const failure = textFailure(expect, text) ?? (expect.json ? jsonFailure(expect.json, text) : null);
  if (failure === null || !response.truncated) return failure;
  const capBytes = response.body.length;
  const message =
    `body exceeds the ${capBytes}-byte read cap, ` + `and its first ${capBytes} bytes fail: ${failure.message}`;
  return { errorClass: 'body_too_large', message };
}

function textFailure(expect: HttpExpectations, text: string): ProbeFailure | null {
  if (expect.bodyContains !== null && !text.includes(expect.bodyContains)) {
    return { errorClass: 'http_body', message: `body does not contain ${quote(expect.bodyContains)}` };
  }
  if (expect.bodyRegex !== null && !new RegExp(expect.bodyRegex).test(text)) {
    return { errorClass: 'http_body', message: `body does not match /${expect.bodyRegex}/` };
  }
  return null;
}

function jsonFailure(json: NonNullable<HttpExpectations['json']>, text: string): ProbeFailure | null {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { errorClass: 'http_json', message: `body is not JSON (${(error as Error).message})` };
  }
  const found = valueAt(document, json.segments);
  if (!found.present) return { errorClass: 'http_json', message: `${json.path} is missing from the JSON body` };
  if (found.value === json.equals) return null;
  return {
    errorClass: 'http_json',
    message: `${json.path} is ${cut(JSON.stringify(found.value))}, expected ${cut(JSON.stringify(json.equals))}`,
  };
}

/** Walks `segments` (an object key or an array index each) from the document's root. */
export function valueAt(
  document: unknown,
  segments: readonly (string | number)[],
): { present: boolean; value?: unknown } {
  let value = document;
  for (const segment of segments) {
    if (
      typeof segment === 'number'
        ? !Array.isArray(value) || segment >= value.length
        : !isRecord(value) || !Object.hasOwn(value, segment)
    ) {
      return { present: false };
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { present: true, value };
}

function latencyFailure(maxLatencyMs: number | null, latencyMs: number): ProbeFailure | null {
  if (maxLatencyMs === null || latencyMs <= maxLatencyMs) return null;
  return { errorClass: 'too_slow', message: `response took ${Math.round(latencyMs)} ms, limit ${maxLatencyMs} ms` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text for a message, cut to keep the message short. */
function cut(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function quote(text: string): string {
  return `"${cut(text)}"`;
}
