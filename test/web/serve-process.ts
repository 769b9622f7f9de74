// `slawatch serve` as a child process on port 0 over a prepared database, for browser tests.
import { spawn, type ChildProcess } from 'node:child_process';

const bin = new URL('../../bin/slawatch-dev.js', import.meta.url).pathname;

export interface ServeProcess {
  url: string;
  stderr: () => string;
  stop(): Promise<void>;
}

export async function startServe(configPath: string, databaseUrl: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'serve', '--config', configPath, '--host', '127.0.0.1', '--port', '0'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s:\n${stderr}`)), 30_000);
    child.stdout!.on('data', (d) => {
      stdout += String(d);
      const match = /serving on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)));
  });
  return {
    url,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
