// What every probe says at the end: up with a latency, or down with an error class and a message a
// person can act on (SPEC §1 "Check": detail carries the error class and message). Node's socket,
// DNS and TLS errors are sorted into the classes here once, so http, tcp, tls and prometheus name
// the same failure the same way.
import type { ProbeDetail, ProbeErrorClass, ProbeResult } from './probe.ts';

export interface ProbeFailure {
  errorClass: ProbeErrorClass;
  message: string;
}

export function probeUp(latencyMs: number, detail: ProbeDetail = {}): ProbeResult {
  return { ok: true, latencyMs, detail };
}

export function probeDown(
  failure: ProbeFailure,
  latencyMs: number | null = null,
  detail: ProbeDetail = {},
): ProbeResult {
  return { ok: false, latencyMs, errorClass: failure.errorClass, message: failure.message, detail };
}

/** The deadline passed: `doing` says what the probe was waiting for ("waiting for response headers"). */
export function timedOut(doing: string, elapsedMs: number): ProbeFailure {
  return { errorClass: 'timeout', message: `timed out after ${Math.round(elapsedMs)} ms ${doing}` };
}

/** Calls `onAbort` once when the signal aborts (at once if it already has); returns the unsubscribe. */
export function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  if (signal.aborted) {
    queueMicrotask(onAbort);
    return () => {};
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

const byCode: Record<string, { errorClass: ProbeErrorClass; what: string }> = {
  ECONNREFUSED: { errorClass: 'connection_refused', what: 'connection refused' },
  ECONNRESET: { errorClass: 'connection_reset', what: 'connection reset' },
  EPIPE: { errorClass: 'connection_reset', what: 'connection closed while sending' },
  ENOTFOUND: { errorClass: 'dns_nxdomain', what: 'host not found' },
  EAI_AGAIN: { errorClass: 'dns_error', what: 'name lookup failed temporarily' },
  EAI_FAIL: { errorClass: 'dns_error', what: 'name lookup failed' },
  ENODATA: { errorClass: 'dns_error', what: 'host has no address' },
  ETIMEDOUT: { errorClass: 'timeout', what: 'connection timed out' },
  EHOSTUNREACH: { errorClass: 'network_error', what: 'host unreachable' },
  ENETUNREACH: { errorClass: 'network_error', what: 'network unreachable' },
  // OpenSSL's verdicts on the presented chain (X509_V_ERR_*), and Node's hostname check.
  CERT_HAS_EXPIRED: { errorClass: 'tls_expired', what: 'certificate has expired' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { errorClass: 'tls_self_signed', what: 'self-signed certificate' },
  SELF_SIGNED_CERT_IN_CHAIN: { errorClass: 'tls_self_signed', what: 'self-signed certificate in the chain' },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    errorClass: 'tls_hostname_mismatch',
    what: 'certificate does not match the host name',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { errorClass: 'tls_error', what: 'certificate issuer is not trusted' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { errorClass: 'tls_error', what: 'certificate issuer is not trusted' },
  CERT_NOT_YET_VALID: { errorClass: 'tls_error', what: 'certificate is not yet valid' },
  CERT_REVOKED: { errorClass: 'tls_error', what: 'certificate revoked' },
};

/** Sorts an error from a socket, a name lookup or a TLS handshake into its class. */
export function classifyError(error: unknown): ProbeFailure {
  const cause = firstCause(error);
  const code = typeof cause.code === 'string' ? cause.code : '';
  const text = cause.message || String(error);
  const known = byCode[code];
  if (known) return { errorClass: known.errorClass, message: `${known.what} (${text})` };
  if (code.startsWith('HPE_') || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
    return { errorClass: 'http_protocol', message: `malformed HTTP response (${code}: ${text})` };
  }
  if (/^ERR_(SSL|TLS)_|^ERR_OSSL|CERT|_SSL_/.test(code) || /ssl|tls/i.test(code)) {
    return { errorClass: 'tls_error', message: `TLS failed (${code}: ${text})` };
  }
  return { errorClass: 'network_error', message: code ? `${code}: ${text}` : text };
}

/** Happy eyeballs fails with an AggregateError of one error per address; the first says why. */
function firstCause(error: unknown): { code?: unknown; message: string } {
  if (error instanceof AggregateError && error.errors.length > 0) return firstCause(error.errors[0]);
  if (error instanceof Error) return error as Error & { code?: unknown };
  return { message: String(error) };
}

/** Always a message, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
