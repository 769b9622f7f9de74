// The live pipeline folds a location's checks a few at a time and rewrites only the tail it
// stored last time; this must give exactly the timeline of folding every check at once.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldChecks,
  initialFoldState,
  joinSegments,
  locationTimeline,
  tailSegments,
  tailStartMs,
  type FoldParams,
} from '../../sla/location-fold.ts';
import type { Segment } from '../../sla/segments.ts';
import type { CheckStatus } from '../../sla/model.ts';

const checksArb = fc
  .array(fc.record({ gapS: fc.integer({ min: 1, max: 200 }), down: fc.boolean() }), { minLength: 1, maxLength: 60 })
  .map((steps) => {
    let t = 0;
    return steps.map((s) => ({ timeMs: (t += s.gapS * 1000), status: (s.down ? 'down' : 'up') as CheckStatus }));
  });

/** What the store does: delete segments from `fromMs` on (cutting one that spans it), then append. */
function replaceFrom(stored: Segment[], fromMs: number, segments: Segment[]): Segment[] {
  const kept = stored.filter((s) => s.startMs < fromMs).map((s) => (s.endMs > fromMs ? { ...s, endMs: fromMs } : s));
  return [...kept, ...segments];
}

describe('incremental location fold', () => {
  it('folding in batches and rewriting the stored tail equals folding all checks at once', () => {
    fc.assert(
      fc.property(
        checksArb,
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 30, max: 120 }),
        (checks, batchSizes, confirm, intervalS) => {
          const params: FoldParams = { intervalMs: intervalS * 1000, confirm };
          let state = initialFoldState();
          let stored: Segment[] = [];
          let i = 0;
          let b = 0;
          while (i < checks.length) {
            const size = batchSizes[b++ % batchSizes.length]!;
            const batch = checks.slice(i, i + size);
            const replaceFromMs = tailStartMs(state) ?? batch[0]!.timeMs;
            const result = foldChecks(state, batch, params);
            state = result.state;
            stored = replaceFrom(stored, replaceFromMs, [...result.closed, ...tailSegments(state, params)]);
            i += size;
          }
          expect(joinSegments(stored)).toEqual(locationTimeline(checks, params));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    {
      name: 'a blip shorter than confirm is held as up, and the gap past 2 × interval is unknown',
      // interval 60 s, confirm 2: up@0, down@60 (blip), up@120, then silence until 400:
      // [0,120) up (blip counted as up), [120,240) up (held 2 × 60 s), [240,400) unknown, [400,520) up.
      checks: [
        [0, 'up'],
        [60, 'down'],
        [120, 'up'],
        [400, 'up'],
      ],
      expected: [
        { startMs: 0, endMs: 240_000, state: 'up' },
        { startMs: 240_000, endMs: 400_000, state: 'unknown' },
        { startMs: 400_000, endMs: 520_000, state: 'up' },
      ],
    },
    {
      name: 'a confirmed run is down from its first failing check, known at the confirming check',
      // confirm 2: down@60 and down@120 confirm at 120; down from 60 until the up check at 180.
      checks: [
        [0, 'up'],
        [60, 'down'],
        [120, 'down'],
        [180, 'up'],
      ],
      expected: [
        { startMs: 0, endMs: 60_000, state: 'up' },
        { startMs: 60_000, endMs: 180_000, state: 'down', knownAtMs: 120_000 },
        { startMs: 180_000, endMs: 300_000, state: 'up' },
      ],
    },
  ] as const)('$name', ({ checks, expected }) => {
    const params = { intervalMs: 60_000, confirm: 2 };
    const timeline = locationTimeline(
      checks.map(([s, status]) => ({ timeMs: s * 1000, status })),
      params,
    );
    expect(timeline).toEqual(expected);
  });
});
