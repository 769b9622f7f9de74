import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Check } from '../../sla/model.ts';
import { appendRollup, rollupChecks } from '../../sla/rollup.ts';

const hour0 = Date.parse('2026-03-01T05:00:00Z');
const check = (timeMs: number, status: 'up' | 'down', latencyMs: number | null, location = 'local'): Check => ({
  monitorId: 'api',
  location,
  timeMs,
  status,
  latencyMs,
  detail: null,
});

describe('appendRollup', () => {
  it('equals the rollup of all the checks when later ones come after (oracle: rollupChecks of the union)', () => {
    const arbCheck = fc.record({
      offsetMs: fc.integer({ min: 0, max: 3_599_999 }),
      up: fc.boolean(),
      latencyMs: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbCheck, { minLength: 2, maxLength: 40, selector: (c) => c.offsetMs }),
        fc.nat(),
        (raw, cut) => {
          const checks = raw
            .map((c) => check(hour0 + c.offsetMs, c.up ? 'up' : 'down', c.latencyMs))
            .sort((a, b) => a.timeMs - b.timeMs);
          const k = 1 + (cut % (checks.length - 1));
          const [earlier] = rollupChecks(checks.slice(0, k));
          const [later] = rollupChecks(checks.slice(k));
          expect(appendRollup(earlier!, later!)).toEqual(rollupChecks(checks)[0]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the gap across the seam: ups at :00, :10 and then :40 have a longest gap of 30 min', () => {
    const [earlier] = rollupChecks([check(hour0, 'up', 5), check(hour0 + 600_000, 'up', 7)]);
    const [later] = rollupChecks([check(hour0 + 2_400_000, 'up', 5), check(hour0 + 2_460_000, 'down', null)]);
    const merged = appendRollup(earlier!, later!)!;
    expect(merged).toMatchObject({
      upCount: 3,
      downCount: 1,
      firstUpMs: hour0,
      lastUpMs: hour0 + 2_400_000,
      maxUpGapMs: 1_800_000,
    });
    expect(merged.latencyCounts).toEqual(
      new Map([
        [5, 2],
        [7, 1],
      ]),
    );
  });

  it('refuses when a later up check is not after the last earlier one (another location interleaving)', () => {
    const [earlier] = rollupChecks([check(hour0 + 1_000, 'up', 5), check(hour0 + 9_000, 'up', 5)]);
    const [later] = rollupChecks([check(hour0 + 5_000, 'up', 5, 'osaka')]);
    expect(appendRollup(earlier!, later!)).toBeNull();
  });

  it('refuses rollups of different hours or monitors', () => {
    const [a] = rollupChecks([check(hour0, 'up', 5)]);
    const [b] = rollupChecks([check(hour0 + 3_600_000, 'up', 5)]);
    expect(appendRollup(a!, b!)).toBeNull();
    expect(appendRollup(a!, { ...a!, monitorId: 'web' })).toBeNull();
  });
});
