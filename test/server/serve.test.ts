// `slawatch serve` as a process: it listens on loopback only until an admin exists, serves /healthz and /metrics,
// reloads its config on SIGHUP (keeping the last good one when the new file is invalid), and
// stops on SIGTERM within 10 s with exit code 0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const bin = new URL('../../bin/slawatch-dev.js', import.meta.url).pathname;

function configYaml(targetUrl: string, monitorIds: string[]): string {
  const monitor = (id: string) =>
    `      - { id: ${id}, type: http, url: "${targetUrl}", interval: 1s, timeout: 500ms }`;
  return `services:
  - id: svc
    monitors:
${monitorIds.map(monitor).join('\n')}
`;
}

interface Spawned {
  child: ChildProcess;
  stderr: () => string;
  url: Promise<string>;
  exit: Promise<{ code: number | null; afterMs: number }>;
}

function spawnServe(args: string[], databaseUrl: string, cwd?: string): Spawned {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    cwd,
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += String(d);
      const match = /serving on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited before serving: ${stderr}`)));
  });
  url.catch(() => undefined);
  let signalledAt = 0;
  const kill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => ((signalledAt = Date.now()), kill(signal));
  const exit = new Promise<{ code: number | null; afterMs: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, afterMs: Date.now() - signalledAt })),
  );
  return { child, stderr: () => stderr, url, exit };
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testStores.map((f) => [f.title, f] as const))('slawatch serve on %s', (_title, factory) => {
  let db: TestStore;
  let dir: string;
  let target: Server;
  let targetUrl: string;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    dir = await mkdtemp(join(tmpdir(), 'slawatch-serve-'));
    target = createServer((_q, res) => res.end('ok'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    target?.close();
    await db?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves health and metrics, reloads on SIGHUP keeping the last good config, and stops on SIGTERM', async () => {
    const config = join(dir, 'slawatch.yaml');
    await writeFile(config, configYaml(targetUrl, ['one']));
    const serve = spawnServe(['--config', config, '--port', '0'], db.url);
    try {
      const url = await serve.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true });
      // Probed every second: /metrics soon shows the monitor up.
      let metrics = '';
      for (let i = 0; i < 40 && !metrics.includes('monitor="one"'); i++) {
        metrics = await (await fetch(`${url}/metrics`)).text();
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(metrics).toMatch(/probe_success\{service="svc",monitor="one",location="local"\} 1/);

      // An invalid file is refused with its errors; the server keeps running.
      await writeFile(config, configYaml(targetUrl, ['one']).replace('interval: 1s', 'interval: 3x'));
      serve.child.kill('SIGHUP');
      await until(() => serve.stderr().includes('config reload refused'), 5000);
      expect(serve.stderr()).toContain('services[0].monitors[0].interval: invalid duration "3x"');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      // A valid one is applied: one monitor added, the other unchanged.
      await writeFile(config, configYaml(targetUrl, ['one', 'two']));
      serve.child.kill('SIGHUP');
      await until(() => serve.stderr().includes('1 monitors added, 0 changed, 0 removed'), 5000);

      serve.child.kill('SIGTERM');
      const { code, afterMs } = await serve.exit;
      expect(code).toBe(0);
      expect(afterMs).toBeLessThan(10_000);
      expect(serve.stderr()).toContain('slawatch stopped');
    } finally {
      serve.child.kill('SIGKILL');
    }
  });

  it('renders its pages when started from another folder (the JSX settings come with the bin)', async () => {
    const config = join(dir, 'slawatch.yaml');
    await writeFile(config, configYaml(targetUrl, ['one']));
    const serve = spawnServe(['--config', config, '--port', '0'], db.url, dir);
    try {
      const res = await fetch(`${await serve.url}/login`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('name="password"');
    } finally {
      serve.child.kill('SIGKILL');
    }
  });

  it('refuses to listen beyond loopback while no admin account exists', async () => {
    const config = join(dir, 'slawatch.yaml');
    await writeFile(config, configYaml(targetUrl, ['one']));
    const serve = spawnServe(['--config', config, '--host', '0.0.0.0', '--port', '0'], db.url);
    const { code } = await serve.exit;
    expect(code).toBe(1);
    expect(serve.stderr()).toContain(
      'refusing to listen on 0.0.0.0: no admin account exists yet, so nobody could sign in.',
    );
  });
});
