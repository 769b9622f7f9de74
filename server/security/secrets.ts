// Random credentials and their stored form. Session ids, API tokens and recovery codes are 128+
// random bits, so a SHA-256 digest is a safe stored form (no slow hash needed: nothing to guess);
// comparisons of what a client sends are lookups by digest, never string compares of secrets.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const apiTokenPrefix = 'swt_';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function createApiTokenValue(): string {
  return `${apiTokenPrefix}${randomToken(32)}`;
}

const codeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

/** Ten one-time recovery codes like `k7m2p-x9qr4` (50 bits each). */
export function createRecoveryCodes(count = 10): string[] {
  const code = () => Array.from({ length: 10 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  return Array.from({ length: count }, () => {
    const c = code();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** A typed recovery code's stored form: case, spaces and the dash do not matter. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(code.toLowerCase().replace(/[\s-]+/g, ''));
}

/** Constant-time equality of two secrets (compared as digests, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
