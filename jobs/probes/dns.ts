// The dns probe (SPEC §1 "Monitor"): asks for `name`'s `recordType` records, from the configured
// resolver or the system's, and is up when the answer is not empty and holds every expected value
// (dns-answers.ts). NXDOMAIN is `dns_nxdomain`; an empty answer or a missing value `dns_answer`;
// any other resolver error `dns_error`; no answer by the deadline `timeout`. Each probe has its own
// c-ares channel, so cancelling it at the deadline cancels only this probe's query.
import { Resolver, lookup } from 'node:dns';
import { isIP } from 'node:net';
import type { Probe, ProbeResult } from './probe.ts';
import type { DnsMonitorSettings } from './probe-settings.ts';
import { answerForms, describeAnswers, missingExpected, type DnsAnswer } from './dns-answers.ts';
import {
  classifyError,
  errorText,
  probeDown,
  probeUp,
  timedOut,
  whenAborted,
  type ProbeFailure,
} from './probe-outcome.ts';

type Resolved = { ok: true; answer: DnsAnswer } | { ok: false; failure: ProbeFailure };

export const dnsProbe = (async (settings, ctx) => {
  const startedMs = ctx.monotonicMs();
  const elapsedMs = () => ctx.monotonicMs() - startedMs;
  const server = settings.resolver ? await resolverAddress(settings.resolver, ctx.signal, elapsedMs) : null;
  if (server !== null && !server.ok) return probeDown(server.failure);
  const resolved = await query(settings, server?.address ?? null, ctx.signal, elapsedMs);
  if (!resolved.ok) return probeDown(resolved.failure);
  return judge(settings, resolved.answer, elapsedMs());
}) satisfies Probe<'dns'>;

function judge(settings: DnsMonitorSettings, answer: DnsAnswer, latencyMs: number): ProbeResult {
  const forms = answerForms(settings.recordType, answer);
  const question = `${settings.recordType} ${settings.name}`;
  if (forms.length === 0) return probeDown({ errorClass: 'dns_answer', message: `no ${question} records` }, latencyMs);
  const missing = missingExpected(settings.expected ?? [], forms);
  if (missing.length === 0) return probeUp(latencyMs);
  const message = `${question} answered ${describeAnswers(forms)}, missing ${missing.join(', ')}`;
  return probeDown({ errorClass: 'dns_answer', message }, latencyMs);
}

/** c-ares wants an IP address and port ("[v6]:port" for IPv6); a resolver given by name is looked up first. */
async function resolverAddress(
  resolver: NonNullable<DnsMonitorSettings['resolver']>,
  signal: AbortSignal,
  elapsedMs: () => number,
): Promise<{ ok: true; address: string } | { ok: false; failure: ProbeFailure }> {
  const withPort = (ip: string) => (isIP(ip) === 6 ? `[${ip}]:${resolver.port}` : `${ip}:${resolver.port}`);
  if (isIP(resolver.host) !== 0) return { ok: true, address: withPort(resolver.host) };
  return new Promise((resolve) => {
    const doing = `while looking up the resolver ${resolver.host}`;
    const unsubscribe = whenAborted(signal, () => resolve({ ok: false, failure: timedOut(doing, elapsedMs()) }));
    lookup(resolver.host, (error, address) => {
      unsubscribe();
      if (error) {
        const failure = classifyError(error);
        resolve({
          ok: false,
          failure: { errorClass: 'dns_error', message: `resolver ${resolver.host}: ${failure.message}` },
        });
      } else resolve({ ok: true, address: withPort(address) });
    });
  });
}

interface Question {
  name: string;
  recordType: string;
  /** The resolver asked, for messages. */
  at: string;
}

function query(
  settings: DnsMonitorSettings,
  server: string | null,
  signal: AbortSignal,
  elapsedMs: () => number,
): Promise<Resolved> {
  // c-ares retries once on its own inside the deadline; the signal is the hard stop.
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(settings.timeoutMs / 2)), tries: 2 });
  if (server !== null) resolver.setServers([server]);
  const question = { name: settings.name, recordType: settings.recordType, at: server ?? 'the system resolver' };
  return new Promise((resolve) => {
    const unsubscribe = whenAborted(signal, () => {
      resolve({ ok: false, failure: timedOut(waiting(question), elapsedMs()) });
      resolver.cancel();
    });
    resolver.resolve(settings.name, settings.recordType, (error: NodeJS.ErrnoException | null, answer: DnsAnswer) => {
      unsubscribe();
      resolve(error ? { ok: false, failure: resolverFailure(error, question, elapsedMs) } : { ok: true, answer });
    });
  });
}

const waiting = (q: Question) => `waiting for ${q.recordType} ${q.name} from ${q.at}`;

function resolverFailure(error: NodeJS.ErrnoException, q: Question, elapsedMs: () => number): ProbeFailure {
  switch (error.code) {
    case 'ENOTFOUND':
      return { errorClass: 'dns_nxdomain', message: `${q.name} does not exist (NXDOMAIN from ${q.at})` };
    case 'ENODATA':
      return {
        errorClass: 'dns_answer',
        message: `no ${q.recordType} records for ${q.name} (the name exists; asked ${q.at})`,
      };
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return timedOut(waiting(q), elapsedMs());
    default:
      return {
        errorClass: 'dns_error',
        message: `${error.code ?? 'error'} for ${q.recordType} ${q.name} from ${q.at}: ${errorText(error)}`,
      };
  }
}
