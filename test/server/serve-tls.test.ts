// Optional TLS (SPEC §6, `security.tls`): serve on HTTPS with the certificate and key the config
// names (relative to the config file), HSTS on every answer and Secure `__Host-` cookies. The
// certificate is a fresh self-signed one made with openssl for 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../db/open-store.ts';
import type { Store } from '../../db/store.ts';
import { loadConfigFile } from '../../server/config/load-config.ts';
import { startServer, type RunningServer } from '../../server/serve/start-server.ts';

function get(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve over TLS', () => {
  let dir: string;
  let store: Store;
  let running: RunningServer | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slawatch-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    store = await openStore(`file:${join(dir, 'slawatch.db')}`);
  });
  afterEach(async () => {
    await running?.stop();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers on https with HSTS and Secure cookies, and names the file it cannot read', async () => {
    await writeFile(join(dir, 'slawatch.yaml'), 'security: { tls: { cert: cert.pem, key: key.pem } }\nservices: []\n');
    const loaded = await loadConfigFile(join(dir, 'slawatch.yaml'), {});
    if (!loaded.ok) throw new Error('config');
    running = await startServer({
      config: loaded.config,
      configPath: join(dir, 'slawatch.yaml'),
      store,
      http: { host: '127.0.0.1', port: 0 },
      log: () => {},
    });
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(`${running.url}/setup`); // no account yet, and we are on loopback
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(res.headers['set-cookie'])).toMatch(/__Host-slawatch_csrf=[^;]+;.*Secure/);
    await running.stop();
    running = null;

    await writeFile(join(dir, 'other.yaml'), 'security: { tls: { cert: missing.pem, key: key.pem } }\nservices: []\n');
    const broken = await loadConfigFile(join(dir, 'other.yaml'), {});
    if (!broken.ok) throw new Error('config');
    await expect(
      startServer({
        config: broken.config,
        configPath: join(dir, 'other.yaml'),
        store,
        http: { host: '127.0.0.1', port: 0 },
        log: () => {},
      }),
    ).rejects.toThrow(`security.tls.cert: cannot read ${join(dir, 'missing.pem')}`);
  });
});
