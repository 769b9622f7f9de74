// Per-claim gauges (SPEC §5 /metrics): measured value and bound in base units, status, error
// budget left, burn rates and open incidents. Values are read at scrape time through prom-client's
// `collect()` from a snapshot the caller keeps cached; evaluating claims is the evaluation tick's
// job, never a scrape's.
import { Counter, Gauge, type Registry } from 'prom-client';
import { claimStatuses } from '../../sla/claim-status.ts';
import type { ClaimSnapshot, ClaimValue } from './claim-snapshot.ts';

export type { ClaimSnapshot, ClaimValue } from './claim-snapshot.ts';

export interface ClaimMetricsOptions {
  /** The current snapshots, one per service (a service listed twice: the later values win). Must be cheap. */
  collect: () => Promise<readonly ClaimSnapshot[]>;
  /** A failed collect leaves the claim series out of that scrape (probe and process metrics stay). */
  onError?: (error: unknown) => void;
}

type Fill = (gauge: Gauge<string>, snapshot: ClaimSnapshot) => void;
const claimLabels = ['service', 'claim', 'metric'] as const;

export function createClaimMetrics(registry: Registry, options: ClaimMetricsOptions): void {
  const load = sharedLoad(options.collect, (error) => {
    errors.inc();
    options.onError?.(error);
  });
  const errors = new Counter({
    name: 'slawatch_claim_snapshot_errors_total',
    help: 'Scrapes whose claim snapshot could not be read.',
    registers: [registry],
    // Waits for this scrape's load, so a failure shows in the scrape it happened in.
    async collect() {
      await load();
    },
  });
  const gauge = (name: string, help: string, labelNames: readonly string[], fill: Fill) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const snapshots = await load();
        this.reset();
        for (const snapshot of snapshots) fill(this, snapshot);
      },
    });
  const perClaim =
    (fill: (g: Gauge<string>, labels: Record<string, string>, claim: ClaimValue) => void): Fill =>
    (g, s) => {
      for (const claim of s.claims)
        fill(g, { service: s.serviceId, claim: claim.claimId, metric: claim.metric }, claim);
    };

  gauge(
    'slawatch_claim_measured',
    'Measured value of a claim over its current period, in base units (ratio, seconds, count).',
    claimLabels,
    perClaim((g, labels, claim) => setFinite(g, labels, claim.measured)),
  );
  gauge(
    'slawatch_claim_bound',
    'Claimed bound of a claim, in base units (ratio, seconds, count).',
    claimLabels,
    perClaim((g, labels, claim) => setFinite(g, labels, claim.bound)),
  );
  gauge(
    'slawatch_claim_status',
    'Status of a claim over its current period: 1 for the current status, 0 for the others.',
    [...claimLabels, 'status'],
    perClaim((g, labels, claim) => {
      for (const status of claimStatuses) g.set({ ...labels, status }, status === claim.status ? 1 : 0);
    }),
  );
  gauge(
    'slawatch_error_budget_remaining_ratio',
    "Share of an availability claim's error budget for its whole period that is left (negative once overspent).",
    ['service', 'claim'],
    (g, s) => {
      for (const c of s.claims) setFinite(g, { service: s.serviceId, claim: c.claimId }, c.errorBudgetRemainingRatio);
    },
  );
  gauge(
    'slawatch_error_budget_burn_rate',
    "Rate at which an availability claim's error budget is being spent over a window (1 = exactly on budget).",
    ['service', 'claim', 'window'],
    (g, s) => {
      for (const c of s.claims) {
        for (const b of c.burnRates ?? [])
          setFinite(g, { service: s.serviceId, claim: c.claimId, window: b.window }, b.rate);
      }
    },
  );
  gauge('slawatch_open_incidents', 'Incidents of a service that are open now.', ['service'], (g, s) =>
    setFinite(g, { service: s.serviceId }, s.openIncidents),
  );
}

function setFinite(gauge: Gauge<string>, labels: Record<string, string>, value: number | null): void {
  if (value !== null && Number.isFinite(value)) gauge.set(labels, value);
}

/**
 * One call of `collect` per scrape: prom-client asks every metric at once, so all claim gauges
 * share the call in flight. A failure is reported once and reads as no snapshots.
 */
function sharedLoad(
  collect: () => Promise<readonly ClaimSnapshot[]>,
  onError: (error: unknown) => void,
): () => Promise<readonly ClaimSnapshot[]> {
  let inflight: Promise<readonly ClaimSnapshot[]> | null = null;
  return () => {
    inflight ??= Promise.resolve()
      .then(collect)
      .catch((error: unknown) => {
        onError(error);
        return [];
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
}
