// TOTP two-factor sign-in (RFC 6238 via otpauth): 30 s steps, 6 digits, SHA-1 (what every
// authenticator app reads from an otpauth:// URI), a code accepted one step early or late for
// clock drift, and each time step good once (a replayed code is refused). The clock is passed in.
import { Secret, TOTP } from 'otpauth';

export const totpIssuer = 'slawatch';
const periodSeconds = 30;

function totpOf(secretBase32: string, label = 'slawatch'): TOTP {
  return new TOTP({
    issuer: totpIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: periodSeconds,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random 160-bit secret, base32 (RFC 4226's recommended length). */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (shown as a QR code). */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The code for nowMs (tests and the CLI's own checks). */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: nowMs });
}

/**
 * The time step the code belongs to when it is valid at nowMs and newer than lastStep; else
 * null. The caller stores the step as the account's last, so the same code cannot be used twice.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(nowMs / 1000 / periodSeconds) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
