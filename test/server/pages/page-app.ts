// An app with the dashboard mounted over a seeded store, a fixed clock and the real web bundle.
import { createApp } from '../../../server/app/create-app.ts';
import { createMetricsRegistry } from '../../../server/metrics/metrics-registry.ts';
import { createReportCache } from '../../../server/pages/report-cache.ts';
import { loadWebAssets } from '../../../server/pages/web-assets.ts';
import type { SlawatchConfig } from '../../../server/config/types.ts';
import type { Store } from '../../../db/store.ts';
import type { ErrorReport } from '../../../server/app/http-errors.ts';

/** 2026-01-10 12:00 JST: the year 2025 is over in every timezone. */
export const pageNowMs = Date.parse('2026-01-10T12:00:00+09:00');

export async function pageApp(store: Store, config: SlawatchConfig, nowMs = pageNowMs) {
  const errors: ErrorReport[] = [];
  const app = createApp({
    registry: createMetricsRegistry({ processMetrics: false }),
    pushMonitors: () => [],
    recordPush: () => false,
    health: () => ({ ok: true, detail: 'test' }),
    nowMs: () => nowMs,
    reportError: (r) => errors.push(r),
    // Page tests are about the pages; test/server/security covers access control.
    security: null,
    // The communication routes too, so the API's OpenAPI document and its routes can be compared whole.
    comms: {
      store,
      services: () =>
        config.services.map((svc) => ({
          spec: svc.spec,
          notifyCustomers: svc.notifyCustomers,
          statusPage: svc.statusPage,
        })),
      nowMs: () => nowMs,
      alertmanager: () => config.alertmanager,
    },
    pages: {
      store,
      config: () => config,
      nowMs: () => nowMs,
      assets: await loadWebAssets(),
      reports: createReportCache({ store, nowMs: () => nowMs }),
    },
  });
  return { app, errors };
}
