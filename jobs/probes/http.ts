// The http probe (SPEC §1 "Monitor": status, body keyword, latency limit, redirects, headers).
// It follows up to maxRedirects redirects, reads the final body up to 1 MiB (decoded), and is up
// when the final response meets every expectation. Latency is the time to the end of the final
// (capped) body, redirects included. The deadline is ctx.signal: at abort every socket is
// destroyed and the result is `timeout`.
//
// Long bodies (http-body.ts, http-expectations.ts): past 1 MiB the probe stops reading and judges
// the first MiB. Being long is not a failure; a body check that fails on a cut body is
// `body_too_large`. So a body that never ends is judged at the cap when it streams fast enough,
// and times out when it trickles. A gzip/deflate/br body is capped on its decoded bytes: a gzip
// bomb costs 1 MiB, and one that is corrupt is `decompression_error`.
import type { IncomingHttpHeaders } from 'node:http';
import type { Probe } from './probe.ts';
import type { HttpMonitorSettings } from './probe-settings.ts';
import { bodyLimitBytes } from './http-body.ts';
import { unmetExpectation } from './http-expectations.ts';
import { sendRequest, type HttpRequestSpec, type HttpResponseRead } from './http-request.ts';
import { probeDown, probeUp, type ProbeFailure } from './probe-outcome.ts';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export const httpProbe = (async (settings, ctx) => {
  const startedMs = ctx.monotonicMs();
  const elapsedMs = () => ctx.monotonicMs() - startedMs;
  const followed = settings.maxRedirects > 0;
  let request = firstRequest(settings, ctx.trustedCaPem);
  for (let redirects = 0; ; redirects++) {
    const exchange = await sendRequest(request, ctx.signal, elapsedMs);
    if (!exchange.ok) return probeDown(exchange.failure);
    const { response } = exchange;
    const location = followed ? redirectLocation(response.status, response.headers) : undefined;
    if (location === undefined) return judge(settings, response, elapsedMs());
    if (redirects >= settings.maxRedirects) {
      const message =
        `stopped after ${redirects} redirects: ` + `${request.url.href} answered ${response.status} to ${location}`;
      return probeDown({ errorClass: 'http_too_many_redirects', message }, null, { httpStatus: response.status });
    }
    const next = redirected(request, response.status, location);
    if ('errorClass' in next) return probeDown(next, null, { httpStatus: response.status });
    request = next;
  }
}) satisfies Probe<'http'>;

/** The Location of a redirect response; undefined for any other response (which is then final). */
function redirectLocation(status: number, headers: IncomingHttpHeaders): string | undefined {
  return redirectStatuses.has(status) ? headers.location : undefined;
}

function judge(settings: HttpMonitorSettings, response: HttpResponseRead, latencyMs: number) {
  const detail = {
    httpStatus: response.status,
    ...(response.certExpiresAtMs === undefined ? {} : { certExpiresAtMs: response.certExpiresAtMs }),
  };
  const unmet = unmetExpectation(settings.expect, response, latencyMs);
  return unmet ? probeDown(unmet, latencyMs, detail) : probeUp(latencyMs, detail);
}

function firstRequest(settings: HttpMonitorSettings, trustedCaPem: string | undefined): HttpRequestSpec {
  return {
    url: new URL(settings.url),
    method: settings.method,
    headers: settings.headers,
    body: settings.body,
    tlsVerify: settings.tlsVerify,
    trustedCaPem,
    bodyLimitBytes,
    decode: true,
    // A redirect being followed is not judged: its body is skipped (http-request.ts).
    skipBody:
      settings.maxRedirects > 0 ? (status, headers) => redirectLocation(status, headers) !== undefined : undefined,
  };
}

/**
 * The request a redirect asks for (RFC 9110 §15.4): 303, and 301/302 after a POST, become a GET
 * without body; 307/308 repeat the method and body. Credentials are not sent to another origin.
 */
function redirected(request: HttpRequestSpec, status: number, location: string): HttpRequestSpec | ProbeFailure {
  let url: URL;
  try {
    url = new URL(location, request.url);
  } catch {
    return {
      errorClass: 'http_protocol',
      message: `redirect ${status} to an invalid Location ${JSON.stringify(location)}`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { errorClass: 'http_protocol', message: `redirect ${status} to a non-HTTP URL ${url.href}` };
  }
  const toGet =
    (status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST');
  const sameOrigin = url.origin === request.url.origin;
  const dropped = new Set([
    ...(toGet ? ['content-length', 'content-type'] : []),
    ...(sameOrigin ? [] : ['authorization', 'cookie']),
  ]);
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !dropped.has(name.toLowerCase())),
  );
  return { ...request, url, headers, method: toGet ? 'GET' : request.method, body: toGet ? null : request.body };
}
