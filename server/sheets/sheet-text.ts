// Reading figures out of a check sheet's free text, in Japanese and English: full-width digits
// and signs (NFKC), number words ("one week"), compound durations ("1時間30分", "1 hour 30
// minutes", "1h30m"). Every match keeps its span in the ORIGINAL text, so an export can write the
// measured figure exactly where the claimed one stood and leave the rest of the answer as it was.

export interface Normalized {
  /** NFKC, character by character (full-width digits → ASCII, ％ → %, ： → :). */
  text: string;
  /** offsets[i] = index in the original of normalized index i; offsets[text.length] = original length. */
  offsets: number[];
}

export function normalizeText(original: string): Normalized {
  let text = '';
  const offsets: number[] = [];
  let index = 0;
  for (const ch of original) {
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) offsets.push(index);
    text += n;
    index += ch.length;
  }
  offsets.push(index);
  return { text, offsets };
}

/** A span of the original text. */
export interface Span {
  start: number;
  end: number;
}

export function originalSpan(n: Normalized, start: number, end: number): Span {
  return { start: n.offsets[start]!, end: n.offsets[end]! };
}

const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'twenty-four': 24,
  'forty-eight': 48,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const numberWordPattern = Object.keys(numberWords)
  .sort((a, b) => b.length - a.length)
  .join('|');

export function parseNumberWord(word: string): number | null {
  const n = Number(word);
  if (word.trim() !== '' && Number.isFinite(n)) return n;
  return numberWords[word.toLowerCase()] ?? null;
}

// Units largest first; the ms of each. 「週間」 before 「週」, 「時間」 before 「時」.
const durationUnits: Array<[RegExp, number]> = [
  [/^(?:週間|週|weeks?|wks?|w)$/i, 7 * 86_400_000],
  [/^(?:日間|日|days?|d)$/i, 86_400_000],
  [/^(?:時間|hours?|hrs?|h)$/i, 3_600_000],
  [/^(?:分間|分|minutes?|mins?|m)$/i, 60_000],
  [/^(?:秒間|秒|seconds?|secs?|s)$/i, 1000],
  [/^(?:ミリ秒|milliseconds?|ms)$/i, 1],
];
const unitPattern =
  'ミリ秒|週間|週|日間|日|時間|分間|分|秒間|秒|milliseconds?|ms|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|[wdhms]';
const amount = `(\\d+(?:\\.\\d+)?|${numberWordPattern})`;
// One "N unit" part; English units need a word boundary after them ("5 minutes" not "5 mine").
const part = `${amount}\\s*(${unitPattern})(?![a-z])`;
const compound = new RegExp(`${part}(?:\\s*(?:and\\s*)?${part})*`, 'giu');
const onePart = new RegExp(part, 'giu');

export interface DurationMatch extends Span {
  ms: number;
  /** The matched text (normalized). */
  text: string;
}

function unitMs(unit: string): number | null {
  for (const [pattern, ms] of durationUnits) if (pattern.test(unit)) return ms;
  return null;
}

/** Every duration in the text, in order ("1時間30分" is one 90-minute match). */
export function findDurations(original: string): DurationMatch[] {
  const n = normalizeText(original);
  const found: DurationMatch[] = [];
  for (const match of n.text.matchAll(compound)) {
    // A number word must stand alone: "one week", not "someone week".
    const before = n.text[match.index - 1];
    if (before && /[a-z]/i.test(before) && /^[a-z]/i.test(match[0])) continue;
    let ms = 0;
    for (const p of match[0].matchAll(onePart)) {
      const value = parseNumberWord(p[1]!);
      const size = unitMs(p[2]!);
      if (value === null || size === null) {
        ms = NaN;
        break;
      }
      ms += value * size;
    }
    if (!Number.isFinite(ms) || ms <= 0) continue;
    found.push({ ...originalSpan(n, match.index, match.index + match[0].length), ms, text: match[0] });
  }
  return found;
}

export interface PercentMatch extends Span {
  /** The ratio (99.99 % → 0.9999). */
  ratio: number;
  /** Decimals as written. */
  decimals: number;
}

export function findPercentages(original: string): PercentMatch[] {
  const n = normalizeText(original);
  const out: PercentMatch[] = [];
  for (const m of n.text.matchAll(/(\d{1,3}(?:\.(\d+))?)\s*(?:%|パーセント|percent)/giu)) {
    const value = Number(m[1]);
    if (value > 100) continue;
    out.push({ ...originalSpan(n, m.index, m.index + m[0].length), ratio: value / 100, decimals: m[2]?.length ?? 0 });
  }
  return out;
}

export interface CountMatch extends Span {
  count: number;
  /** Normalized text from the previous count (or the start) to this one. */
  before: string;
  /** Normalized text after the count up to the next separator. */
  after: string;
}

/** Whole numbers that are counts: not years, dates, times, percentages or parts of a duration. */
export function findCounts(original: string): CountMatch[] {
  const n = normalizeText(original);
  const out: CountMatch[] = [];
  let previousEnd = 0;
  const notCount =
    /^\s*(?:年|月|日|時|分|秒|週|%|\.\d|:|days?\b|hours?\b|minutes?\b|weeks?\b|years?\b|h\b|m\b|s\b|d\b)/i;
  for (const m of n.text.matchAll(/\d+/g)) {
    const end = m.index + m[0].length;
    const rest = n.text.slice(end);
    const prev = n.text[m.index - 1] ?? '';
    if (notCount.test(rest) || prev === '.' || (prev === ':' && /\d/.test(n.text[m.index - 2] ?? ''))) continue;
    const afterText = rest.split(/[,、;；。\n()（）]/)[0] ?? '';
    out.push({
      ...originalSpan(n, m.index, end),
      count: Number(m[0]),
      before: n.text.slice(previousEnd, m.index),
      after: afterText,
    });
    previousEnd = end;
  }
  return out;
}

/** A four-digit year as the sheet writes a period's actuals: "2022年", "in 2022", "FY2022". */
export function findYear(original: string): (Span & { year: number }) | null {
  const n = normalizeText(original);
  const m = /(?<!\d)((?:19|20)\d{2})(?=\s*年|\b)/u.exec(n.text);
  if (!m) return null;
  return { ...originalSpan(n, m.index, m.index + m[0].length), year: Number(m[1]) };
}

/** True for text in Japanese (any kana or kanji). */
export function isJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/u.test(text);
}
