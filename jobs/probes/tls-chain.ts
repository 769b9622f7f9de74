// The certificate facts a probe reports (SPEC §1: a tls monitor checks "certificate validity and
// days to expiry"): the earliest notAfter in the chain, since a chain is only as valid as its first
// certificate to expire, and what to trust besides the system store.
import { rootCertificates, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';

const dayMs = 86_400_000;

export interface Expiry {
  notAfterMs: number;
  /** The subject's CN (or the whole subject), to name the certificate in a message. */
  subject: string;
}

/** The certificate of the chain that expires first, or undefined when there is no certificate. */
export function earliestExpiry(socket: TLSSocket): Expiry | undefined {
  let earliest: Expiry | undefined;
  for (const cert of peerChain(socket)) {
    const notAfterMs = Date.parse(cert.valid_to);
    if (Number.isFinite(notAfterMs) && (earliest === undefined || notAfterMs < earliest.notAfterMs)) {
      earliest = { notAfterMs, subject: subjectName(cert) };
    }
  }
  return earliest;
}

function subjectName(cert: DetailedPeerCertificate): string {
  const cn = cert.subject?.CN;
  if (cn) return `CN=${Array.isArray(cn) ? cn.join(',') : cn}`;
  return (
    Object.entries(cert.subject ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(', ') || 'without subject'
  );
}

/**
 * The leaf, then each issuer Node linked: the certificates the server presented and, at the end,
 * the trust anchor Node found for them (an expiring root breaks clients too, as DST Root CA X3 did
 * in 2021). A self-issued root links to itself and ends the walk.
 */
function peerChain(socket: TLSSocket): DetailedPeerCertificate[] {
  const chain: DetailedPeerCertificate[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** Whole days left until notAfter, rounded down; negative once expired. */
export function daysLeft(notAfterMs: number, nowMs: number): number {
  return Math.floor((notAfterMs - nowMs) / dayMs);
}

/** The CA list for a TLS connection: undefined (Node's default, the system store) or it plus the extra CA. */
export function trustedCas(extraCaPem: string | undefined): string[] | undefined {
  return extraCaPem ? [...rootCertificates, extraCaPem] : undefined;
}
