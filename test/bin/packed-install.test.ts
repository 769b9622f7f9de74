// The package as a user installs it: `npm pack` (prepack builds dist/), the tarball installed into
// an empty folder far from this checkout, and there the `slawatch` command answers --help, checks a
// config and serves a healthy /healthz on plain node, with no tsx, TypeScript or esbuild installed.
// The one test that runs the built program; every other test runs the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli } from '../../server/cli/main.ts';
import { loadWebAssets } from '../../server/pages/web-assets.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const specExample = fileURLToPath(new URL('../fixtures/config/spec-example.yaml', import.meta.url));
const specExampleEnv = {
  BACKUP_PUSH_TOKEN: 'abcdefghijklmnop1234',
  SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/x',
  SMTP_URL: 'smtp://127.0.0.1:25',
};
const oneMonitorYaml = `services:
  - id: shop
    monitors:
      - { id: web, type: http, url: "http://127.0.0.1:9/", interval: 30s, timeout: 1s }
`;

/** What the sources print for the same arguments, run in this process. */
async function fromSources(args: string[], env: Record<string, string>) {
  let stdout = '';
  const out = new Writable({ write: (chunk, _enc, done) => ((stdout += String(chunk)), done()) });
  const code = await runCli(args, { stdout: out, stderr: out, env });
  return { code, stdout };
}

describe('the packed package, installed into an empty folder', () => {
  let dir: string;
  let app: string;
  const npx = (args: string[], env: Record<string, string> = {}) =>
    run('npx', ['--no', '--', 'slawatch', ...args], { cwd: app, env: { ...process.env, ...env } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slawatch-pack-'));
    app = join(dir, 'app');
    await run('npm', ['pack', '--pack-destination', dir], { cwd: repo, maxBuffer: 64 << 20 });
    const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    await mkdir(app);
    await writeFile(join(app, 'package.json'), '{ "name": "slawatch-install-check", "private": true }\n');
    // From npm's cache when it holds everything; better-sqlite3 compiles when no prebuilt binary is reachable.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball!)], {
      cwd: app,
      maxBuffer: 64 << 20,
    });
  }, 480_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds the built program and its migrations, and neither sources, tests nor build tools', async () => {
    const installed = join(app, 'node_modules/slawatch');
    expect(existsSync(join(installed, 'dist/server/cli/entry.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/db/migrations/sqlite'))).toBe(true);
    expect(existsSync(join(installed, 'dist/db/migrations/postgres'))).toBe(true);
    const own = (await readdir(installed, { recursive: true })).filter((f) => !f.startsWith('node_modules'));
    expect(own.filter((f) => /\.tsx?$/.test(f) || /^(test|bench|server|web|db|sla|jobs|pipeline)\//.test(f))).toEqual(
      [],
    );
    for (const tool of ['tsx', 'typescript', 'esbuild'])
      expect(existsSync(join(app, 'node_modules', tool))).toBe(false);
  });

  it('answers --help with the usage the sources print', async () => {
    const { stdout } = await npx(['--help']);
    expect(stdout).toContain('usage: slawatch <command> [options]');
    expect(stdout).toBe((await fromSources(['--help'], {})).stdout);
  });

  it('checks a config as the sources do', async () => {
    const { stdout } = await npx(['check', '--config', specExample], specExampleEnv);
    // 27 × 30 s = 13.5 min of error against (1 − 0.9999) × 525,600 min = 52.56 min: verifiable.
    expect(stdout).toContain(
      'availability (row 5): downtime known within ±27 × 30 s = 13.5 min; ' +
        'the error budget of a year is 52.56 min: verifiable',
    );
    const sources = await fromSources(['check', '--config', specExample], specExampleEnv);
    expect(sources.code).toBe(0);
    expect(stdout).toBe(sources.stdout);
  });

  it('serves a healthy /healthz and the web bundle made at build time, and stops on SIGTERM', async () => {
    const config = join(app, 'slawatch.yaml');
    await writeFile(config, oneMonitorYaml);
    // The installed command itself, as a global install puts it on PATH: npx would not pass SIGTERM on.
    const child = spawn(join(app, 'node_modules/.bin/slawatch'), ['serve', '--config', config, '--port', '0'], {
      cwd: app,
      env: { ...process.env, DATABASE_URL: `file:${join(app, 'slawatch.db')}` },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += String(d);
          const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        void exit.then((code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)));
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true });
      // The bundle read from dist/ is byte for byte the one the sources make in memory: same names.
      const page = await (await fetch(`${url}/login`)).text();
      const sources = await loadWebAssets();
      expect(page).toContain(sources.scriptUrl);
      expect(page).toContain(sources.styleUrl);
      const script = await fetch(`${url}${sources.scriptUrl}`);
      expect(script.status).toBe(200);
      expect(await script.text()).toBe(sources.files.get(sources.scriptUrl.split('/').pop()!)!.body);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  });
});
