// Percentages as the config writes them (SPEC §5): `99.99%` (a space before `%` is allowed, as
// the check sheet writes "99.99 %"), or a plain ratio `0.9999`. Both become a ratio in [0, 1].

import { describeValue } from './describe-value.ts';

const percentPattern = /^(\d{1,3})(?:\.(\d{1,10}))?\s*%$/;
const ratioPattern = /^\d+(?:\.\d+)?$/;

export function invalidPercentageMessage(input: unknown): string {
  return `invalid percentage ${describeValue(input)} (use 99.99% or a ratio from 0 to 1)`;
}

/**
 * The ratio of a percentage, or null when `input` is not one in [0 %, 100 %].
 *
 * `99.99%` is read as the integer 9999 over 10^4, one correctly rounded division, so it equals
 * the float literal 0.9999 exactly (99.99 / 100 would give 0.9998999999999999, and a claim of
 * 99.99 % would then be breached by a figure of exactly 99.99 %).
 */
export function parsePercentage(input: string | number): number | null {
  if (typeof input === 'number') return ratioOrNull(input);
  const text = input.trim();
  const match = percentPattern.exec(text);
  if (match) {
    const fraction = match[2] ?? '';
    const ratio = Number(`${match[1]}${fraction}`) / 10 ** (fraction.length + 2);
    return ratioOrNull(ratio);
  }
  return ratioPattern.test(text) ? ratioOrNull(Number(text)) : null;
}

function ratioOrNull(value: number): number | null {
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}
