// What pages and the read-only API need from the composition root: the store, the current config
// (read per request, so a reload shows at once), the clock, the bundled web assets and the report
// cache. createApp mounts pages and the API only when it is given these.
import type { Store } from '../../db/store.ts';
import type { SlawatchConfig } from '../config/types.ts';
import type { ReportCache } from './report-cache.ts';
import type { WebAssets } from './web-assets.ts';

export interface PageDeps {
  store: Store;
  config: () => SlawatchConfig;
  nowMs: () => number;
  assets: WebAssets;
  reports: ReportCache;
  /** How often open pages poll for fresh content; default 30 s. */
  liveIntervalSeconds?: number;
}
