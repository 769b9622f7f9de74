// The scheduled drift-alert evaluation (SPEC §4): for each service, measure what the rules need
// (burn rates over the windows, the current claims, open incidents, maintenance, push and TLS
// state), compute the active alerts (sla/alert-rules.ts), step the stored lifecycle
// (sla/alert-lifecycle.ts) and queue the messages — state and outbox in one transaction, so a
// restart resumes from the stored state and sends nothing twice.
import type { Store } from '../db/store.ts';
import type { CurrentClaim } from '../pipeline/current-claims.ts';
import { loadServiceTimeline, monitorLocations } from '../pipeline/service-timeline.ts';
import type { ServiceSpec } from '../sla/model.ts';
import { computeActiveAlerts, type ActiveAlert } from '../sla/alert-rules.ts';
import { computeBurnRates, longestBurnWindowMs, type BurnRatePair } from '../sla/burn-rates.ts';
import { stepAlerts, type AlertState } from '../sla/alert-lifecycle.ts';
import type { NotificationConfig } from './notifiers/channel-settings.ts';
import type { Message } from './notifiers/message.ts';
import { enqueueMessage } from './notifiers/delivery.ts';
import { lockedTransaction } from '../db/service-lock.ts';

export interface AlertSettings {
  budgetWindowMs: number;
  tlsExpiryWithinMs: number;
}

export interface AlertJobService {
  spec: ServiceSpec;
  notify: readonly string[];
}

export interface AlertJobInput {
  store: Store;
  services: readonly AlertJobService[];
  channels: readonly NotificationConfig[];
  settings: AlertSettings;
  nowMs: number;
  /** The claims of each service over their current periods (the runtime refreshes them). */
  claimsOf: (serviceId: string) => readonly CurrentClaim[];
  /** TLS monitors' earliest certificate expiry from their last probe. */
  certificates: ReadonlyMap<string, number>;
}

export interface AlertJobResult {
  sent: number;
}

export async function runAlertEvaluation(input: AlertJobInput): Promise<AlertJobResult> {
  let sent = 0;
  for (const service of input.services) {
    await new Promise((resolve) => setImmediate(resolve)); // let probe timers run between services
    const active = await activeAlertsOf(service.spec, input);
    // A TLS monitor not probed since this process started has no certificate to judge yet.
    const undetermined = new Set(
      service.spec.monitors
        .filter((m) => m.type === 'tls' && !input.certificates.has(m.id))
        .map((m) => `tls_expiring:${m.id}`),
    );
    sent += await stepService(input, service, active, undetermined);
  }
  return { sent };
}

async function activeAlertsOf(spec: ServiceSpec, input: AlertJobInput): Promise<ActiveAlert[]> {
  const { store, nowMs } = input;
  const fromMs = nowMs - longestBurnWindowMs(input.settings.budgetWindowMs);
  const [timeline, incidents, maintenance] = await Promise.all([
    loadServiceTimeline(store, spec, fromMs, nowMs),
    store.listIncidents(spec.id, fromMs, nowMs + 1),
    store.listMaintenance(spec.id, fromMs, nowMs + 400 * 86_400_000),
  ]);
  const burnRates = new Map<string, BurnRatePair[]>();
  for (const claim of spec.claims) {
    if (claim.metric !== 'availability') continue;
    burnRates.set(
      claim.id,
      computeBurnRates(claim, {
        service: spec,
        nowMs,
        timeline,
        incidents,
        maintenance,
        budgetWindowMs: input.settings.budgetWindowMs,
      }),
    );
  }
  // Every push monitor's saved state in one read (this runs every 5 s for every service).
  const pushes = spec.monitors.filter((m) => m.type === 'push');
  const states =
    pushes.length === 0
      ? []
      : await store.getLocationStates(pushes.map((m) => ({ monitorId: m.id, location: monitorLocations(m)[0]! })));
  const lastStatus = new Map(
    states.map((s) => [
      s.monitorId,
      (JSON.parse(s.stateJson) as { lastCheck: { status: string } | null }).lastCheck?.status,
    ]),
  );
  const pushMonitors = pushes.map((m) => ({ monitorId: m.id, overdue: lastStatus.get(m.id) === 'down' }));
  const certificates = spec.monitors
    .filter((m) => m.type === 'tls' && input.certificates.has(m.id))
    .map((m) => ({ monitorId: m.id, expiresAtMs: input.certificates.get(m.id)! }));
  return computeActiveAlerts({
    service: spec,
    nowMs,
    claims: input
      .claimsOf(spec.id)
      .map((c) => ({ evaluation: c.evaluation, coverage: c.report.figures.coverage, fromMs: c.fromMs, toMs: c.toMs })),
    burnRates,
    openIncidents: incidents.filter((i) => i.resolvedAtMs === null && i.startedAtMs <= nowMs),
    upcomingMaintenance: maintenance.filter((w) => w.endMs > nowMs),
    pushMonitors,
    certificates,
    tlsExpiryWithinMs: input.settings.tlsExpiryWithinMs,
  });
}

async function stepService(
  input: AlertJobInput,
  service: AlertJobService,
  active: ActiveAlert[],
  undetermined: ReadonlySet<string>,
): Promise<number> {
  const channels = input.channels
    .filter((c) => service.notify.includes(c.id))
    .map((c) => ({ id: c.id, repeatMs: c.repeatMs }));
  const step = async (store: Store) =>
    stepAlerts(
      await store.comms.listAlerts({ serviceId: service.spec.id, status: 'firing', limit: 10_000 }),
      active,
      channels,
      input.nowMs,
      undetermined,
    );
  // Most ticks change nothing (a send always changes its alert): a plain read decides that, so a
  // write transaction (SQLite's write lock) is taken only when there is something to write.
  if ((await step(input.store)).changed.length === 0) return 0;
  // Read again under the service's lock: an acknowledgement or another process may have changed it.
  return lockedTransaction(input.store, [service.spec.id], async (tx) => {
    const { changed, sends } = await step(tx);
    for (const state of changed) {
      if (state.id) await tx.comms.updateAlert(state as AlertState & { id: string });
      else state.id = await tx.comms.insertAlert(state);
    }
    const byKey = new Map(changed.map((s) => [s.key, s]));
    for (const send of sends) {
      const state = byKey.get(send.key)!;
      await enqueueMessage(
        tx,
        [send.channelId],
        `alert:${state.id}`,
        alertMessage(service.spec, state, send.repeat),
        input.nowMs,
      );
    }
    return sends.length;
  });
}

export function alertMessage(spec: ServiceSpec, state: AlertState, repeat: boolean): Message {
  return {
    kind: 'alert',
    serviceId: spec.id,
    serviceName: spec.name,
    name: state.name,
    severity: state.severity,
    status: state.status,
    claimId: state.claimId,
    summary: state.summary,
    subject: state.key,
    startsAt: new Date(state.firedAtMs).toISOString(),
    endsAt: state.resolvedAtMs === null ? null : new Date(state.resolvedAtMs).toISOString(),
    details: null,
    repeat,
  };
}
