// Reports for pages and the API, cached briefly so that an open dashboard (and its live polling)
// costs the server one computation per service and period per `freshMs`, however many browsers
// watch it. A stale entry is served at once while it is recomputed in the background
// (stale-while-revalidate): a page never waits for a recomputation it has a recent answer for.
// Background recomputations run one at a time with a turn of the event loop between them: SQLite
// answers synchronously, so a burst of them would otherwise hold up every request meanwhile.
// Figures still come only from computeServiceReport; this only remembers them.
import type { ServiceSpec } from '../../sla/model.ts';
import type { ServiceReport } from '../../sla/service-report.ts';
import type { ClaimEvaluation } from '../../sla/claim-status.ts';
import type { Store } from '../../db/store.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';

export interface CachedReport {
  report: ServiceReport;
  evaluations: ClaimEvaluation[];
  /** The `now` the report was computed at. */
  nowMs: number;
}

export interface ReportCache {
  get(service: ServiceSpec, fromMs: number, toMs: number): Promise<CachedReport>;
}

export interface ReportCacheOptions {
  store: Store;
  nowMs: () => number;
  /** How long an answer is fresh; default 30 s (the pages' live refresh interval). */
  freshMs?: number;
  /** Entries kept (least recently used go first); default 20,000. */
  maxEntries?: number;
  /** The computation; default computeServiceReport (tests count calls). */
  compute?: typeof computeServiceReport;
}

interface Entry {
  computedAtMs: number;
  value: CachedReport | null;
  pending: Promise<CachedReport> | null;
}

export function createReportCache(options: ReportCacheOptions): ReportCache {
  const freshMs = options.freshMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 20_000;
  // Keyed by the spec object itself: a config reload makes new specs, so old answers fall away.
  const bySpec = new WeakMap<ServiceSpec, Map<string, Entry>>();
  const recent = new Map<string, { spec: ServiceSpec; key: string }>();

  const compute = (service: ServiceSpec, fromMs: number, toMs: number, entry: Entry): Promise<CachedReport> => {
    const nowMs = options.nowMs();
    entry.pending = (options.compute ?? computeServiceReport)(options.store, { service, fromMs, toMs, nowMs })
      .then(({ report, evaluations }) => {
        entry.value = { report, evaluations, nowMs };
        entry.computedAtMs = nowMs;
        return entry.value;
      })
      .finally(() => {
        entry.pending = null;
      });
    return entry.pending;
  };

  const touch = (service: ServiceSpec, key: string) => {
    const id = `${service.id}\u0000${key}`;
    recent.delete(id);
    recent.set(id, { spec: service, key });
    while (recent.size > maxEntries) {
      const [oldest, ref] = recent.entries().next().value as [string, { spec: ServiceSpec; key: string }];
      recent.delete(oldest);
      bySpec.get(ref.spec)?.delete(ref.key);
    }
  };

  // Stale entries waiting for their background recomputation, oldest first.
  const queue: { service: ServiceSpec; fromMs: number; toMs: number; entry: Entry }[] = [];
  const queued = new WeakSet<Entry>();
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await new Promise((resolve) => setImmediate(resolve));
        queued.delete(next.entry);
        if (next.entry.pending) continue;
        await compute(next.service, next.fromMs, next.toMs, next.entry).catch(() => undefined);
      }
    } finally {
      draining = false;
    }
  };

  return {
    async get(service, fromMs, toMs) {
      let entries = bySpec.get(service);
      if (!entries) {
        entries = new Map();
        bySpec.set(service, entries);
      }
      const key = `${fromMs}/${toMs}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { computedAtMs: 0, value: null, pending: null };
        entries.set(key, entry);
      }
      touch(service, key);
      if (entry.value && options.nowMs() - entry.computedAtMs < freshMs) return entry.value;
      if (entry.value) {
        if (!entry.pending && !queued.has(entry)) {
          queued.add(entry);
          queue.push({ service, fromMs, toMs, entry });
          void drain().finally(() => undefined);
        }
        return entry.value;
      }
      return entry.pending ?? compute(service, fromMs, toMs, entry);
    },
  };
}
