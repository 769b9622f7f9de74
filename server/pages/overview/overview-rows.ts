// The overview's data: every service that matches the search and status filter, a page of them,
// each with its cached report for the selected period (cut in the service's own timezone).
import type { ClaimStatus } from '../../../sla/claim-status.ts';
import { claimStatuses } from '../../../sla/claim-status.ts';
import type { ServiceConfig } from '../../config/types.ts';
import type { CachedReport } from '../report-cache.ts';
import type { PageDeps } from '../page-deps.ts';
import { resolvePeriod, type PeriodSelection } from '../period-query.ts';
import { claimPeriodNow, claimViews, type ClaimView } from '../claim-views.ts';

export const overviewPageSize = 25;

export interface OverviewQuery {
  search: string;
  status: ClaimStatus | null;
  page: number;
}

export interface OverviewRow {
  service: ServiceConfig;
  /**
   * The report of the period for coverage: with no period selected, the availability claim's own
   * period when there is one.
   */
  report: CachedReport;
  /** Incidents open now, whenever they started. */
  openNow: number;
  /** Each claim over the period, or over its own current period when none is selected. */
  claims: ClaimView[];
}

export interface OverviewData {
  rows: OverviewRow[];
  total: number;
  page: number;
  pages: number;
  counts: Record<ClaimStatus, number>;
}

export function parseOverviewQuery(q: Record<string, string>): OverviewQuery {
  const status = (claimStatuses as readonly string[]).includes(q.status ?? '') ? (q.status as ClaimStatus) : null;
  const page = Math.max(1, Math.floor(Number(q.page) || 1));
  return { search: (q.q ?? '').trim().slice(0, 100), status, page };
}

/** `nowMs`: the page's own clock reading (PageContext.nowMs), so the rows and the page agree on now. */
export async function loadOverview(
  deps: PageDeps,
  selection: PeriodSelection,
  query: OverviewQuery,
  nowMs: number,
): Promise<OverviewData> {
  const needle = query.search.toLowerCase();
  const services = deps
    .config()
    .services.filter(
      (s) => !needle || s.spec.id.toLowerCase().includes(needle) || s.spec.name.toLowerCase().includes(needle),
    );
  const rowOf = async (service: ServiceConfig, known?: ClaimView[]): Promise<OverviewRow> => {
    const availability = service.spec.claims.find((c) => c.metric === 'availability');
    const { fromMs, toMs } =
      selection.kind === 'current' && availability
        ? claimPeriodNow(availability, service.spec, nowMs)
        : resolvePeriod(selection, service.spec.timezone);
    const [report, claims, open] = await Promise.all([
      deps.reports.get(service.spec, fromMs, toMs),
      known ?? claimViews(deps.reports, service.spec, selection, nowMs),
      deps.store.listIncidents(service.spec.id, nowMs, nowMs + 1),
    ]);
    return {
      service,
      report,
      claims,
      openNow: open.filter((i) => i.resolvedAtMs === null && i.startedAtMs <= nowMs).length,
    };
  };
  // A status filter needs every matching service's claims; otherwise only the page's.
  let matching: { service: ServiceConfig; claims: ClaimView[] | undefined }[] = services.map((service) => ({
    service,
    claims: undefined,
  }));
  if (query.status) {
    const all = await Promise.all(services.map((s) => claimViews(deps.reports, s.spec, selection, nowMs)));
    matching = services
      .map((service, i) => ({ service, claims: all[i] }))
      .filter((r) => r.claims!.some((c) => c.evaluation.status === query.status));
  }
  const pages = Math.max(1, Math.ceil(matching.length / overviewPageSize));
  const page = Math.min(query.page, pages);
  const slice = matching.slice((page - 1) * overviewPageSize, page * overviewPageSize);
  const rows = await Promise.all(slice.map((r) => rowOf(r.service, r.claims)));
  const counts = Object.fromEntries(claimStatuses.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of rows) for (const c of row.claims) counts[c.evaluation.status]++;
  return { rows, total: matching.length, page, pages, counts };
}
