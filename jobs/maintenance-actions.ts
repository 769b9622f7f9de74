// Maintenance windows written by people (SPEC §1, §5): create, edit and "announce" (sends to the
// customer channels and records announced_at). A window's notice decides what time it excludes
// (SPEC §2.6), so probe incidents are reconciled from the window on every change.
import type { Store } from '../db/store.ts';
import { reconcileProbeIncidents } from '../pipeline/reconcile-incidents.ts';
import type { Maintenance, MaintenanceKind, ServiceSpec } from '../sla/model.ts';
import type { Message } from './notifiers/message.ts';
import { enqueueMessage } from './notifiers/delivery.ts';
import {
  diff,
  fail,
  iso,
  reasonDetail,
  reasonProblem,
  record,
  type ActionContext,
  type ActionResult,
  type ServiceChannels,
} from './communications.ts';
import {
  changesFigures,
  closedMonthsRefusal,
  closedMonthsTouched,
  describeChange,
  refreezeAfterNotice,
  refreezeClosedMonths,
  windowSpans,
} from './closed-months.ts';
import { lockedTransaction } from '../db/service-lock.ts';

export interface MaintenanceFields {
  startMs: number;
  endMs: number;
  kind: MaintenanceKind;
  title: string;
  announcedAtMs: number | null;
}

async function reconcileAround(tx: Store, spec: ServiceSpec, windows: readonly Maintenance[], nowMs: number) {
  // Whether a window excludes time depends on its notice (SPEC §2.6): probe incidents are derived again from there.
  await reconcileProbeIncidents(tx, spec, Math.min(...windows.map((w) => w.startMs)), nowMs);
}

/** `reason` is required when the window lies in a closed month: that month is then measured again. */
export async function createMaintenance(
  ctx: ActionContext,
  spec: ServiceSpec,
  fields: MaintenanceFields,
  reason?: string | null,
): Promise<ActionResult<Maintenance & { id: string }>> {
  if (fields.endMs <= fields.startMs) return fail(400, 'end must be after start');
  const tooLong = reasonProblem(reason);
  if (tooLong) return fail(400, tooLong);
  return lockedTransaction(ctx.store, [spec.id], async (tx) => {
    const closed = await closedMonthsTouched(tx, spec, spec.id, windowSpans(null, fields));
    const refused = closedMonthsRefusal(closed, spec.id, 'this maintenance window', reason);
    if (refused) return fail(409, refused);
    const window: Maintenance = { serviceId: spec.id, ...fields };
    const [id] = await tx.insertMaintenance([window]);
    await reconcileAround(tx, spec, [window], ctx.nowMs);
    await record(tx, ctx, 'maintenance', id!, 'create', {
      title: fields.title,
      kind: fields.kind,
      start: iso(fields.startMs),
      end: iso(fields.endMs),
      announcedAt: iso(fields.announcedAtMs),
      ...reasonDetail(reason),
    });
    if (closed.months.length > 0) {
      const change = describeChange(`maintenance ${id} created`, {
        startMs: [null, fields.startMs],
        endMs: [null, fields.endMs],
        kind: [null, fields.kind],
      });
      await refreezeClosedMonths(tx, closed, { actor: ctx.actor, reason: reason!.trim(), change }, ctx.nowMs);
    }
    return { ok: true, value: { ...window, id: id! } };
  });
}

/** `reason` is required when the window before or after lies in a closed month. */
export async function editMaintenance(
  ctx: ActionContext,
  spec: ServiceSpec,
  id: string,
  patch: Partial<MaintenanceFields>,
  reason?: string | null,
): Promise<ActionResult<Maintenance & { id: string }>> {
  const tooLong = reasonProblem(reason);
  if (tooLong) return fail(400, tooLong);
  return lockedTransaction(ctx.store, [spec.id], async (tx) => {
    const before = await tx.comms.getMaintenance(id);
    if (!before || before.serviceId !== spec.id) return fail(404, `no maintenance window has id ${id}`);
    const after = { ...before, ...patch, id };
    if (after.endMs <= after.startMs) return fail(400, 'end must be after start');
    const changed = diff(before, after, ['startMs', 'endMs', 'kind', 'title', 'announcedAtMs']);
    if (Object.keys(changed).length === 0) return { ok: true, value: after };
    const closed = await closedMonthsTouched(
      tx,
      spec,
      spec.id,
      changesFigures(changed) ? windowSpans(before, after) : [],
    );
    const refused = closedMonthsRefusal(closed, spec.id, `this change to maintenance window ${id}`, reason);
    if (refused) return fail(409, refused);
    await tx.comms.updateMaintenance(after);
    await reconcileAround(tx, spec, [before, after], ctx.nowMs);
    await record(tx, ctx, 'maintenance', id, 'edit', { ...changed, ...reasonDetail(reason) });
    if (closed.months.length > 0)
      await refreezeClosedMonths(
        tx,
        closed,
        { actor: ctx.actor, reason: reason!.trim(), change: describeChange(`maintenance ${id}`, changed) },
        ctx.nowMs,
      );
    return { ok: true, value: after };
  });
}

export function maintenanceMessage(
  service: ServiceSpec,
  window: Maintenance & { id: string },
  details: string | null,
): Message {
  return {
    kind: 'maintenance',
    serviceId: service.id,
    serviceName: service.name,
    name: 'maintenance',
    severity: null,
    status: 'firing',
    claimId: null,
    summary:
      `${window.kind === 'downtime' ? 'Planned downtime' : 'Planned maintenance (no downtime)'}: ` +
      `${window.title} from ${iso(window.startMs)} to ${iso(window.endMs)}`,
    subject: window.id,
    startsAt: iso(window.startMs)!,
    endsAt: iso(window.endMs),
    details,
    repeat: false,
  };
}

/** "Announce": queues the notice to the customer channels and records announced_at (the first one only). */
export async function announceMaintenance(
  ctx: ActionContext,
  service: ServiceChannels,
  id: string,
  details: string | null,
): Promise<ActionResult<{ announcedAtMs: number; queued: number }>> {
  if (service.notifyCustomers.length === 0)
    return fail(409, `service ${service.spec.id} has no notify_customers channels`);
  return lockedTransaction(ctx.store, [service.spec.id], async (tx) => {
    const window = await tx.comms.getMaintenance(id);
    if (!window || window.serviceId !== service.spec.id) return fail(404, `no maintenance window has id ${id}`);
    const queued = await enqueueMessage(
      tx,
      service.notifyCustomers,
      `maintenance:${id}`,
      maintenanceMessage(service.spec, { ...window, id }, details),
      ctx.nowMs,
    );
    const announcedAtMs = window.announcedAtMs ?? ctx.nowMs;
    if (window.announcedAtMs === null) {
      await tx.comms.updateMaintenance({ ...window, id, announcedAtMs });
      await reconcileAround(tx, service.spec, [window], ctx.nowMs);
      const change = describeChange(`maintenance ${id}`, { announcedAtMs: [null, announcedAtMs] });
      await refreezeAfterNotice(
        tx,
        service.spec,
        service.spec.id,
        windowSpans(null, window),
        { actor: ctx.actor, action: 'maintenance announced', change },
        ctx.nowMs,
      );
    }
    await record(tx, ctx, 'maintenance', id, 'announce', {
      channels: [...service.notifyCustomers],
      details,
      announcedAt: iso(announcedAtMs),
    });
    return { ok: true, value: { announcedAtMs, queued: queued.length } };
  });
}
