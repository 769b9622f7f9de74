// The certificate facts a probe reports (SPEC §1: a tls monitor checks "certificate validity and
// days to expiry"): the earliest notAfter in the chain the server presented, since the chain is
// only as valid as its first certificate to expire, and what to trust besides the system store.
import { rootCertificates, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';

const dayMs = 86_400_000;

/** Earliest notAfter (epoch ms) over the presented chain, or undefined when there is no certificate. */
export function earliestNotAfterMs(socket: TLSSocket): number | undefined {
  let earliest: number | undefined;
  for (const cert of presentedChain(socket)) {
    const notAfterMs = Date.parse(cert.valid_to);
    if (Number.isFinite(notAfterMs) && (earliest === undefined || notAfterMs < earliest)) earliest = notAfterMs;
  }
  return earliest;
}

/** The leaf, then each issuer Node linked; a self-issued root links to itself and ends the walk. */
function presentedChain(socket: TLSSocket): DetailedPeerCertificate[] {
  const chain: DetailedPeerCertificate[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
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
