// The audit log of a scripted session (SPEC §6), read back through /admin/audit.csv: a failed
// sign-in, a sign-in, a change (claims from an uploaded check sheet, before → after), a token
// created — each with actor, address and time; the CSV filters by action and actor; entries older
// than the retention are pruned. AUDIT_CSV_OUT=FILE writes the session's CSV.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { pruneAudit } from '../../../server/security/audit.ts';
import { addUser, Browser, goodPassword, securedApp, type SecuredApp } from './secured-app.ts';

describe('the audit log of a scripted session', () => {
  let db: TestStore;
  let s: SecuredApp;
  beforeEach(async () => {
    db = await openTestStore(testStores[0]!);
    const parsed = parseConfigText(
      `security: { two_factor: none }\n${await readFile('test/fixtures/cli/sheet-service.yaml', 'utf8')}`,
      {},
      'x.yaml',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    s = await securedApp(db.store, parsed.config);
    await addUser(s, 'alice', 'admin');
  });
  afterEach(() => db?.cleanup());

  it('records sign-ins, a change with before/after and a token, and exports them as CSV', async () => {
    const b = new Browser(s, '192.0.2.10');
    await b.get('/login');
    s.clock.now += 1000;
    expect((await b.post('/login', { username: 'alice', password: 'wrong password 123' })).status).toBe(401);
    s.clock.now += 1000;
    expect((await b.post('/login', { username: 'alice', password: goodPassword })).status).toBe(303);
    await b.get('/reports');
    s.clock.now += 1000;
    const form = new FormData();
    form.set('_csrf', b.csrf);
    form.set('action', 'import');
    form.set(
      'sheet',
      new Blob([await readFile('test/fixtures/sheets/lanscope-security-checksheet.tsv')]),
      'lanscope.tsv',
    );
    const upload = await s.app.request(
      '/services/cloud/sheet',
      {
        method: 'POST',
        body: form,
        headers: {
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          origin: 'http://localhost',
          host: 'localhost',
        },
      },
      { incoming: { socket: { remoteAddress: '192.0.2.10' } } },
    );
    expect(upload.status).toBe(200);
    s.clock.now += 1000;
    await b.get('/admin/tokens');
    expect((await b.post('/admin/tokens', { name: 'ci-reader', scopes: ['read'], expires_days: '30' })).status).toBe(
      200,
    );

    const csv = await (await b.request('GET', '/admin/audit.csv')).text();
    if (process.env.AUDIT_CSV_OUT) await writeFile(process.env.AUDIT_CSV_OUT, csv);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const t = (offsetS: number) => new Date(s.clock.now - (4 - offsetS) * 1000).toISOString();
    expect(rows.map((r) => [r.time, r.actor, r.address, r.action, r.entity])).toEqual([
      [t(4), 'alice', '192.0.2.10', 'token.create', 'token'],
      [t(3), 'alice', '192.0.2.10', 'claims.sheet', 'claims'],
      [t(2), 'alice', '192.0.2.10', 'sign_in.success', 'session'],
      [t(1), 'alice', '192.0.2.10', 'sign_in.failure', 'session'],
      [new Date(s.clock.now - 4000).toISOString(), 'test', '127.0.0.1', 'user.create', 'user'],
    ]);
    const claims = rows[1]!;
    expect(claims.before).toBe('');
    expect(JSON.parse(claims.after!).claims.length).toBeGreaterThan(0);
    const token = JSON.parse(rows[0]!.after!);
    expect(token).toMatchObject({ name: 'ci-reader', scopes: ['read'], createdBy: 'alice' });
    expect(csv).not.toMatch(/swt_/);

    const failures = parse(await (await b.request('GET', '/admin/audit.csv?action=sign_in.failure')).text(), {
      columns: true,
    });
    expect(failures).toHaveLength(1);
  });

  it('prunes entries older than the retention (a year by default)', async () => {
    const year = 365 * 86_400_000;
    expect(s.settings.auditRetentionMs).toBe(year);
    s.clock.now += year; // the user.create entry is now exactly a year old
    expect(await pruneAudit({ store: s.store, settings: () => s.settings, nowMs: () => s.clock.now })).toBe(0);
    s.clock.now += 1;
    expect(await pruneAudit({ store: s.store, settings: () => s.settings, nowMs: () => s.clock.now })).toBe(1);
  });
});
