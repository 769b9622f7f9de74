// Secrets (SPEC §6) — push tokens, webhook and Slack URLs, HMAC secrets, SMTP URLs, the
// Alertmanager receiver's token — are never in
// an answer of any GET route (enumerated from the app) to any role, nor in the audit log of a
// config reload, nor in the access log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { parseConfigText } from '../../../server/config/load-config.ts';
import { configChanges } from '../../../server/security/config-audit.ts';
import { recordAudit } from '../../../server/security/audit.ts';
import { redactPath } from '../../../server/app/redact-path.ts';
import { addUser, Browser, emptyConfig, securedApp, type SecuredApp } from './secured-app.ts';

const secrets = {
  push: 'pushtoken-SECRET-0123456789',
  slack: 'https://hooks.slack.example/services/SECRET-SLACK',
  hook: 'https://hooks.example/SECRET-HOOK',
  hmac: 'SECRET-HMAC-KEY',
  smtp: 'smtp://user:SECRET-SMTP@mail.example:587',
  alertmanager: 'alertmanager-SECRET-token-0123',
};

const yaml = `security: { two_factor: none }
alertmanager: { token: "${secrets.alertmanager}", service: shop }
services:
  - id: shop
    notify: [ops, hook]
    notify_customers: [mail]
    monitors:
      - { id: backup, type: push, token: "${secrets.push}", expect_every: 1d, grace: 1h }
notifications:
  - { id: ops, type: slack, url: "${secrets.slack}" }
  - { id: hook, type: webhook, url: "${secrets.hook}", secret: "${secrets.hmac}" }
  - { id: mail, type: email, to: [a@example.com], smtp: "${secrets.smtp}" }
`;

describe('secrets', () => {
  let db: TestStore;
  let s: SecuredApp;
  beforeEach(async () => {
    db = await openTestStore(testStores[0]!);
    const parsed = parseConfigText(yaml, {}, 'x.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    s = await securedApp(db.store, parsed.config);
  });
  afterEach(() => db?.cleanup());

  it('are in no answer of any GET route, for any role', async () => {
    await addUser(s, 'a1', 'admin');
    await addUser(s, 'v1', 'viewer');
    const leaks: string[] = [];
    for (const who of ['a1', 'v1']) {
      const b = new Browser(s);
      // Signed in (a failed sign-in answers the form again, 200), else every page would be a redirect.
      expect((await b.signIn(who)).status, who).toBe(303);
      const served = new Map<string, number>();
      for (const r of s.app.routes) {
        if (r.method !== 'GET' || r.path.includes('*')) continue;
        const path = r.path
          .replace(
            /:id\b/g,
            r.path.startsWith('/monitors') || r.path.startsWith('/api/v1/monitors') ? 'backup' : 'shop',
          )
          .replace(/:[a-z]+/g, 'x');
        const res = await b.request('GET', path);
        served.set(path, res.status);
        const body = await res.text();
        for (const [name, secret] of Object.entries(secrets))
          if (body.includes(secret) || body.includes(encodeURIComponent(secret))) leaks.push(`${who} ${path}: ${name}`);
      }
      // The pages that show a monitor's or service's settings were really served.
      for (const path of ['/services/shop', '/monitors/backup', '/api/v1/monitors/backup'])
        expect(served.get(path), `${who} ${path}`).toBe(200);
    }
    expect(leaks).toEqual([]);
  });

  it('are redacted in the audit entries of a config reload and in logged paths', async () => {
    const parsed = parseConfigText(yaml, {}, 'x.yaml');
    if (!parsed.ok) throw new Error('config');
    for (const change of configChanges(emptyConfig(), parsed.config)) {
      await recordAudit(
        { store: s.store, nowMs: () => s.clock.now },
        { name: 'config-file', address: 'local' },
        change,
      );
    }
    const stored = JSON.stringify(await s.store.security.listAudit({ entity: 'config' }));
    expect(stored).toContain('notifications.hook');
    for (const secret of Object.values(secrets)) expect(stored).not.toContain(secret);
    expect(redactPath(`/api/v1/push/${secrets.push}`)).not.toContain(secrets.push);
  });
});
