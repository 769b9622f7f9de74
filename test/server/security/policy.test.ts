// Pure parts of SPEC §6 as tables: the password policy, CIDR parsing and matching, session
// timeouts, secret redaction in the audit log, config change events, TOTP on a fake clock.
import { describe, expect, it } from 'vitest';
import { checkPassword, isPasswordExpired } from '../../../server/security/password-policy.ts';
import { hashPassword } from '../../../server/security/passwords.ts';
import { createAddressMatcher, parseCidr } from '../../../server/security/cidr.ts';
import { isSessionExpired } from '../../../server/security/sessions.ts';
import { redactSecrets } from '../../../server/security/audit.ts';
import { configChanges } from '../../../server/security/config-audit.ts';
import { createTotpSecret, totpCode, verifyTotp } from '../../../server/security/totp.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { emptyConfig } from './secured-app.ts';

const policy = { minLength: 12, rejectCommon: true, history: 3, maxAgeMs: 90 * 86_400_000 };

describe('the password policy', () => {
  it.each([
    ['a long unusual phrase passes', 'violet tractor sings 1987', []],
    ['11 characters is too short', 'abcdefghijk', ['must be at least 12 characters (it has 11)']],
    ['a listed common password is refused', 'password1234', ['is a commonly used password']],
    ['a common word with digits around it is refused', 'sunshine2024!', ['is a commonly used password']],
    ['the username around a common password is refused', 'alice12345678', ['is a commonly used password']],
  ])('%s', async (_name, password, problems) => {
    expect(await checkPassword(policy, password, { username: 'alice', previousHashes: [] })).toEqual(problems);
  });

  it('refuses one of the last N passwords but not an older one', async () => {
    const hashes = await Promise.all(
      ['first old passphrase', 'second old passphrase', 'third old passphrase', 'fourth old passphrase'].map(
        hashPassword,
      ),
    );
    const newestFirst = hashes.reverse();
    expect(
      await checkPassword(policy, 'second old passphrase', { username: 'bob', previousHashes: newestFirst }),
    ).toEqual(['must not be one of the last 3 passwords']);
    expect(
      await checkPassword(policy, 'first old passphrase', { username: 'bob', previousHashes: newestFirst }),
    ).toEqual([]); // 4th newest
  });

  it.each([
    [89, false],
    [90, true],
  ])('a password %i days old is expired: %s (max_age 90d)', (days, expired) => {
    expect(isPasswordExpired(policy, 0, days * 86_400_000)).toBe(expired);
  });

  it('never expires with max_age 0', () => {
    expect(isPasswordExpired({ ...policy, maxAgeMs: 0 }, 0, 1e13)).toBe(false);
  });
});

describe('CIDR ranges', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['192.0.2.7', '192.0.2.7', true],
    ['192.0.2.7', '192.0.2.8', false],
    ['2001:db8::/32', '2001:0db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1/128', '0:0:0:0:0:0:0:1', true],
    ['127.0.0.0/8', '::ffff:127.0.0.1', true],
    ['0.0.0.0/0', 'not-an-ip', false],
  ])('%s contains %s: %s', (cidr, address, inside) => {
    const parsed = parseCidr(cidr);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(createAddressMatcher([parsed.cidr])(address)).toBe(inside);
  });

  it.each([
    ['10.0.0.0/33', 'invalid CIDR "10.0.0.0/33": prefix must be 0-32'],
    ['2001:db8::/129', 'invalid CIDR "2001:db8::/129": prefix must be 0-128'],
    ['example.com/24', 'invalid CIDR "example.com/24": "example.com" is not an IPv4 or IPv6 address'],
  ])('refuses %s', (text, message) => {
    expect(parseCidr(text)).toEqual({ ok: false, message });
  });

  it('reports a bad allow-list entry in the config with its path', () => {
    const result = parseConfigText('security:\n  allow_list: [10.0.0.0/8, 300.1.1.1]\n', {}, 'x.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
        'security.allow_list[1]: invalid CIDR "300.1.1.1": "300.1.1.1" is not an IPv4 or IPv6 address',
      ]);
  });

  it('loads the documented defaults from a file without a security section', () => {
    const result = parseConfigText('services: []\n', {}, 'x.yaml');
    if (!result.ok) throw new Error();
    expect(result.config.security).toMatchObject({
      password: { minLength: 12, rejectCommon: true, history: 5, maxAgeMs: 0 },
      twoFactor: 'admins',
      auditRetentionMs: 365 * 86_400_000,
      lockout: { accountFailures: 5, ipFailures: 20, windowMs: 900_000, durationMs: 900_000 },
    });
  });
});

describe('sessions, redaction, config changes, TOTP', () => {
  const timeouts = { idleTimeoutMs: 1800_000, absoluteTimeoutMs: 43_200_000 };
  it.each([
    ['active and young', { createdMs: 0, lastSeenMs: 1000 }, 1000 + 1_799_999, false],
    ['idle 30 minutes', { createdMs: 0, lastSeenMs: 1000 }, 1000 + 1_800_000, true],
    ['12 hours old though active', { createdMs: 0, lastSeenMs: 43_199_000 }, 43_200_000, true],
  ])('a session %s is expired: %s', (_name, session, now, expired) => {
    expect(isSessionExpired(session, timeouts, now)).toBe(expired);
  });

  it('redacts webhook URLs, SMTP URLs, secrets and tokens at any depth, keeps the rest', () => {
    expect(
      redactSecrets({
        id: 'ops',
        type: 'slack',
        url: 'https://hooks.slack.com/x',
        nested: [{ smtpUrl: 'smtp://u:p@h', secret: 's', token: 't', to: ['a@b'] }],
        passwordChangedAt: 'kept',
      }),
    ).toEqual({
      id: 'ops',
      type: 'slack',
      url: '[redacted]',
      nested: [{ smtpUrl: '[redacted]', secret: '[redacted]', token: '[redacted]', to: ['a@b'] }],
      passwordChangedAt: 'kept',
    });
  });

  it('turns a config reload into one event per changed part', () => {
    const before = emptyConfig();
    const after = {
      ...emptyConfig(),
      notifications: [{ id: 'ops', type: 'slack' as const, url: 'https://hooks.example/x', repeatMs: 1 }],
      retention: { checksMs: 86_400_000 },
    };
    expect(configChanges(before, after).map((e) => [e.action, e.entityId])).toEqual([
      ['config.update', 'retention'],
      ['config.add', 'notifications.ops'],
    ]);
  });

  it('accepts a code in its 30 s step and the neighbouring ones, and each step once', () => {
    const secret = createTotpSecret();
    const t = Date.UTC(2026, 0, 1, 0, 0, 15); // 15 s into a step
    const code = totpCode(secret, t);
    expect(verifyTotp(secret, code, t + 30_000, null)).toBe(Math.floor(t / 30_000)); // one step late
    expect(verifyTotp(secret, code, t + 60_000, null)).toBeNull(); // two steps late
    expect(verifyTotp(secret, code, t, Math.floor(t / 30_000))).toBeNull(); // used
    expect(verifyTotp(secret, '12345', t, null)).toBeNull();
  });
});
