// The tls probe, and the http probe over https, against loopback TLS servers with certificates
// made at test start (test-certs.ts): the test CA is trusted through ctx.trustedCaPem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe } from '../../../jobs/probes/http.ts';
import type { ProbeContext } from '../../../jobs/probes/probe.ts';
import type { TlsMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import { tlsProbe } from '../../../jobs/probes/tls.ts';
import {
  closeAll,
  closedPort,
  deadline,
  httpSettings,
  startHttpsServer,
  startRawServer,
  timed,
  type Running,
} from './servers.ts';
import { makeTestCerts, notAfterMs, type KeyAndCert, type TestCerts } from './test-certs.ts';

const dayMs = 86_400_000;
let certs: TestCerts;
const serverNames = ['good', 'viaIntermediate', 'expiringIn5Days', 'expired', 'wrongHost', 'selfSigned'] as const;
const servers = {} as Record<(typeof serverNames)[number], Running>;
let silent: Running;
let garbage: Running;
let refusedPort: number;

/** An HTTPS server serves both probes: the tls probe only shakes hands with it. */
function startTlsServer(keyAndCert: KeyAndCert): Promise<Running> {
  return startHttpsServer(keyAndCert, (_req, res) => res.end('secure hello'));
}

beforeAll(async () => {
  certs = makeTestCerts();
  for (const name of serverNames) servers[name] = await startTlsServer(certs[name]);
  silent = await startRawServer(() => {}); // accepts TCP, never answers the ClientHello
  garbage = await startRawServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
  refusedPort = await closedPort();
});
afterAll(closeAll);

const trusted = (ms: number): ProbeContext => deadline(ms, { trustedCaPem: certs.caPem });
const tlsSettings = (port: number, overrides: Partial<TlsMonitorSettings> = {}): TlsMonitorSettings => ({
  type: 'tls',
  host: '127.0.0.1',
  port,
  servername: 'localhost',
  minDaysLeft: 14,
  timeoutMs: 2_000,
  ...overrides,
});

interface Case {
  name: string;
  server: () => number;
  settings?: Partial<TlsMonitorSettings>;
  trustCa?: boolean;
  errorClass?: string;
  message?: RegExp;
}

const cases: Case[] = [
  { name: 'a certificate from the trusted CA, for the host, with 90 days left is up', server: () => servers.good.port },
  {
    name: 'a certificate with 5 days left is expiring under a 14-day minimum',
    server: () => servers.expiringIn5Days.port,
    errorClass: 'tls_expiring',
    message: /certificate CN=expiring expires in 4 days \(.*\), fewer than 14/,
  },
  {
    name: 'a certificate with 5 days left is up under a 3-day minimum',
    server: () => servers.expiringIn5Days.port,
    settings: { minDaysLeft: 3 },
  },
  {
    name: 'an expired certificate is expired',
    server: () => servers.expired.port,
    errorClass: 'tls_expired',
    message: /certificate has expired \(CERT_HAS_EXPIRED\)/,
  },
  {
    name: 'a certificate for another host is a hostname mismatch',
    server: () => servers.wrongHost.port,
    errorClass: 'tls_hostname_mismatch',
    message: /does not match the host name .*localhost.*wrong\.example/,
  },
  {
    name: 'a self-signed certificate is self-signed',
    server: () => servers.selfSigned.port,
    errorClass: 'tls_self_signed',
    message: /self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
  },
  {
    name: 'a certificate from an untrusted CA is a TLS error',
    server: () => servers.good.port,
    trustCa: false,
    errorClass: 'tls_error',
    message: /issuer is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/,
  },
  {
    name: 'a server that speaks no TLS is a TLS error',
    server: () => garbage.port,
    errorClass: 'tls_error',
    message: /TLS failed|connection reset/,
  },
  {
    name: 'a closed port is connection refused',
    server: () => refusedPort,
    errorClass: 'connection_refused',
    message: /ECONNREFUSED/,
  },
  {
    name: 'a server that never answers the handshake times out at the deadline',
    server: () => silent.port,
    errorClass: 'timeout',
    message: /timed out after \d+ ms in the TLS handshake with 127\.0\.0\.1:\d+/,
  },
];

describe('the tls probe', () => {
  it.each(cases)('$name', async (c) => {
    const ctx = c.trustCa === false ? deadline(500) : trusted(500);
    const { result, tookMs } = await timed(() => tlsProbe(tlsSettings(c.server(), c.settings), ctx));
    if (c.errorClass === undefined) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    else {
      expect(result).toMatchObject({ ok: false, errorClass: c.errorClass });
      if (!result.ok) expect(result.message).toMatch(c.message ?? /./);
    }
    expect(tookMs).toBeLessThan(800);
  });

  it('reports the leaf notAfter when the server presents the leaf alone', async () => {
    const result = await tlsProbe(tlsSettings(servers.good.port), trusted(1_000));
    expect(result.detail.certExpiresAtMs).toBe(notAfterMs(certs.good.cert));
  });

  it('reports the earliest notAfter of the presented chain (the intermediate expires before the leaf)', async () => {
    const result = await tlsProbe(tlsSettings(servers.viaIntermediate.port), trusted(1_000));
    expect(result).toMatchObject({ ok: true });
    expect(result.detail.certExpiresAtMs).toBe(notAfterMs(certs.intermediatePem));
    expect(notAfterMs(certs.intermediatePem)).toBeLessThan(notAfterMs(certs.viaIntermediate.cert));
  });

  it('names the certificate that expires first', async () => {
    const result = await tlsProbe(tlsSettings(servers.viaIntermediate.port, { minDaysLeft: 60 }), trusted(1_000));
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'tls_expiring',
      message: expect.stringMatching(/^certificate CN=intermediate expires in 29 days/),
    });
  });

  it('reports the expiry of a bad certificate too', async () => {
    const result = await tlsProbe(tlsSettings(servers.expired.port), trusted(1_000));
    expect(result.detail.certExpiresAtMs).toBe(notAfterMs(certs.expired.cert));
  });

  it('counts days left on the wall clock it is given', async () => {
    const expiresAt = notAfterMs(certs.good.cert);
    const ctx = deadline(1_000, { trustedCaPem: certs.caPem, nowMs: () => expiresAt - 10 * dayMs });
    const result = await tlsProbe(tlsSettings(servers.good.port), ctx);
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'tls_expiring',
      message: expect.stringMatching(/expires in 10 days/),
    });
  });

  it('checks the name in servername, not the address it connects to', async () => {
    const result = await tlsProbe(tlsSettings(servers.good.port, { servername: 'elsewhere.example' }), trusted(1_000));
    expect(result).toMatchObject({ ok: false, errorClass: 'tls_hostname_mismatch' });
  });
});

describe('the http probe over https', () => {
  const cases: { name: string; server: () => Running; tlsVerify?: boolean; errorClass?: string }[] = [
    { name: 'a good certificate is up', server: () => servers.good },
    {
      name: 'a self-signed certificate is self-signed',
      server: () => servers.selfSigned,
      errorClass: 'tls_self_signed',
    },
    {
      name: 'a self-signed certificate is up when verification is off',
      server: () => servers.selfSigned,
      tlsVerify: false,
    },
    { name: 'an expired certificate is expired', server: () => servers.expired, errorClass: 'tls_expired' },
    {
      name: 'a certificate for another host is a hostname mismatch',
      server: () => servers.wrongHost,
      errorClass: 'tls_hostname_mismatch',
    },
  ];

  it.each(cases)('$name', async (c) => {
    const settings = httpSettings(`https://localhost:${c.server().port}/`, {
      tlsVerify: c.tlsVerify ?? true,
      expect: { bodyContains: 'secure hello' },
    });
    const result = await httpProbe(settings, trusted(1_000));
    expect(result, JSON.stringify(result)).toMatchObject(
      c.errorClass ? { ok: false, errorClass: c.errorClass } : { ok: true },
    );
  });

  it('reports the certificate expiry of the final response', async () => {
    const result = await httpProbe(httpSettings(`https://localhost:${servers.good.port}/`), trusted(1_000));
    expect(result.detail).toEqual({ httpStatus: 200, certExpiresAtMs: notAfterMs(certs.good.cert) });
  });

  it('times out at the deadline when the handshake never completes', async () => {
    const { result, tookMs } = await timed(() =>
      httpProbe(httpSettings(`https://127.0.0.1:${silent.port}/`), trusted(500)),
    );
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'timeout',
      message: expect.stringMatching(/in the TLS handshake/),
    });
    expect(tookMs).toBeLessThan(800);
  });
});
