// The http probe against hostile targets: each gives a down result with its own error class and a
// message that says what happened, within the deadline plus a small margin, and none makes the
// probe throw or buffer more than its cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe } from '../../../jobs/probes/http.ts';
import type { HttpMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import { startHostileTargets, type HostileTargets } from './hostile-http.ts';
import { closeAll, closedPort, deadline, httpSettings, timed } from './servers.ts';

const deadlineMs = 800;
const marginMs = 300;
const mb = 1_000_000;

let targets: HostileTargets;
let refusedUrl: string;

beforeAll(async () => {
  targets = await startHostileTargets();
  refusedUrl = `http://127.0.0.1:${await closedPort()}/`;
});
afterAll(closeAll);

interface Case {
  name: string;
  url: () => string;
  settings?: Partial<Omit<HttpMonitorSettings, 'expect'>> & { expect?: Partial<HttpMonitorSettings['expect']> };
  errorClass: string;
  message: RegExp;
  /** A timeout must also not come early. */
  atDeadline?: boolean;
}

const cases: Case[] = [
  {
    name: 'a closed port is connection refused',
    url: () => refusedUrl,
    errorClass: 'connection_refused',
    message: /connection refused \(connect ECONNREFUSED 127\.0\.0\.1:\d+\) while connecting to 127\.0\.0\.1:\d+/,
  },
  {
    name: 'a reset before any response byte is connection reset',
    url: () => `${targets.resetBeforeResponse.url}/`,
    errorClass: 'connection_reset',
    message: /connection reset .* while waiting for response headers/,
  },
  {
    name: 'a reset in the middle of the body is connection reset',
    url: () => `${targets.resetMidBody.url}/`,
    errorClass: 'connection_reset',
    message: /connection reset .* while reading the body after 10 bytes/,
  },
  {
    name: 'a close in the middle of the body is connection reset',
    url: () => `${targets.closedMidBody.url}/`,
    errorClass: 'connection_reset',
    message: /the connection closed before the body ended.* while reading the body after 10 bytes/,
  },
  {
    name: 'headers trickling a byte every 200 ms time out at the deadline',
    url: () => `${targets.trickledHeaders.url}/`,
    errorClass: 'timeout',
    message: /timed out after \d+ ms while waiting for response headers/,
    atDeadline: true,
  },
  {
    name: 'a body trickling forever times out at the deadline',
    url: () => `${targets.trickledBody.url}/`,
    errorClass: 'timeout',
    message: /timed out after \d+ ms while reading the body \(\d+ bytes so far\)/,
    atDeadline: true,
  },
  {
    name: 'an endless fast body is read to the cap and fails a keyword check as too large',
    url: () => `${targets.endlessBody.url}/`,
    settings: { expect: { bodyContains: 'healthy' } },
    errorClass: 'body_too_large',
    message: /exceeds the 1048576-byte read cap.*does not contain "healthy"/,
  },
  {
    name: 'a 100 MB body is read to the cap and fails a keyword check as too large',
    url: () => `${targets.hundredMegabytes.url}/`,
    settings: { expect: { bodyContains: 'healthy' } },
    errorClass: 'body_too_large',
    message: /exceeds the 1048576-byte read cap/,
  },
  {
    name: 'a 100 MB body is read to the cap and fails a JSON check as too large',
    url: () => `${targets.hundredMegabytes.url}/`,
    settings: { expect: { json: { path: '$.ok', segments: ['ok'], equals: true } } },
    errorClass: 'body_too_large',
    message: /body is not JSON/,
  },
  {
    name: 'a redirect loop stops at the redirect limit',
    url: () => `${targets.redirectLoop.url}/a`,
    settings: { maxRedirects: 5 },
    errorClass: 'http_too_many_redirects',
    message: /stopped after 5 redirects: http:\/\/127\.0\.0\.1:\d+\/b answered 302 to \/a/,
  },
  {
    name: 'a gzip bomb is inflated only to the cap and fails a keyword check as too large',
    url: () => `${targets.gzipBomb.url}/`,
    settings: { expect: { bodyContains: 'healthy' } },
    errorClass: 'body_too_large',
    message: /exceeds the 1048576-byte read cap/,
  },
  {
    name: 'a body labelled gzip that is not gzip is a decompression error',
    url: () => `${targets.corruptGzip.url}/`,
    errorClass: 'decompression_error',
    message: /could not decode the gzip body: incorrect header check/,
  },
  {
    name: 'headers larger than the client allows are a protocol error',
    url: () => `${targets.hugeHeaders.url}/`,
    errorClass: 'http_protocol',
    message: /malformed HTTP response \(HPE_HEADER_OVERFLOW/,
  },
  {
    name: 'a server that does not speak HTTP is a protocol error',
    url: () => `${targets.notHttp.url}/`,
    errorClass: 'http_protocol',
    message: /malformed HTTP response \(HPE_/,
  },
];

describe('the http probe against hostile targets', () => {
  it.each(cases)('$name', async (c) => {
    const { result, tookMs } = await timed(() => httpProbe(httpSettings(c.url(), c.settings), deadline(deadlineMs)));
    expect(result).toMatchObject({ ok: false, errorClass: c.errorClass });
    if (!result.ok) expect(result.message).toMatch(c.message);
    expect(tookMs).toBeLessThan(deadlineMs + marginMs);
    if (c.atDeadline) expect(tookMs).toBeGreaterThanOrEqual(deadlineMs - 20);
  });

  it.each([
    ['trickled headers', () => targets.trickledHeaders],
    ['a trickled body', () => targets.trickledBody],
  ])('closes its connection at the deadline on %s', async (_name, target) => {
    await httpProbe(httpSettings(`${target().url}/`), deadline(300));
    await expect.poll(() => target().open(), { timeout: 500, interval: 10 }).toBe(0);
  });

  // Decision: a body past the cap is not a failure in itself. Without a body check the status is
  // all the monitor asks about, and it is judged on the first MiB read (latency: time to that MiB).
  it.each([
    ['an endless fast body', () => targets.endlessBody.url],
    ['a 100 MB body', () => targets.hundredMegabytes.url],
    ['a gzip bomb', () => targets.gzipBomb.url],
  ])('%s is up when only the status is checked', async (_name, url) => {
    const result = await httpProbe(httpSettings(`${url()}/`), deadline(deadlineMs));
    expect(result).toMatchObject({ ok: true, detail: { httpStatus: 200 } });
  });

  it.each([
    ['a 100 MB body', () => targets.hundredMegabytes.url],
    ['a gzip bomb of 1 GiB', () => targets.gzipBomb.url],
  ])('%s does not grow the process by 50 MB', async (_name, url) => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (let i = 0; i < 3; i++) {
        const result = await httpProbe(
          httpSettings(`${url()}/`, { expect: { bodyContains: 'healthy' } }),
          deadline(5_000),
        );
        expect(result).toMatchObject({ ok: false, errorClass: 'body_too_large' });
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / mb).toBeLessThan(50);
  });
});
