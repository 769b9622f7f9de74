// An app with fakes for what cannot matter here: the clock, the recorder, the health check.
import { createApp, type AppDeps } from '../../../server/app/create-app.ts';
import type { ErrorReport } from '../../../server/app/http-errors.ts';
import type { RequestLogEntry } from '../../../server/app/request-log.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import type { PushRecord, PushTarget } from '../../../server/routes/push.ts';

export const backupToken = 'backup-token-0123456789';
export const cronToken = 'cron_token-abcdefghijkl';
export const fixedNowMs = Date.UTC(2026, 5, 1, 3, 0, 0);

export function testApp(overrides: Partial<AppDeps> = {}) {
  const pushes: PushRecord[] = [];
  const logs: RequestLogEntry[] = [];
  const errors: ErrorReport[] = [];
  const targets: PushTarget[] = [
    { serviceId: 'shop', monitorId: 'backup', token: backupToken },
    { serviceId: 'batch', monitorId: 'cron', token: cronToken },
  ];
  const registry = createMetricsRegistry({ processMetrics: false });
  const app = createApp({
    registry,
    pushMonitors: () => targets,
    recordPush: (push) => {
      pushes.push(push);
      return true;
    },
    health: () => ({ ok: true, detail: 'store reachable; scheduler ticked 2s ago' }),
    nowMs: () => fixedNowMs,
    logRequest: (entry) => logs.push(entry),
    reportError: (report) => errors.push(report),
    // These tests are about the routes themselves; test/server/security covers access control.
    security: null,
    ...overrides,
  });
  return { app, registry, pushes, logs, errors, targets };
}
