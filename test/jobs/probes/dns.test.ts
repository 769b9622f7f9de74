// The dns probe against a loopback DNS server (dns-server.ts): answers, expected values with case
// and trailing dots normalised, NXDOMAIN, an empty answer, SERVFAIL, and a server that never answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerForms, missingExpected, normaliseDnsValue } from '../../../jobs/probes/dns-answers.ts';
import { dnsProbe } from '../../../jobs/probes/dns.ts';
import type { DnsMonitorSettings } from '../../../jobs/probes/probe-settings.ts';
import { closedPort, deadline, timed } from './servers.ts';
import { startDnsServer, type DnsServer } from './dns-server.ts';

let server: DnsServer;
let deafPort: number;

beforeAll(async () => {
  server = await startDnsServer({
    'www.example.test': [
      { type: 'A', address: '192.0.2.10' },
      { type: 'A', address: '192.0.2.11' },
    ],
    'example.test': [
      { type: 'MX', priority: 10, exchange: 'MX1.Example.Test' },
      { type: 'TXT', text: 'v=spf1 -all' },
    ],
    'gone.example.test': 'NXDOMAIN',
    'broken.example.test': 'SERVFAIL',
    'silent.example.test': 'DROP',
  });
  deafPort = await closedPort(); // nothing listens: c-ares sees ECONNREFUSED or waits
});
afterAll(() => server.close());

const dns = (
  name: string,
  recordType: DnsMonitorSettings['recordType'],
  expected: string[] | null = null,
): DnsMonitorSettings => ({
  type: 'dns',
  name,
  recordType,
  expected,
  resolver: { host: '127.0.0.1', port: server.port },
  timeoutMs: 1_000,
});

const cases: { name: string; settings: () => DnsMonitorSettings; errorClass?: string; message?: RegExp }[] = [
  { name: 'a name with A records is up', settings: () => dns('www.example.test', 'A') },
  { name: 'an expected address among the answers is up', settings: () => dns('www.example.test', 'A', ['192.0.2.11']) },
  {
    name: 'every expected address among the answers is up',
    settings: () => dns('www.example.test', 'A', ['192.0.2.10', '192.0.2.11']),
  },
  {
    name: 'an expected address missing from the answers is down',
    settings: () => dns('www.example.test', 'A', ['192.0.2.10', '192.0.2.99']),
    errorClass: 'dns_answer',
    message: /A www\.example\.test answered \[192\.0\.2\.10, 192\.0\.2\.11\], missing 192\.0\.2\.99/,
  },
  {
    name: 'an MX target matches whatever its case and trailing dot',
    settings: () => dns('example.test', 'MX', ['mx1.example.test.']),
  },
  { name: 'an MX matches with its priority too', settings: () => dns('example.test', 'MX', ['10 MX1.EXAMPLE.TEST']) },
  { name: 'a TXT record matches its text', settings: () => dns('example.test', 'TXT', ['v=spf1 -all']) },
  {
    name: 'a name that does not exist is NXDOMAIN',
    settings: () => dns('gone.example.test', 'A'),
    errorClass: 'dns_nxdomain',
    message: /gone\.example\.test does not exist \(NXDOMAIN from 127\.0\.0\.1:\d+\)/,
  },
  {
    name: 'a name without records of the type is an empty answer',
    settings: () => dns('www.example.test', 'MX'),
    errorClass: 'dns_answer',
    message: /no MX records for www\.example\.test \(the name exists; asked 127\.0\.0\.1:\d+\)/,
  },
  {
    name: 'a SERVFAIL is a DNS error',
    settings: () => dns('broken.example.test', 'A'),
    errorClass: 'dns_error',
    message: /ESERVFAIL for A broken\.example\.test from 127\.0\.0\.1:\d+/,
  },
];

describe('the dns probe', () => {
  it.each(cases)('$name', async (c) => {
    const result = await dnsProbe(c.settings(), deadline(1_000));
    if (c.errorClass === undefined)
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    else {
      expect(result).toMatchObject({ ok: false, errorClass: c.errorClass });
      if (!result.ok) expect(result.message).toMatch(c.message ?? /./);
    }
  });

  it('times out at the deadline when the resolver never answers', async () => {
    const { result, tookMs } = await timed(() => dnsProbe(dns('silent.example.test', 'A'), deadline(800)));
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'timeout',
      message: expect.stringMatching(
        /timed out after \d+ ms waiting for A silent\.example\.test from 127\.0\.0\.1:\d+/,
      ),
    });
    expect(tookMs).toBeGreaterThanOrEqual(780);
    expect(tookMs).toBeLessThan(1_100);
  });

  it('fails within the deadline when nothing listens at the resolver address', async () => {
    const settings = { ...dns('www.example.test', 'A'), resolver: { host: '127.0.0.1', port: deafPort } };
    const { result, tookMs } = await timed(() => dnsProbe(settings, deadline(800)));
    expect(result).toMatchObject({ ok: false });
    expect(['timeout', 'dns_error']).toContain(result.ok ? 'ok' : result.errorClass);
    expect(tookMs).toBeLessThan(1_100);
  });

  it('asks the configured resolver', async () => {
    const before = server.queries.length;
    await dnsProbe(dns('www.example.test', 'A'), deadline(1_000));
    expect(server.queries.slice(before)).toContain('1 www.example.test');
  });
});

describe('answers compared with expected values', () => {
  it.each([
    ['an IPv6 address matches however it is spelled', 'AAAA', ['2001:db8::1'], ['2001:DB8:0:0:0:0:0:1'], []],
    [
      'a CAA record matches by its value',
      'CAA',
      [{ critical: 0, issue: 'letsencrypt.org' }],
      ['letsencrypt.org', '0 issue "letsencrypt.org"'],
      [],
    ],
    [
      'an SRV record matches by its target',
      'SRV',
      [{ priority: 0, weight: 5, port: 5060, name: 'sip.example.test' }],
      ['sip.example.test.', '0 5 5060 sip.example.test'],
      [],
    ],
    [
      'a name differing by more than case does not match',
      'CNAME',
      ['a.example.test'],
      ['b.example.test'],
      ['b.example.test'],
    ],
  ] as const)('%s', (_name, type, answer, expected, missing) => {
    expect(missingExpected(expected, answerForms(type, answer as never))).toEqual(missing);
  });

  it('normalises case, trailing dots and spacing', () => {
    expect(normaliseDnsValue('  10   MX1.Example.Test. ')).toBe('10 mx1.example.test');
  });
});
