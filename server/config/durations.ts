// Durations as the config writes them (SPEC §5): `30s`, `42m`, `4h`, `7d`, compounds such as
// `1d12h` or `1m30s`, `500ms`, and plain numbers of seconds (`30`, `0.5`). Everything becomes
// whole milliseconds, the engine's unit.

import { describeValue } from './describe-value.ts';

const unitMs = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
} as const;

/** Units largest first; a compound lists each unit at most once, in this order (`1d12h`, not `12h1d`). */
const unitOrder = ['w', 'd', 'h', 'm', 's', 'ms'] as const;

const compoundPattern = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const secondsPattern = /^(\d+)(?:\.(\d{1,3}))?$/;

/** The message every invalid duration gets, so the user always sees the accepted forms. */
export function invalidDurationMessage(input: unknown): string {
  return `invalid duration ${describeValue(input)} (use 30s, 42m, 4h, 7d)`;
}

/**
 * Milliseconds of a duration, or null when `input` is not one. Plain numbers (and numeric
 * strings, which is what `${ENV}` substitution yields) are seconds, exact to the millisecond.
 */
export function parseDurationMs(input: string | number): number | null {
  const text = typeof input === 'number' ? numberToPlainText(input) : input.trim();
  if (text === null || text === '') return null;
  const ms = secondsPattern.test(text) ? parseSecondsMs(text) : parseCompoundMs(text);
  return ms !== null && Number.isSafeInteger(ms) ? ms : null;
}

/** A duration in the config's own syntax, shortest form (`93_600_000` → `1d2h`): for messages and written configs. */
export function formatConfigDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const unit of unitOrder) {
    if (unit === 'w') continue; // `14d` reads better than `2w` in messages
    const count = Math.floor(rest / unitMs[unit]);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * unitMs[unit];
  }
  return text;
}

function parseSecondsMs(text: string): number | null {
  const match = secondsPattern.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(3, '0');
  return whole * 1000 + Number(fraction);
}

function parseCompoundMs(text: string): number | null {
  const match = compoundPattern.exec(text);
  if (!match) return null;
  let ms = 0;
  unitOrder.forEach((unit, index) => {
    const count = match[index + 1];
    if (count !== undefined) ms += Number(count) * unitMs[unit];
  });
  return ms;
}

/** A YAML number as decimal text (`1.005` stays `1.005`), or null for negatives and exponents. */
function numberToPlainText(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}
