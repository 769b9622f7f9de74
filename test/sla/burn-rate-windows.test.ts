// SPEC §4's window table and burn-rate arithmetic (SRE workbook ch. 5).
import { describe, expect, it } from 'vitest';
import { burnRate, burnRateWindows, promDuration } from '../../sla/burn-rate-windows.ts';

describe('burn-rate windows', () => {
  it('are the SPEC §4 pairs and factors', () => {
    expect(
      burnRateWindows.map((w) => [w.severity, promDuration(w.longWindowMs), promDuration(w.shortWindowMs), w.factor]),
    ).toEqual([
      ['page', '1h', '5m', 14.4],
      ['page', '6h', '30m', 6],
      ['ticket', '1d', '2h', 3],
      ['ticket', '3d', '6h', 1],
    ]);
  });

  it.each([
    // 0.144 % errors against 99.99 % (0.01 % allowed) burn 14.4× — within float noise.
    {
      name: 'an error ratio of 0.144 % against 99.99 % burns 14.4 times',
      errors: 0.00144,
      objective: 0.9999,
      rate: 14.4,
    },
    { name: 'no errors burn nothing', errors: 0, objective: 0.999, rate: 0 },
    { name: 'a 100 % objective burns infinitely on any error', errors: 0.001, objective: 1, rate: Infinity },
  ])('$name', ({ errors, objective, rate }) => {
    expect(burnRate(errors, objective)).toBeCloseTo(rate, 9);
  });

  it.each([
    [300_000, '5m'],
    [3_600_000, '1h'],
    [86_400_000, '1d'],
    [90_000, '90s'],
    [1_500, '1500ms'],
  ])('writes %i ms as %s for Prometheus', (ms, text) => {
    expect(promDuration(ms)).toBe(text);
  });
});
