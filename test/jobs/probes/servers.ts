// Real loopback listeners on port 0 for the probe tests: well-behaved and hostile HTTP servers,
// raw TCP servers that misbehave below HTTP, and a port that refuses. Every server closes with all
// its sockets and timers, so a test leaves nothing running.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { ProbeContext } from '../../../jobs/probes/probe.ts';
import type { HttpMonitorSettings } from '../../../jobs/probes/probe-settings.ts';

export interface Running {
  port: number;
  url: string;
  /** Connections accepted so far (keep-alive reuse shows as few connections for many requests). */
  connections(): number;
  /** Connections open now. */
  open(): number;
  close(): Promise<void>;
}

const running = new Set<Running>();

/** Closes every server the tests started; call in afterAll/afterEach. */
export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.close()));
}

async function listen(server: Server, scheme: 'http' | 'https' | 'tcp'): Promise<Running> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => accepted++);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // a probe hanging up mid-write is expected here
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const handle: Running = {
    port: address.port,
    url: `${scheme === 'https' ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    connections: () => accepted,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        running.delete(handle);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  running.add(handle);
  return handle;
}

export function startHttpServer(handler: RequestListener): Promise<Running> {
  return listen(createHttpServer({ keepAliveTimeout: 30_000 }, handler), 'http');
}

export function startHttpsServer(tls: { key: string; cert: string }, handler: RequestListener): Promise<Running> {
  return listen(createHttpsServer({ ...tls, keepAliveTimeout: 30_000 }, handler), 'https');
}

/** A TCP server below HTTP: `onSocket` writes whatever it likes. */
export function startRawServer(onSocket: (socket: Socket) => void): Promise<Running> {
  return listen(createNetServer(onSocket), 'tcp');
}

/** A loopback port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = await startRawServer(() => {});
  await server.close();
  return server.port;
}

/** Runs `tick` every `everyMs` until the socket closes. */
export function every(socket: Socket, everyMs: number, tick: () => void): void {
  const timer = setInterval(tick, everyMs);
  socket.on('close', () => clearInterval(timer));
}

/** Writes `chunk` until `totalBytes` are sent or forever (null), honouring backpressure. */
export function stream(res: ServerResponse, chunk: Buffer, totalBytes: number | null): void {
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && (totalBytes === null || sent < totalBytes)) {
      const piece = totalBytes === null ? chunk : chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

export function readRequestBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A context whose deadline is `deadlineMs` from now, with the real monotonic clock. */
export function deadline(deadlineMs: number, extra: Partial<ProbeContext> = {}): ProbeContext {
  return { signal: AbortSignal.timeout(deadlineMs), monotonicMs: () => performance.now(), ...extra };
}

/** Http settings as the config loader would produce them for `url`, with `overrides` on top. */
export function httpSettings(
  url: string,
  overrides: Partial<Omit<HttpMonitorSettings, 'expect'>> & { expect?: Partial<HttpMonitorSettings['expect']> } = {},
): HttpMonitorSettings {
  const { expect, ...rest } = overrides;
  return {
    type: 'http',
    url,
    method: 'GET',
    headers: {},
    body: null,
    maxRedirects: 10,
    tlsVerify: true,
    timeoutMs: 2_000,
    ...rest,
    expect: { status: null, bodyContains: null, bodyRegex: null, json: null, maxLatencyMs: null, ...expect },
  };
}

/** Runs `probe` and measures the wall time it took, to check it kept its deadline. */
export async function timed<T>(probe: () => Promise<T>): Promise<{ result: T; tookMs: number }> {
  const started = performance.now();
  const result = await probe();
  return { result, tookMs: performance.now() - started };
}
