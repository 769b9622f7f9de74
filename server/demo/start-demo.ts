// `slawatch serve --demo`: starts the simulated service and its backup job, and writes the demo
// config beside the database; the server then runs on it like on any config.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDemoTarget } from './demo-target.ts';
import { demoConfigYaml, demoPushToken } from './demo-config.ts';
import { demoStateAt } from './demo-script.ts';
import type { Log } from '../serve/logger.ts';

export interface RunningDemo {
  configPath: string;
  /** Starts the backup job's heartbeats to the server's push endpoint. */
  attach(serverUrl: string): void;
  stop(): Promise<void>;
}

export async function startDemo(log: Log, dataDir = 'data', nowMs: () => number = Date.now): Promise<RunningDemo> {
  const startedAtMs = nowMs();
  const target = await startDemoTarget(startedAtMs, nowMs);
  await mkdir(dataDir, { recursive: true });
  const configPath = join(dataDir, 'demo.yaml');
  await writeFile(configPath, demoConfigYaml(target.port, startedAtMs));
  log('info', `demo: simulated service on 127.0.0.1:${target.port}, config ${configPath}`);
  let pusher: NodeJS.Timeout | null = null;
  return {
    configPath,
    attach(serverUrl) {
      pusher = setInterval(() => {
        if (!demoStateAt((nowMs() - startedAtMs) / 1000).backupPushes) return;
        fetch(`${serverUrl}/api/v1/push/${demoPushToken}`, { method: 'POST' }).catch(() => undefined);
      }, 20_000);
    },
    async stop() {
      if (pusher) clearInterval(pusher);
      await target.close();
    },
  };
}
