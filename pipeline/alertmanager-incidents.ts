// Alertmanager alerts as incidents of source `alertmanager` (SPEC §4): a firing alert opens one
// incident per fingerprint and startsAt (a re-sent group repeats the alert; it must not open a
// second incident), a resolved one closes it at endsAt. All in one transaction. An alert that
// reaches into a closed month (reported late) measures that month again (pipeline/frozen-months.ts).
import type { IncidentImpact, ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { refreezeMonths } from './frozen-months.ts';
import { lockedTransaction } from '../db/service-lock.ts';

export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  fingerprint: string;
  serviceId: string;
  startsAtMs: number;
  /** Resolved alerts only. */
  endsAtMs: number | null;
  title: string;
  cause: string | null;
  impact: IncidentImpact;
}

export interface AlertmanagerOutcome {
  fingerprint: string;
  incidentId: string;
  action: 'opened' | 'unchanged' | 'resolved' | 'recorded_resolved';
}

export async function applyAlertmanagerAlerts(
  store: Store,
  alerts: readonly AlertmanagerAlert[],
  nowMs: number,
  serviceSpec: (serviceId: string) => ServiceSpec | undefined,
): Promise<AlertmanagerOutcome[]> {
  return lockedTransaction(
    store,
    alerts.map((a) => a.serviceId),
    async (tx) => {
      const out: AlertmanagerOutcome[] = [];
      // Frozen months the incident [start, end) touches.
      const refreeze = async (alert: AlertmanagerAlert, endMs: number | null, change: string) => {
        const spec = serviceSpec(alert.serviceId);
        if (!spec) return;
        await refreezeMonths(
          tx,
          spec,
          {
            serviceId: alert.serviceId,
            fromMs: alert.startsAtMs,
            toMs: endMs ?? nowMs,
            actor: 'alertmanager',
            reason: 'reported by Alertmanager after the month closed',
            change,
          },
          nowMs,
        );
      };
      for (const alert of alerts) {
        const existing = await tx.comms.findAlertmanagerIncident(alert.fingerprint, alert.startsAtMs);
        if (existing) {
          const incident = (await tx.comms.getIncident(existing))!;
          if (alert.status === 'resolved' && incident.resolvedAtMs === null) {
            const resolvedAtMs = Math.max(incident.startedAtMs, alert.endsAtMs ?? nowMs);
            await tx.updateIncident({ ...incident, id: existing, resolvedAtMs });
            await tx.comms.recordChange({
              timeMs: nowMs,
              actor: 'alertmanager',
              entity: 'incident',
              entityId: existing,
              action: 'resolve',
              detail: { fingerprint: alert.fingerprint, resolvedAt: new Date(resolvedAtMs).toISOString() },
            });
            // Open until now, it reached up to now: every month it did is measured again, not only those it ends up in.
            await refreeze(
              alert,
              null,
              `incident ${existing}: resolved_at — → ${new Date(resolvedAtMs).toISOString()} ` +
                `(fingerprint ${alert.fingerprint})`,
            );
            out.push({ fingerprint: alert.fingerprint, incidentId: existing, action: 'resolved' });
          } else {
            out.push({ fingerprint: alert.fingerprint, incidentId: existing, action: 'unchanged' });
          }
          continue;
        }
        const resolvedAtMs = alert.status === 'resolved' ? Math.max(alert.startsAtMs, alert.endsAtMs ?? nowMs) : null;
        const [id] = await tx.insertIncidents([
          {
            serviceId: alert.serviceId,
            startedAtMs: alert.startsAtMs,
            detectedAtMs: alert.startsAtMs,
            notifiedAtMs: null,
            resolvedAtMs,
            impact: alert.impact,
            source: 'alertmanager',
            title: alert.title,
            cause: alert.cause,
          },
        ]);
        await tx.comms.linkAlertmanagerIncident(alert.fingerprint, alert.startsAtMs, id!);
        await tx.comms.recordChange({
          timeMs: nowMs,
          actor: 'alertmanager',
          entity: 'incident',
          entityId: id!,
          action: 'create',
          detail: { fingerprint: alert.fingerprint, title: alert.title, status: alert.status },
        });
        await refreeze(
          alert,
          resolvedAtMs,
          `incident ${id!} created: ${alert.title}, started_at ${new Date(alert.startsAtMs).toISOString()} ` +
            `(fingerprint ${alert.fingerprint})`,
        );
        out.push({
          fingerprint: alert.fingerprint,
          incidentId: id!,
          action: resolvedAtMs === null ? 'opened' : 'recorded_resolved',
        });
      }
      return out;
    },
  );
}
