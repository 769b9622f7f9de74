// The tcp probe against loopback listeners: open, refusing, unresolvable, and a connect that
// cannot complete before the deadline.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TcpMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import { tcpProbe } from '../../../jobs/probes/tcp.ts';
import { closeAll, closedPort, deadline, startRawServer, timed, type Running } from './servers.ts';

let open: Running;
let refused: number;
let closedConnections = 0;

beforeAll(async () => {
  open = await startRawServer((socket: Socket) => socket.on('close', () => closedConnections++));
  refused = await closedPort();
});
afterAll(closeAll);

const tcp = (host: string, port: number): TcpMonitorSettings => ({ type: 'tcp', host, port, timeoutMs: 1_000 });

// glibc rejects a label over 63 bytes before sending any query, so this stays on the machine and
// fails as the lookup of a name that cannot exist.
const unresolvable = `${'x'.repeat(64)}.invalid`;

const cases: { name: string; settings: () => TcpMonitorSettings; errorClass?: string; message?: RegExp }[] = [
  { name: 'an open port is up', settings: () => tcp('127.0.0.1', open.port) },
  { name: 'an open port is up by host name', settings: () => tcp('localhost', open.port) },
  {
    name: 'a closed port is connection refused',
    settings: () => tcp('127.0.0.1', refused),
    errorClass: 'connection_refused',
    message: /connection refused \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/,
  },
  {
    name: 'a host that does not resolve is a DNS failure',
    settings: () => tcp(unresolvable, 80),
    errorClass: 'dns_nxdomain',
    message: /host not found \(getaddrinfo ENOTFOUND x+\.invalid\)/,
  },
];

describe('the tcp probe', () => {
  it.each(cases)('$name', async (c) => {
    const result = await tcpProbe(c.settings(), deadline(1_000));
    if (c.errorClass === undefined) {
      expect(result).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    } else {
      expect(result).toMatchObject({ ok: false, errorClass: c.errorClass, latencyMs: null });
      if (!result.ok) expect(result.message).toMatch(c.message ?? /./);
    }
  });

  it('closes the connection it opened', async () => {
    const before = closedConnections;
    await tcpProbe(tcp('127.0.0.1', open.port), deadline(1_000));
    await expect.poll(() => closedConnections, { timeout: 1_000 }).toBe(before + 1);
  });

  it('times out at the deadline and abandons the connect', async () => {
    // A deadline already past: the probe must not wait for the connect (or anything else).
    const controller = new AbortController();
    controller.abort();
    const { result, tookMs } = await timed(() =>
      tcpProbe(tcp('127.0.0.1', open.port), { signal: controller.signal, monotonicMs: () => performance.now() }),
    );
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'timeout',
      message: expect.stringMatching(/timed out after \d+ ms while connecting to 127\.0\.0\.1:\d+/),
    });
    expect(tookMs).toBeLessThan(100);
  });
});
