// The prometheus probe (SPEC §1 "Monitor": a PromQL expression against an existing Prometheus; up
// while it holds). An instant query, `GET {url}/api/v1/query?query=…`; the expression holds while
// its result is not empty and not all zero, the way an alerting rule's `expr` fires: a vector with
// any non-zero sample, a non-zero scalar, a non-empty string. NaN is not a value that holds.
// `prometheus_false` when it does not hold; `prometheus_error` when Prometheus cannot say
// (an API error, a non-200, a body that is not the API's JSON).
import type { Probe } from './probe.ts';
import { bodyLimitBytes } from './http-body.ts';
import { sendRequest, type HttpResponseRead } from './http-request.ts';
import { probeDown, probeUp, type ProbeFailure } from './probe-outcome.ts';

export const prometheusProbe = (async (settings, ctx) => {
  const startedMs = ctx.monotonicMs();
  const elapsedMs = () => ctx.monotonicMs() - startedMs;
  const request = {
    url: queryUrl(settings.url, settings.query),
    method: 'GET',
    headers: { accept: 'application/json' },
    body: null,
    tlsVerify: true,
    trustedCaPem: ctx.trustedCaPem,
    bodyLimitBytes,
    decode: true,
  };
  const exchange = await sendRequest(request, ctx.signal, elapsedMs);
  if (!exchange.ok) return probeDown(exchange.failure);
  const latencyMs = elapsedMs();
  const failure = queryFailure(exchange.response);
  const detail = { httpStatus: exchange.response.status };
  return failure ? probeDown(failure, latencyMs, detail) : probeUp(latencyMs, detail);
}) satisfies Probe<'prometheus'>;

/** The API path is appended to the base URL's own path, so a Prometheus behind a prefix works. */
export function queryUrl(baseUrl: string, query: string): URL {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/query`;
  url.search = new URLSearchParams({ query }).toString();
  url.hash = '';
  return url;
}

interface QueryResponse {
  status?: unknown;
  errorType?: unknown;
  error?: unknown;
  data?: { resultType?: unknown; result?: unknown };
}

/** Why the response does not show the expression holding, or null when it holds. Pure. */
export function queryFailure(response: Pick<HttpResponseRead, 'status' | 'body' | 'truncated'>): ProbeFailure | null {
  let json: QueryResponse;
  try {
    json = JSON.parse(response.body.toString('utf8')) as QueryResponse;
  } catch {
    const why = response.truncated ? `is larger than ${response.body.length} bytes` : 'is not JSON';
    return { errorClass: 'prometheus_error', message: `the response (status ${response.status}) ${why}` };
  }
  if (response.status !== 200 || json?.status !== 'success') {
    const reason = json?.error ? `${String(json.errorType ?? 'error')}: ${String(json.error)}` : 'no error given';
    return { errorClass: 'prometheus_error', message: `query failed with status ${response.status} (${reason})` };
  }
  return resultFailure(json.data?.resultType, json.data?.result);
}

function resultFailure(resultType: unknown, result: unknown): ProbeFailure | null {
  const values = sampleValues(resultType, result);
  if (values === null)
    return { errorClass: 'prometheus_error', message: `unexpected result type ${JSON.stringify(resultType)}` };
  if (values.length === 0) return { errorClass: 'prometheus_false', message: `the ${resultType} result is empty` };
  if (values.some(holds)) return null;
  return {
    errorClass: 'prometheus_false',
    message: `all ${values.length} values of the ${resultType} result are 0 or NaN`,
  };
}

/** The sample values of an instant query's result, as Prometheus writes them (strings); null if malformed. */
function sampleValues(resultType: unknown, result: unknown): unknown[] | null {
  const sampleValue = (sample: unknown) => (Array.isArray(sample) ? sample[1] : undefined);
  switch (resultType) {
    case 'vector':
      return Array.isArray(result) ? result.map((series: { value?: unknown }) => sampleValue(series?.value)) : null;
    case 'matrix':
      if (!Array.isArray(result)) return null;
      return result.flatMap((series: { values?: unknown }) =>
        Array.isArray(series?.values) ? series.values.map(sampleValue) : [],
      );
    case 'scalar':
      return Array.isArray(result) ? [sampleValue(result)] : null;
    case 'string':
      return Array.isArray(result) && result[1] !== '' ? [true] : [];
    default:
      return null;
  }
}

function holds(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value !== 'string') return false;
  const number = /^[+-]?inf$/i.test(value) ? Infinity : Number(value);
  return !Number.isNaN(number) && number !== 0;
}
