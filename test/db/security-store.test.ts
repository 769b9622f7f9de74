// The security records on both stores (STYLE: one contract suite over every store).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from './test-stores.ts';

const t0 = Date.UTC(2026, 0, 1);

describe.each(testStores.map((f) => [f.title, f] as const))('%s security store', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  const newUser = (username: string, role: 'admin' | 'editor' | 'viewer' = 'viewer') =>
    db.store.security.createUser({
      username,
      role,
      passwordHash: `h-${username}`,
      passwordChangedMs: t0,
      createdMs: t0,
    });

  it('creates, reads, updates and deletes users; usernames are unique; admins are counted', async () => {
    const s = db.store.security;
    const id = await newUser('alice', 'admin');
    await newUser('bob', 'editor');
    await expect(newUser('alice')).rejects.toThrow();
    expect(await s.countAdmins()).toBe(1);
    const alice = (await s.getUserByName('alice'))!;
    expect(alice).toMatchObject({
      id,
      username: 'alice',
      role: 'admin',
      totpSecret: null,
      totpEnabledMs: null,
      passwordChangedMs: t0,
    });
    await s.updateUser({ ...alice, role: 'viewer', totpSecret: 'SECRET', totpEnabledMs: t0 + 1, totpLastStep: 42 });
    expect(await s.getUser(id)).toMatchObject({
      role: 'viewer',
      totpSecret: 'SECRET',
      totpEnabledMs: t0 + 1,
      totpLastStep: 42,
    });
    expect(await s.countAdmins()).toBe(0);
    expect((await s.listUsers()).map((u) => u.username)).toEqual(['alice', 'bob']);
    await s.deleteUser(id);
    expect(await s.getUser(id)).toBeNull();
    expect(await s.getUser('not-an-id')).toBeNull();
  });

  it('keeps password history newest first, recovery codes good once, sessions cascade with their user', async () => {
    const s = db.store.security;
    const id = await newUser('carol');
    for (let i = 0; i < 4; i++) await s.addPasswordHistory(id, `p${i}`, t0 + i);
    expect(await s.listPasswordHistory(id, 3)).toEqual(['p3', 'p2', 'p1']);
    await s.replaceRecoveryCodes(id, ['a', 'b']);
    expect(await s.useRecoveryCode(id, 'a', t0)).toBe(true);
    expect(await s.useRecoveryCode(id, 'a', t0)).toBe(false);
    expect(await s.useRecoveryCode(id, 'zzz', t0)).toBe(false);
    expect(await s.countUnusedRecoveryCodes(id)).toBe(1);
    const session = {
      idHash: 'h1',
      userId: id,
      csrfToken: 'c',
      pending: true,
      createdMs: t0,
      lastSeenMs: t0,
      address: '127.0.0.1',
    };
    await s.createSession(session);
    await s.updateSession({ ...session, pending: false, lastSeenMs: t0 + 5 });
    expect(await s.getSession('h1')).toEqual({ ...session, pending: false, lastSeenMs: t0 + 5 });
    await s.createSession({ ...session, idHash: 'h2', createdMs: t0 - 10 });
    expect(await s.pruneSessions(t0 - 100, t0 - 5)).toBe(1); // h2 was created too long ago
    expect(await s.getSession('h2')).toBeNull();
    await s.deleteUser(id);
    expect(await s.getSession('h1')).toBeNull();
  });

  it('stores tokens by hash with scopes, expiry and revocation', async () => {
    const s = db.store.security;
    const id = await s.createToken({
      name: 'ci',
      tokenHash: 'th',
      scopes: ['read', 'push'],
      createdBy: 'alice',
      createdMs: t0,
      expiresMs: t0 + 1000,
    });
    expect(await s.getTokenByHash('th')).toMatchObject({
      id,
      name: 'ci',
      scopes: ['read', 'push'],
      expiresMs: t0 + 1000,
      revokedMs: null,
    });
    await s.touchToken(id, t0 + 1);
    expect(await s.revokeToken(id, t0 + 2)).toBe(true);
    expect(await s.revokeToken(id, t0 + 3)).toBe(false);
    expect((await s.listTokens())[0]).toMatchObject({ lastUsedMs: t0 + 1, revokedMs: t0 + 2 });
  });

  it('counts failures in a window and keeps locks', async () => {
    const s = db.store.security;
    await s.recordFailure(['user:a', 'ip:1.2.3.4'], t0);
    await s.recordFailure(['user:a'], t0 + 10);
    expect(await s.countFailures('user:a', t0)).toBe(2);
    expect(await s.countFailures('user:a', t0 + 1)).toBe(1);
    expect(await s.pruneFailures(t0 + 1)).toBe(2);
    await s.setLock('user:a', t0 + 100);
    await s.setLock('user:a', t0 + 200);
    expect(await s.getLockUntil('user:a')).toBe(t0 + 200);
    expect(await s.listLocks(t0 + 150)).toEqual([{ key: 'user:a', untilMs: t0 + 200 }]);
    expect(await s.listLocks(t0 + 250)).toEqual([]);
    await s.deleteLock('user:a');
    expect(await s.getLockUntil('user:a')).toBeNull();
  });

  it('appends audit entries, filters them (an action prefix with `_` taken literally) and prunes by age', async () => {
    const s = db.store.security;
    await s.appendAudit({
      timeMs: t0,
      actor: 'alice',
      address: '::1',
      action: 'sign_in.success',
      entity: 'session',
      entityId: null,
      before: null,
      after: null,
    });
    await s.appendAudit({
      timeMs: t0 + 1,
      actor: 'bob',
      address: '::1',
      action: 'signXin.failure',
      entity: 'session',
      entityId: null,
      before: null,
      after: null,
    });
    await s.appendAudit({
      timeMs: t0 + 2,
      actor: 'alice',
      address: '::1',
      action: 'user.update',
      entity: 'user',
      entityId: '7',
      before: { role: 'viewer' },
      after: { role: 'editor' },
    });
    expect((await s.listAudit({})).map((e) => e.action)).toEqual(['user.update', 'signXin.failure', 'sign_in.success']);
    expect((await s.listAudit({ action: 'sign_in' })).map((e) => e.actor)).toEqual(['alice']);
    expect((await s.listAudit({ actor: 'alice', entity: 'user' }))[0]).toMatchObject({
      entityId: '7',
      before: { role: 'viewer' },
      after: { role: 'editor' },
    });
    expect((await s.listAudit({ fromMs: t0 + 1, toMs: t0 + 2 })).map((e) => e.actor)).toEqual(['bob']);
    expect(await s.pruneAudit(t0 + 2)).toBe(2);
    expect(await s.listAudit({})).toHaveLength(1);
  });
});
