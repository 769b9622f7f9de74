import { beforeEach, describe, expect, it, vi } from 'vitest';

// Spy on the comparison itself to see that every candidate is compared, and how.
const timingSafeEqual = vi.hoisted(() => ({ calls: [] as [Buffer, Buffer][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const spy = (a: Buffer, b: Buffer) => {
    timingSafeEqual.calls.push([a, b]);
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, default: { ...actual, timingSafeEqual: spy }, timingSafeEqual: spy };
});

const { findByToken } = await import('../../../server/routes/push-token.ts');

const monitors = [
  { monitorId: 'backup', token: 'backup-token-0123456789' },
  { monitorId: 'cron', token: 'cron-token-abcdefghijkl' },
  { monitorId: 'etl', token: 'etl-token-ABCDEFGHIJKLMN' },
];

describe('findByToken', () => {
  beforeEach(() => {
    timingSafeEqual.calls = [];
  });

  it.each([
    ['the first monitor', 'backup-token-0123456789', 'backup'],
    ['a monitor in the middle', 'cron-token-abcdefghijkl', 'cron'],
    ['the last monitor', 'etl-token-ABCDEFGHIJKLMN', 'etl'],
  ])('finds %s by its token', (_, token, monitorId) => {
    expect(findByToken(monitors, token)?.monitorId).toBe(monitorId);
  });

  it.each([
    ['an unknown token', 'nobody-has-this-token-0'],
    ['a prefix of a real token', 'backup-token-012345678'],
    ['a real token with one more character', 'backup-token-0123456789x'],
    ['a real token in another case', 'BACKUP-TOKEN-0123456789'],
    ['an empty token', ''],
  ])('finds nothing for %s', (_, token) => {
    expect(findByToken(monitors, token)).toBeNull();
  });

  it('finds nothing among no monitors', () => {
    expect(findByToken([], 'backup-token-0123456789')).toBeNull();
  });

  it.each([
    ['the match is first', 'backup-token-0123456789'],
    ['the match is last', 'etl-token-ABCDEFGHIJKLMN'],
    ['there is no match', 'x'],
  ])('compares against every monitor when %s (no early exit)', (_, token) => {
    findByToken(monitors, token);
    expect(timingSafeEqual.calls).toHaveLength(monitors.length);
  });

  it('compares fixed-length digests, never the tokens themselves, so length does not show', () => {
    findByToken(monitors, 'short');
    findByToken(monitors, 'a-much-longer-token-than-any-configured-one-'.repeat(10));
    expect(timingSafeEqual.calls).toHaveLength(2 * monitors.length);
    for (const [a, b] of timingSafeEqual.calls) {
      expect([a.length, b.length]).toEqual([32, 32]); // SHA-256
      expect(a.toString('utf8')).not.toContain('token');
    }
  });
});
