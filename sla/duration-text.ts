// A duration for people, as the pages and reports write it: its largest unit and at most one
// more ("1 d 2 h", "42 min", "30 s", "500 ms"; "1日2時間"). Whatever the text leaves out is cut.
// Against a bound it can be rounded to a side instead (number-format.ts): the text is then the
// nearest one on that side, so a figure over its bound never reads as the bound itself.
import { millisecondsText, timeUnits, unitText, type Lang, type TimeUnit } from './claim-words.ts';
import { roundToStep, type RoundingSide } from './number-format.ts';

const secondMs = 1000;

/** The units a whole number of ms ≥ 1 s is written with, and the ms the text leaves out. */
function shownParts(ms: number): { parts: [TimeUnit, number][]; restMs: number } {
  const parts: [TimeUnit, number][] = [];
  let restMs = ms;
  for (const unit of timeUnits) {
    const n = Math.floor(restMs / unit.ms);
    if (n > 0 && parts.length < 2) {
      parts.push([unit, n]);
      restMs -= n * unit.ms;
    }
  }
  return { parts, restMs };
}

/**
 * 42 min, 1 d 2 h, 30 s, 500 ms (42分, 1日2時間). Rounded `up`, a duration the text cannot show
 * reads as the next one it can (1 d 2 h 30 s → 1 d 3 h, 2 h 0.4 s → 2 h 1 s); `down` cuts.
 */
export function formatDurationText(ms: number, lang: Lang, side?: RoundingSide): string {
  let whole = side ? roundToStep(ms, 1, side) : Math.round(ms);
  if (whole < secondMs) return millisecondsText(whole, lang);
  let { parts, restMs } = shownParts(whole);
  if (side === 'up' && restMs > 0) {
    // One more of the finest unit shown (of a second when only one unit shows) covers what was cut.
    const stepMs = parts.length === 2 ? parts[1]![0].ms : secondMs;
    whole += stepMs - restMs;
    ({ parts } = shownParts(whole));
  }
  return parts.map(([unit, n]) => unitText(n, unit, lang)).join(lang === 'ja' ? '' : ' ');
}
