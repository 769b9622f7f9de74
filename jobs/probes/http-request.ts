// One HTTP exchange for the http and prometheus probes: send the request, read the capped body,
// and turn whatever goes wrong into a failure value. One keep-alive agent per scheme serves every
// monitor in the process, so thousands of monitors probing a few hosts reuse their connections
// instead of opening one per probe. On abort every socket of the exchange is destroyed at once.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readBody, type BodyRead, type BodyReader } from './http-body.ts';
import { classifyError, errorText, timedOut, whenAborted, type ProbeFailure } from './probe-outcome.ts';
import { earliestExpiry, trustedCas } from './tls-chain.ts';

// An idle connection is closed after 30 s, or 1 s before the server's `Keep-Alive: timeout=` hint;
// a connection the server dropped meanwhile is retried once (see sendRequest).
const agentOptions = { keepAlive: true, timeout: 30_000, maxFreeSockets: 1024, scheduling: 'lifo' as const };
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export interface HttpRequestSpec {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  tlsVerify: boolean;
  trustedCaPem: string | undefined;
  bodyLimitBytes: number;
  /** Undo gzip, deflate and br (the cap then counts decoded bytes). */
  decode: boolean;
  /** A response this says is not to be judged (a redirect being followed) is read only to 64 KiB, undecoded. */
  skipBody?: (status: number, headers: IncomingHttpHeaders) => boolean;
}

const skippedBodyLimitBytes = 64 * 1024;

export interface HttpResponseRead {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** At most bodyLimitBytes; `truncated` when the body went on past them. */
  body: Buffer;
  truncated: boolean;
  certExpiresAtMs: number | undefined;
}

export type HttpExchange = { ok: true; response: HttpResponseRead } | { ok: false; failure: ProbeFailure };
type Attempt = HttpExchange | { ok: false; failure: ProbeFailure; staleSocket: boolean };

/**
 * Sends one request and reads its response. A kept-alive connection the server had already closed
 * fails before any response byte; that says nothing about the target, so it is retried once on a
 * fresh connection (the pattern Node's http docs recommend for `reusedSocket`).
 */
export async function sendRequest(
  spec: HttpRequestSpec,
  signal: AbortSignal,
  elapsedMs: () => number,
): Promise<HttpExchange> {
  const first = await exchangeOnce(spec, signal, elapsedMs, 'pooled');
  if (first.ok || !('staleSocket' in first) || !first.staleSocket || signal.aborted) return first;
  return exchangeOnce(spec, signal, elapsedMs, 'fresh'); // another pooled socket could be stale too
}

function exchangeOnce(
  spec: HttpRequestSpec,
  signal: AbortSignal,
  elapsedMs: () => number,
  connection: 'pooled' | 'fresh',
): Promise<Attempt> {
  return new Promise((resolve) => {
    const req = openRequest(spec, connection);
    if (!(req instanceof http.ClientRequest)) return resolve({ ok: false, failure: req });
    const doing = trackPhase(req, spec.url);
    let reader: BodyReader | null = null;
    let settled = false;
    const settle = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      resolve(attempt);
    };
    const unsubscribe = whenAborted(signal, () => {
      const progress = reader ? ` (${reader.bytesRead()} bytes so far)` : '';
      settle({ ok: false, failure: timedOut(`${doing()}${progress}`, elapsedMs()) });
      req.destroy();
      reader?.destroy();
    });
    req.on('error', (error) => {
      const failure = classifyError(error);
      const staleSocket = req.reusedSocket && reader === null && failure.errorClass === 'connection_reset';
      settle({ ok: false, failure: { ...failure, message: `${failure.message} ${doing()}` }, staleSocket });
    });
    req.on('response', (res) => (reader = readResponse(res, spec, settle)));
    req.end(spec.body ?? undefined);
  });
}

function openRequest(spec: HttpRequestSpec, connection: 'pooled' | 'fresh'): http.ClientRequest | ProbeFailure {
  const isHttps = spec.url.protocol === 'https:';
  const agent = connection === 'fresh' ? false : agents[isHttps ? 'https:' : 'http:'];
  try {
    return (isHttps ? https : http).request(spec.url, {
      method: spec.method,
      headers: requestHeaders(spec),
      agent,
      rejectUnauthorized: spec.tlsVerify,
      ca: trustedCas(spec.trustedCaPem),
    });
  } catch (error) {
    // e.g. a header value with a newline
    return { errorClass: 'network_error', message: `invalid request: ${errorText(error)}` };
  }
}

/** What the exchange is waiting for, for a timeout's or a failure's message. */
function trackPhase(req: http.ClientRequest, url: URL): () => string {
  let doing = `while connecting to ${url.host}`;
  const now = (phase: string) => () => {
    doing = phase;
  };
  const awaitingHeaders = now('while waiting for response headers');
  req.on('socket', (socket: Socket) => {
    // A kept-alive socket is already connected; listen only on a new one (no listeners pile up).
    if (!socket.connecting) return awaitingHeaders();
    const isTls = url.protocol === 'https:';
    socket.once('connect', isTls ? now(`in the TLS handshake with ${url.host}`) : awaitingHeaders);
    if (isTls) socket.once('secureConnect', awaitingHeaders);
  });
  req.on('response', now('while reading the body'));
  return () => doing;
}

function readResponse(
  res: http.IncomingMessage,
  spec: HttpRequestSpec,
  settle: (attempt: Attempt) => void,
): BodyReader {
  const certExpiresAtMs =
    spec.url.protocol === 'https:' ? earliestExpiry(res.socket as TLSSocket)?.notAfterMs : undefined;
  const bodyless = spec.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
  const skipped = spec.skipBody?.(res.statusCode ?? 0, res.headers) ?? false;
  const limitBytes = skipped ? Math.min(skippedBodyLimitBytes, spec.bodyLimitBytes) : spec.bodyLimitBytes;
  return readBody(res, { limitBytes, decode: spec.decode && !bodyless && !skipped }, (read) => {
    if (!read.ok) return settle({ ok: false, failure: bodyFailure(read, res.headers['content-encoding']) });
    const { body, truncated } = read;
    const status = res.statusCode ?? 0;
    settle({
      ok: true,
      response: { status, statusText: res.statusMessage ?? '', headers: res.headers, body, truncated, certExpiresAtMs },
    });
  });
}

function requestHeaders(spec: HttpRequestSpec): Record<string, string> {
  const given = new Set(Object.keys(spec.headers).map((name) => name.toLowerCase()));
  const headers: Record<string, string> = {};
  if (!given.has('user-agent')) headers['user-agent'] = 'slawatch-probe';
  if (spec.decode && !given.has('accept-encoding')) headers['accept-encoding'] = 'gzip, deflate, br';
  if (spec.body !== null && !given.has('content-length'))
    headers['content-length'] = String(Buffer.byteLength(spec.body));
  return { ...headers, ...spec.headers };
}

function bodyFailure(read: Extract<BodyRead, { ok: false }>, encoding: string | undefined): ProbeFailure {
  if (read.stage === 'decoding') {
    return {
      errorClass: 'decompression_error',
      message: `could not decode the ${encoding} body: ${errorText(read.error)}`,
    };
  }
  const failure = classifyError(read.error);
  return { ...failure, message: `${failure.message} while reading the body after ${read.bytesRead} bytes` };
}
