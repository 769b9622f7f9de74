// Hostile HTTP targets, shared by the hostile-target table and the fairness test: servers that
// refuse, reset, trickle, never finish, flood, loop, or inflate into a gigabyte.
import { gzipSync } from 'node:zlib';
import { every, startHttpServer, startRawServer, stream, type Running } from './servers.ts';

const mib = 1024 * 1024;

/**
 * A gzip body that inflates to 1 GiB: 64 gzip members of 16 MiB of zeros each (a gzip stream may
 * hold several members, and a gunzip decodes them all), about 1 MB on the wire.
 */
export function gzipBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(16 * mib));
  return Buffer.concat(Array.from({ length: 64 }, () => member));
}

export interface HostileTargets {
  /** Accepts, then resets the connection once the request arrives, before any response byte. */
  resetBeforeResponse: Running;
  /** Sends the headers and 10 of the 1000 bytes it announced, then resets. */
  resetMidBody: Running;
  /** Sends the headers and 10 of the 1000 bytes it announced, then closes (FIN, no reset). */
  closedMidBody: Running;
  /** Sends its response headers one byte every 200 ms (slowloris). */
  trickledHeaders: Running;
  /** Sends headers, then one body byte every 100 ms, forever. */
  trickledBody: Running;
  /** Streams zeros as fast as the reader takes them, forever (chunked). */
  endlessBody: Running;
  /** A 100 MB body with a Content-Length, streamed with backpressure. */
  hundredMegabytes: Running;
  /** /a redirects to /b, /b to /a. */
  redirectLoop: Running;
  /** gzipBomb() with Content-Encoding: gzip. */
  gzipBomb: Running;
  /** Garbage labelled gzip. */
  corruptGzip: Running;
  /** 64 KiB of headers (Node's client allows 16 KiB). */
  hugeHeaders: Running;
  /** Not HTTP at all. */
  notHttp: Running;
}

export async function startHostileTargets(): Promise<HostileTargets> {
  const bomb = gzipBomb();
  const zeros = Buffer.alloc(64 * 1024);
  const headThenReset = 'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789';
  const slowHead = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok';
  return {
    resetBeforeResponse: await startRawServer((socket) => socket.once('data', () => socket.resetAndDestroy())),
    resetMidBody: await startRawServer((socket) =>
      socket.once('data', () => socket.write(headThenReset, () => socket.resetAndDestroy())),
    ),
    closedMidBody: await startRawServer((socket) => socket.once('data', () => socket.end(headThenReset))),
    trickledHeaders: await startRawServer((socket) => {
      let sent = 0;
      every(socket, 200, () => socket.write(slowHead.charAt(sent++ % slowHead.length)));
    }),
    trickledBody: await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      every(res.socket!, 100, () => res.write('.'));
    }),
    endlessBody: await startHttpServer((_req, res) => {
      res.writeHead(200);
      stream(res, zeros, null);
    }),
    hundredMegabytes: await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1_000_000) });
      stream(res, zeros, 100 * 1_000_000);
    }),
    redirectLoop: await startHttpServer((req, res) =>
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end(),
    ),
    gzipBomb: await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      stream(res, bomb, bomb.length);
    }),
    corruptGzip: await startHttpServer((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip at all'),
    ),
    hugeHeaders: await startRawServer((socket) =>
      socket.once('data', () =>
        socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\nContent-Length: 0\r\n\r\n`),
      ),
    ),
    notHttp: await startRawServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n'))),
  };
}
