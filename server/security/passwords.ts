// Password hashing (SPEC §6): argon2id with the argon2 package's defaults (64 MiB, 3 passes,
// 4 lanes — above OWASP's minimum), salted per hash; the PHC string carries the parameters, so
// raising them later still verifies old hashes.
import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** false for a wrong password and for a malformed hash alike. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash no password matches, verified against when the username is unknown, so a sign-in for a
 * missing account takes as long as one with a wrong password (no user enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
