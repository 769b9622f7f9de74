import { describe, expect, it } from 'vitest';
import { parsePercentage } from '../../../server/config/percentages.ts';

describe('parsePercentage', () => {
  it.each([
    // Exact to the float: 99.99 / 100 would be 0.9998999999999999.
    ['the SLA figure', '99.99%', 0.9999],
    ['three nines and a half', '99.95%', 0.9995],
    ['five nines', '99.999%', 0.99999],
    ['a whole percentage', '99%', 0.99],
    ['a space before %, as the sheet writes it', '99.99 %', 0.9999],
    ['one hundred', '100%', 1],
    ['zero', '0%', 0],
    ['a tiny percentage', '0.01%', 0.0001],
    ['a plain ratio', 0.9999, 0.9999],
    ['a ratio of one', 1, 1],
    ['a ratio as text (what ${ENV} gives)', '0.995', 0.995],
  ] as const)('reads %s: %j → %d', (_, input, expected) => {
    expect(parsePercentage(input)).toBe(expected);
  });

  it('gives every two-decimal percentage exactly the float of its ratio literal', () => {
    for (let hundredths = 9000; hundredths <= 10_000; hundredths++) {
      const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
      const literal = Number(`0.${String(hundredths).padStart(4, '0')}`);
      expect(parsePercentage(text), text).toBe(hundredths === 10_000 ? 1 : literal);
    }
  });

  it.each([
    ['a percentage without %', 99.99],
    ['the same as text', '99.99'],
    ['above 100%', '101%'],
    ['a negative ratio', -0.5],
    ['a negative percentage', '-1%'],
    ['a word', 'high'],
    ['a per-mille sign', '999‰'],
    ['% alone', '%'],
  ] as const)('refuses %s: %j', (_, input) => {
    expect(parsePercentage(input)).toBeNull();
  });
});
