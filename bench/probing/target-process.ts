// Starts the probing benchmark's target (target-server.ts) in a child process and stops it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoDir } from '../lib/cache.ts';

export interface Target {
  /** http://127.0.0.1:PORT */
  origin: string;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./target-server.ts', import.meta.url));

export function startTarget(): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the probing target exited with ${code} before listening`)));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (!m) return;
      resolve({
        origin: `http://127.0.0.1:${m[1]}`,
        async stop() {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}
