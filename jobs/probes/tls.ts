// The tls probe (SPEC §1 "Monitor": certificate validity and days to expiry). It completes a
// handshake with SNI `servername`, then judges what it saw, in this order: the chain (expired,
// self-signed, otherwise untrusted), the host name, and the days left before the earliest notAfter
// in the chain (tls-chain.ts; `tls_expiring` under minDaysLeft). The handshake itself accepts any
// certificate so the probe can report the expiry date of a bad chain too; the verdict is the same
// one a verifying client would reach. Latency is the time to the end of the handshake.
import { isIP } from 'node:net';
import { checkServerIdentity, connect, type TLSSocket } from 'node:tls';
import type { Probe, ProbeResult } from './probe.ts';
import type { TlsMonitorSettings } from './probe-settings.ts';
import { classifyError, probeDown, probeUp, timedOut, whenAborted, type ProbeFailure } from './probe-outcome.ts';
import { daysLeft, earliestExpiry, trustedCas, type Expiry } from './tls-chain.ts';

export const tlsProbe = ((settings, ctx) =>
  new Promise<ProbeResult>((resolve) => {
    const startedMs = ctx.monotonicMs();
    const target = `${settings.host}:${settings.port}`;
    let doing = `while connecting to ${target}`;
    const socket = connect({
      host: settings.host,
      port: settings.port,
      // SNI carries names only (RFC 6066)
      servername: isIP(settings.servername) === 0 ? settings.servername : undefined,
      ca: trustedCas(ctx.trustedCaPem),
      rejectUnauthorized: false,
    });
    const finish = (result: ProbeResult) => {
      unsubscribe();
      socket.destroy();
      resolve(result);
    };
    const unsubscribe = whenAborted(ctx.signal, () =>
      finish(probeDown(timedOut(doing, ctx.monotonicMs() - startedMs))),
    );
    socket.once('connect', () => (doing = `in the TLS handshake with ${target}`));
    socket.once('secureConnect', () => {
      const latencyMs = ctx.monotonicMs() - startedMs;
      finish(judge(settings, socket, latencyMs, (ctx.nowMs ?? Date.now)()));
    });
    // on, not once: a late second error must not crash
    socket.on('error', (error) => finish(probeDown(classifyError(error))));
  })) satisfies Probe<'tls'>;

function judge(settings: TlsMonitorSettings, socket: TLSSocket, latencyMs: number, nowMs: number): ProbeResult {
  const expiry = earliestExpiry(socket);
  const detail = expiry === undefined ? {} : { certExpiresAtMs: expiry.notAfterMs };
  const failure =
    chainFailure(socket) ?? hostnameFailure(settings.servername, socket) ?? expiryFailure(settings, expiry, nowMs);
  return failure ? probeDown(failure, latencyMs, detail) : probeUp(latencyMs, detail);
}

function chainFailure(socket: TLSSocket): ProbeFailure | null {
  if (socket.authorized) return null;
  const reason = socket.authorizationError;
  // Node types authorizationError as an Error; at runtime it is OpenSSL's code with a message.
  const code =
    typeof reason === 'string' ? reason : ((reason as { code?: string } | undefined)?.code ?? String(reason));
  // Node reports a name mismatch here too, by its code alone; hostnameFailure says which names.
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return null;
  return classifyError(Object.assign(new Error(String(reason)), { code }));
}

function hostnameFailure(servername: string, socket: TLSSocket): ProbeFailure | null {
  const error = checkServerIdentity(servername, socket.getPeerCertificate());
  return error ? classifyError(error) : null;
}

function expiryFailure(settings: TlsMonitorSettings, expiry: Expiry | undefined, nowMs: number): ProbeFailure | null {
  if (expiry === undefined) return { errorClass: 'tls_error', message: 'the server presented no certificate' };
  const left = daysLeft(expiry.notAfterMs, nowMs);
  if (left >= settings.minDaysLeft) return null;
  const on = new Date(expiry.notAfterMs).toISOString();
  const message = `certificate ${expiry.subject} expires in ${left} days (${on}), fewer than ${settings.minDaysLeft}`;
  return { errorClass: 'tls_expiring', message };
}
