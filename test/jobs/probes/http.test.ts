// The http probe against a well-behaved loopback server: each expectation, methods and headers,
// redirects, content codings, the body cap and keep-alive reuse.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe } from '../../../jobs/probes/http.ts';
import type { HttpMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import {
  closeAll,
  deadline,
  httpSettings,
  readRequestBody,
  startHttpServer,
  startRawServer,
  stream,
  type Running,
} from './servers.ts';

let server: Running;

beforeAll(async () => {
  server = await startHttpServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) =>
      res.writeHead(status, headers).end(body);
    switch (path) {
      case '/ok':
        return send(200, 'all systems operational');
      case '/down':
        return send(503, 'maintenance');
      case '/missing':
        return send(404, 'no such page');
      case '/json':
        return send(200, JSON.stringify({ status: 'ok', checks: [{ name: 'db', healthy: true }], 'a key': null }), {
          'content-type': 'application/json',
        });
      case '/not-json':
        return send(200, '<html>oops</html>');
      case '/slow':
        return void setTimeout(() => send(200, 'late'), 150);
      case '/echo':
        return send(
          200,
          `${req.method} x-probe=${req.headers['x-probe']} ` +
            `auth=${req.headers.authorization} body=${await readRequestBody(req)}`,
        );
      case '/moved':
        return send(301, '', { location: '/ok' });
      case '/found-elsewhere':
        return send(302, '', { location: `http://localhost:${server.port}/echo` });
      case '/see-other':
        return send(303, '', { location: '/echo' });
      case '/temporary':
        return send(307, '', { location: '/echo' });
      case '/gzip':
        return send(200, gzipSync('compressed with gzip'), { 'content-encoding': 'gzip' });
      case '/deflate':
        return send(200, deflateSync('compressed with deflate'), { 'content-encoding': 'deflate' });
      case '/br':
        return send(200, brotliCompressSync('compressed with br'), { 'content-encoding': 'br' });
      case '/empty-gzip':
        return send(204, '', { 'content-encoding': 'gzip' });
      case '/big-needle-first': {
        res.writeHead(200, { 'content-length': String(3 * 1024 * 1024) });
        res.write('needle ');
        return stream(res, Buffer.alloc(64 * 1024, 'x'), 3 * 1024 * 1024 - 7);
      }
      default:
        return send(500, `unexpected path ${path}`);
    }
  });
});
afterAll(closeAll);

const jsonAt = (path: string, segments: (string | number)[], equals: string | number | boolean | null) => ({
  path,
  segments,
  equals,
});

interface Case {
  name: string;
  path: string;
  settings?: Partial<Omit<HttpMonitorSettings, 'expect'>> & { expect?: Partial<HttpMonitorSettings['expect']> };
  errorClass?: string;
  message?: RegExp;
  status?: number;
}

const cases: Case[] = [
  { name: 'a 200 is up when any 2xx is expected', path: '/ok', status: 200 },
  {
    name: 'a 503 is down with its status',
    path: '/down',
    errorClass: 'http_status',
    message: /status 503 Service Unavailable, expected 2xx/,
    status: 503,
  },
  {
    name: 'a 404 is up when 404 is the expected status',
    path: '/missing',
    settings: { expect: { status: [404] } },
    status: 404,
  },
  {
    name: 'a 200 is down when only 204 is expected',
    path: '/ok',
    settings: { expect: { status: [204] } },
    errorClass: 'http_status',
    message: /expected 204/,
  },
  { name: 'a body with the keyword is up', path: '/ok', settings: { expect: { bodyContains: 'operational' } } },
  {
    name: 'a body without the keyword is down',
    path: '/ok',
    settings: { expect: { bodyContains: 'degraded' } },
    errorClass: 'http_body',
    message: /does not contain "degraded"/,
  },
  {
    name: 'a body matching the regex is up',
    path: '/ok',
    settings: { expect: { bodyRegex: '^all \\w+ operational$' } },
  },
  {
    name: 'a body not matching the regex is down',
    path: '/ok',
    settings: { expect: { bodyRegex: 'outage|down' } },
    errorClass: 'http_body',
    message: /does not match \/outage\|down\//,
  },
  {
    name: 'a JSON value equal to the expected one is up',
    path: '/json',
    settings: { expect: { json: jsonAt('$.checks[0].healthy', ['checks', 0, 'healthy'], true) } },
  },
  {
    name: 'a JSON null is equal to an expected null',
    path: '/json',
    settings: { expect: { json: jsonAt('$["a key"]', ['a key'], null) } },
  },
  {
    name: 'a different JSON value is down with both values',
    path: '/json',
    settings: { expect: { json: jsonAt('$.status', ['status'], 'degraded') } },
    errorClass: 'http_json',
    message: /\$\.status is "ok", expected "degraded"/,
  },
  {
    name: 'a missing JSON path is down',
    path: '/json',
    settings: { expect: { json: jsonAt('$.checks[3].name', ['checks', 3, 'name'], 'db') } },
    errorClass: 'http_json',
    message: /\$\.checks\[3\]\.name is missing/,
  },
  {
    name: 'a body that is not JSON fails the JSON check',
    path: '/not-json',
    settings: { expect: { json: jsonAt('$.status', ['status'], 'ok') } },
    errorClass: 'http_json',
    message: /body is not JSON/,
  },
  {
    name: 'a response slower than max latency is too slow',
    path: '/slow',
    settings: { expect: { maxLatencyMs: 50 } },
    errorClass: 'too_slow',
    message: /took \d+ ms, limit 50 ms/,
  },
  { name: 'a response within max latency is up', path: '/slow', settings: { expect: { maxLatencyMs: 1_500 } } },
  {
    name: 'a POST sends its method, headers and body',
    path: '/echo',
    settings: {
      method: 'POST',
      headers: { 'X-Probe': 'yes' },
      body: 'ping',
      expect: { bodyContains: 'POST x-probe=yes auth=undefined body=ping' },
    },
  },
  { name: 'a HEAD request is judged on status alone', path: '/ok', settings: { method: 'HEAD' }, status: 200 },
  {
    name: 'a 301 is followed to its target',
    path: '/moved',
    settings: { expect: { bodyContains: 'operational' } },
    status: 200,
  },
  {
    name: 'a redirect is the final response when redirects are not followed',
    path: '/moved',
    settings: { maxRedirects: 0 },
    errorClass: 'http_status',
    message: /status 301/,
    status: 301,
  },
  {
    name: 'a redirect status can be the expected one',
    path: '/moved',
    settings: { maxRedirects: 0, expect: { status: [301] } },
    status: 301,
  },
  {
    name: 'a 303 after a POST becomes a GET without body',
    path: '/see-other',
    settings: { method: 'POST', body: 'form', expect: { bodyContains: 'GET x-probe=undefined auth=undefined body=' } },
  },
  {
    name: 'a 307 repeats the POST and its body',
    path: '/temporary',
    settings: {
      method: 'POST',
      body: 'form',
      expect: { bodyContains: 'POST x-probe=undefined auth=undefined body=form' },
    },
  },
  {
    name: 'credentials are not sent to another origin on a redirect',
    path: '/found-elsewhere',
    settings: { headers: { Authorization: 'Bearer secret' }, expect: { bodyContains: 'auth=undefined' } },
  },
  {
    name: 'a gzip body is decoded before the checks',
    path: '/gzip',
    settings: { expect: { bodyContains: 'compressed with gzip' } },
  },
  {
    name: 'a deflate body is decoded before the checks',
    path: '/deflate',
    settings: { expect: { bodyContains: 'compressed with deflate' } },
  },
  {
    name: 'a br body is decoded before the checks',
    path: '/br',
    settings: { expect: { bodyContains: 'compressed with br' } },
  },
  { name: 'an empty body labelled gzip is empty, not corrupt', path: '/empty-gzip', status: 204 },
  {
    name: 'a body past the cap passes a keyword found in its first MiB',
    path: '/big-needle-first',
    settings: { expect: { bodyContains: 'needle' } },
  },
  {
    name: 'a body past the cap fails a keyword not in its first MiB as too large',
    path: '/big-needle-first',
    settings: { expect: { bodyContains: 'haystack' } },
    errorClass: 'body_too_large',
    message: /exceeds the 1048576-byte read cap.*does not contain "haystack"/,
  },
];

describe('the http probe against a well-behaved server', () => {
  it.each(cases)('$name', async (c) => {
    const result = await httpProbe(httpSettings(`${server.url}${c.path}`, c.settings), deadline(2_000));
    if (c.errorClass === undefined) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, errorClass: c.errorClass });
      if (!result.ok) expect(result.message).toMatch(c.message ?? /./);
    }
    if (c.status !== undefined) expect(result.detail.httpStatus).toBe(c.status);
  });

  it('reports latency as the time to the full response', async () => {
    const result = await httpProbe(httpSettings(`${server.url}/slow`), deadline(2_000));
    expect(result.latencyMs).toBeGreaterThanOrEqual(140);
    expect(result.latencyMs).toBeLessThan(1_000);
  });

  it('measures latency on the clock it is given', async () => {
    let now = 1_000;
    const result = await httpProbe(httpSettings(`${server.url}/ok`), {
      ...deadline(2_000),
      monotonicMs: () => (now += 7),
    });
    expect(result).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    expect((result.latencyMs ?? 0) % 7).toBe(0);
  });

  it('reuses one kept-alive connection for many probes of the same host', async () => {
    const reused = await startHttpServer((_req, res) => res.end('ok'));
    for (let i = 0; i < 20; i++) {
      expect(await httpProbe(httpSettings(`${reused.url}/`), deadline(2_000))).toMatchObject({ ok: true });
    }
    expect(reused.connections()).toBe(1);
  });

  it('retries once on a fresh connection when a kept-alive one turns out closed', async () => {
    // Answers the first request on each connection and resets the connection at the second: what a
    // server that dropped an idle connection looks like to the client that reuses it.
    const forgetful = await startRawServer((socket) => {
      let requests = 0;
      socket.on('data', () => {
        if (++requests > 1) return void socket.resetAndDestroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
    });
    const settings = httpSettings(`${forgetful.url}/`);
    expect(await httpProbe(settings, deadline(2_000))).toMatchObject({ ok: true });
    expect(await httpProbe(settings, deadline(2_000))).toMatchObject({ ok: true });
    expect(forgetful.connections()).toBe(2);
  });
});
