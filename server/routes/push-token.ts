// Finding a push monitor by the secret token in its URL without a timing side channel: both
// tokens are hashed to equal-length digests and compared with timingSafeEqual, and every
// monitor is compared, so neither the position of a match nor a shared prefix shows in the time.
import crypto from 'node:crypto';

const digest = (token: string): Buffer => crypto.createHash('sha256').update(token, 'utf8').digest();

/** The candidate whose token equals `presented`, or null. Tokens are unique (the config checks). */
export function findByToken<T extends { token: string }>(candidates: readonly T[], presented: string): T | null {
  const wanted = digest(presented);
  let found: T | null = null;
  for (const candidate of candidates) {
    // No early exit: the loop costs the same wherever (and whether) the match is.
    const equal = crypto.timingSafeEqual(digest(candidate.token), wanted);
    if (equal && found === null) found = candidate;
  }
  return found;
}
