// The registry and the runner the scheduler calls: every probed type has its probe, the runner
// never throws and always settles by the deadline (plus a grace), and no probe rejects on a
// hostile target of its kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunProbe, probes, runProbe, type ProbedSettings } from '../../../jobs/probes/index.ts';
import type { ProbeRegistry, ProbeResult } from '../../../jobs/probes/probe.ts';
import { monitorTypes } from '../../../sla/model.ts';
import { startHostileTargets, type HostileTargets } from './hostile-http.ts';
import { closeAll, closedPort, deadline, httpSettings, startRawServer, timed, type Running } from './servers.ts';
import { startDnsServer, type DnsServer } from './dns-server.ts';

let hostile: HostileTargets;
let silent: Running;
let refusedPort: number;
let dnsServer: DnsServer;

beforeAll(async () => {
  hostile = await startHostileTargets();
  silent = await startRawServer(() => {});
  refusedPort = await closedPort();
  dnsServer = await startDnsServer({ 'gone.test': 'NXDOMAIN', 'silent.test': 'DROP' });
});
afterAll(async () => {
  await closeAll();
  await dnsServer.close();
});

describe('the probe registry', () => {
  it('has a probe for every monitor type but push', () => {
    expect(Object.keys(probes).sort()).toEqual(monitorTypes.filter((t) => t !== 'push').sort());
  });
});

describe('runProbe', () => {
  const resolver = () => ({ host: '127.0.0.1', port: dnsServer.port });
  const hostileSettings: [string, () => ProbedSettings][] = [
    ['http to a slowloris', () => httpSettings(`${hostile.trickledHeaders.url}/`)],
    ['http to a gzip bomb', () => httpSettings(`${hostile.gzipBomb.url}/`, { expect: { bodyRegex: 'healthy' } })],
    ['http to a reset', () => httpSettings(`${hostile.resetMidBody.url}/`)],
    ['tcp to a closed port', () => ({ type: 'tcp', host: '127.0.0.1', port: refusedPort, timeoutMs: 600 })],
    [
      'dns for a name that does not exist',
      () => ({ type: 'dns', name: 'gone.test', recordType: 'A', expected: null, resolver: resolver(), timeoutMs: 600 }),
    ],
    [
      'dns from a resolver that never answers',
      () => ({
        type: 'dns',
        name: 'silent.test',
        recordType: 'TXT',
        expected: ['x'],
        resolver: resolver(),
        timeoutMs: 600,
      }),
    ],
    [
      'tls to a server that never shakes hands',
      () => ({
        type: 'tls',
        host: '127.0.0.1',
        port: silent.port,
        servername: 'localhost',
        minDaysLeft: 14,
        timeoutMs: 600,
      }),
    ],
    [
      'prometheus that never answers',
      () => ({ type: 'prometheus', url: hostile.trickledHeaders.url, query: 'up', timeoutMs: 600 }),
    ],
  ];

  // All at once: the runner must settle each by its own deadline however many run together.
  it('answers down for every hostile target, by the deadline, without throwing', async () => {
    const runs = hostileSettings.map(async ([name, settings]) => ({
      name,
      ...(await timed(() => runProbe(settings(), deadline(600)))),
    }));
    for (const { name, result, tookMs } of await Promise.all(runs)) {
      expect(result.ok, name).toBe(false);
      expect(tookMs, name).toBeLessThan(900);
    }
  });

  it('has probes that resolve rather than reject on every hostile target', async () => {
    const runs = hostileSettings.map(([, settings]) => {
      const s = settings();
      const probe = probes[s.type] as (
        settings: ProbedSettings,
        ctx: ReturnType<typeof deadline>,
      ) => Promise<ProbeResult>;
      return probe(s, deadline(600));
    });
    for (const result of await Promise.all(runs)) expect(result).toMatchObject({ ok: false });
  });

  it('turns a probe that throws into a network_error result', async () => {
    const result = await runProbe(httpSettings('not a url'), deadline(600));
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'network_error',
      message: expect.stringMatching(/^the http probe failed unexpectedly: Invalid URL/),
    });
  });

  it('answers timeout for a probe that ignores the deadline', async () => {
    const never = () => new Promise<ProbeResult>(() => {});
    const registry = { ...probes, tcp: never } satisfies ProbeRegistry;
    const run = createRunProbe(registry, { abortGraceMs: 50 });
    const { result, tookMs } = await timed(() =>
      run({ type: 'tcp', host: '127.0.0.1', port: 1, timeoutMs: 200 }, deadline(200)),
    );
    expect(result).toMatchObject({
      ok: false,
      errorClass: 'timeout',
      message: expect.stringMatching(/did not stop at the deadline/),
    });
    expect(tookMs).toBeGreaterThanOrEqual(240);
    expect(tookMs).toBeLessThan(500);
  });
});
