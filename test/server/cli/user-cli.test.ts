// `slawatch user` and `slawatch api` in-process (SPEC §6): the first admin from the command line
// (password from a flag or standard input, under the policy), and serve's bind guard lifting once
// it exists — checked on ::ffff:127.0.0.1, which the guard treats as beyond loopback but which
// is still this machine. Then the CLI calls that server's API with a token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../../server/cli/main.ts';
import { openStore } from '../../../db/open-store.ts';
import { startServer } from '../../../server/serve/start-server.ts';
import { loadConfigFile } from '../../../server/config/load-config.ts';
import { createApiToken } from '../../../server/security/api-tokens.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

describe.each(testStores.map((f) => [f.title, f] as const))('slawatch user on %s', (_title, factory) => {
  let db: TestStore;
  let dir: string;
  let config: string;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    dir = await mkdtemp(join(tmpdir(), 'slawatch-user-'));
    config = join(dir, 'slawatch.yaml');
    await writeFile(config, 'services: []\n');
  });
  afterEach(async () => {
    await db?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function cli(args: string[], stdin?: string, env: Record<string, string> = {}) {
    const out = capture();
    const err = capture();
    const code = await runCli(args, {
      stdout: out.stream,
      stderr: err.stream,
      stdin: stdin === undefined ? undefined : Readable.from([stdin]),
      env: { DATABASE_URL: db.url, ...env },
    });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  it('refuses a weak password with every reason and creates nothing', async () => {
    const r = await cli([
      'user',
      'add',
      '--config',
      config,
      '--username',
      'root',
      '--role',
      'admin',
      '--password',
      'password',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('password: must be at least 12 characters (it has 8)');
    expect(r.stderr).toContain('password: is a commonly used password');
    expect((await cli(['user', 'list', '--config', config])).stdout).toBe('');
  });

  it('creates the first admin from standard input, after which serve may bind beyond loopback', async () => {
    const refused = await cli(['serve', '--config', config, '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to listen on 0.0.0.0: no admin account exists yet');

    const made = await cli(
      ['user', 'add', '--config', config, '--username', 'root', '--role', 'admin'],
      'lilac harbour compass 31\n',
    );
    expect(made).toMatchObject({ code: 0, stdout: 'created admin root\n' });
    expect(JSON.parse((await cli(['user', 'list', '--config', config])).stdout)).toMatchObject({
      username: 'root',
      role: 'admin',
      twoFactor: false,
    });

    const loaded = await loadConfigFile(config, {});
    if (!loaded.ok) throw new Error('config');
    const store = await openStore(db.url);
    const log = () => undefined;
    const running = await startServer({
      config: loaded.config,
      configPath: null,
      store,
      http: { host: '::ffff:127.0.0.1', port: 0 },
      log,
    });
    try {
      expect((await fetch(`${running.url}/api/v1/services`)).status).toBe(401);
      const token = await createApiToken(
        { store, settings: () => loaded.config.security, nowMs: Date.now },
        { name: 'cli', scopes: ['read'], expiresMs: null },
        { name: 'root', address: 'test' },
      );
      if (!token.ok) throw new Error();
      const remote = await cli(['api', '/api/v1/services'], undefined, {
        SLAWATCH_SERVER: running.url!,
        SLAWATCH_TOKEN: token.value,
      });
      expect(remote.code).toBe(0);
      expect(JSON.parse(remote.stdout)).toEqual({ services: [] });
      const wrong = await cli(['api', '--server', running.url!, '--token', 'swt_nope', '/api/v1/services']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('invalid, expired or revoked API token');
    } finally {
      await running.stop();
      await store.close();
    }
  });
});
