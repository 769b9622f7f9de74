// The password policy (SPEC §6, configurable under security.password): a minimum length, no
// common password (the 49,000-word list of @zxcvbn-ts/language-common, case-insensitive, also
// with the username removed), none of the account's last N passwords, and a maximum age.
import { dictionary } from '@zxcvbn-ts/language-common';
import type { SecurityConfig } from '../config/security-schema.ts';
import { verifyPassword } from './passwords.ts';

export type PasswordPolicy = SecurityConfig['password'];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Every way the password breaks the policy (empty: it is acceptable). */
export async function checkPassword(
  policy: PasswordPolicy,
  password: string,
  context: { username: string; previousHashes: readonly string[] },
): Promise<string[]> {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`must be at least ${policy.minLength} characters (it has ${length})`);
  if (length > 1024) problems.push('must be at most 1024 characters');
  if (policy.rejectCommon && isCommon(password, context.username)) problems.push('is a commonly used password');
  if (context.username && password.toLowerCase() === context.username.toLowerCase())
    problems.push('must not be the username');
  for (const hash of context.previousHashes.slice(0, policy.history)) {
    if (await verifyPassword(hash, password)) {
      problems.push(`must not be one of the last ${policy.history} passwords`);
      break;
    }
  }
  return problems;
}

function isCommon(password: string, username: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  // "alice2024!" for alice is as guessable as "2024!".
  const withoutName = username.length >= 3 ? lower.split(username.toLowerCase()).join('') : lower;
  // A common word with a few digits or symbols around it ("password123!") is still common.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return list.has(withoutName) || (core.length >= 4 && list.has(core) && lower.length - core.length <= 6);
}

/** Whether a password changed at changedMs has outlived max_age at nowMs (max_age 0: never). */
export function isPasswordExpired(policy: PasswordPolicy, changedMs: number, nowMs: number): boolean {
  return policy.maxAgeMs > 0 && nowMs - changedMs >= policy.maxAgeMs;
}
