// Incidents changed by people (API and pages), SPEC §1: manual incidents, timeline notes and the
// "notify customers" action, plus what every person's action shares (maintenance-actions.ts,
// alert-actions.ts). Every change is recorded with who, when and what (db/comms-store.ts
// `changes`), in the same transaction as the change and the messages it queues; a failure is a value.
import type { Store } from '../db/store.ts';
import type { Change } from '../db/comms-store.ts';
import type { Incident, IncidentImpact, ServiceSpec } from '../sla/model.ts';
import type { Message } from './notifiers/message.ts';
import { enqueueMessage } from './notifiers/delivery.ts';
import {
  changesFigures,
  closedMonthsRefusal,
  closedMonthsTouched,
  describeChange,
  incidentSpans,
  refreezeAfterNotice,
  refreezeClosedMonths,
} from './closed-months.ts';
import { lockedIncident, lockedTransaction } from '../db/service-lock.ts';

export interface ActionContext {
  store: Store;
  nowMs: number;
  /** Who: the signed-in account or the API token's name, as the change log records it (SPEC §6). */
  actor: string;
  /** The configured service of an id (a change to a closed month measures it again with it). */
  serviceSpec: (serviceId: string) => ServiceSpec | undefined;
}

export interface ServiceChannels {
  spec: ServiceSpec;
  notifyCustomers: readonly string[];
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string };

export const fail = (status: 400 | 404 | 409, message: string): ActionResult<never> => ({ ok: false, status, message });
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function record(
  tx: Store,
  ctx: ActionContext,
  entity: Change['entity'],
  entityId: string,
  action: string,
  detail: Record<string, unknown>,
) {
  await tx.comms.recordChange({ timeMs: ctx.nowMs, actor: ctx.actor, entity, entityId, action, detail });
}

/** Field → [before, after] of what changed. */
export function diff<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) if (before[k] !== after[k]) out[String(k)] = [before[k] ?? null, after[k] ?? null];
  return out;
}

export interface IncidentFields {
  title: string;
  impact: IncidentImpact;
  startedAtMs: number;
  detectedAtMs: number | null;
  resolvedAtMs: number | null;
  cause: string | null;
}

function checkTimes(f: Pick<IncidentFields, 'startedAtMs' | 'detectedAtMs' | 'resolvedAtMs'>): string | null {
  if (f.resolvedAtMs !== null && f.resolvedAtMs < f.startedAtMs) return 'resolved_at must not be before started_at';
  if (f.detectedAtMs !== null && f.detectedAtMs < f.startedAtMs) return 'detected_at must not be before started_at';
  return null;
}

/** The reason as recorded: trimmed, and absent when blank. */
export const reasonDetail = (reason: string | null | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});

/** The API's schema says so too; a form post is held to the same. */
export const reasonProblem = (reason: string | null | undefined) =>
  (reason ?? '').length > 500 ? 'reason: at most 500 characters' : null;

/** `reason` is required when the incident lies in a closed month: that month is then measured again. */
export async function createManualIncident(
  ctx: ActionContext,
  serviceId: string,
  fields: IncidentFields,
  reason?: string | null,
): Promise<ActionResult<Incident & { id: string }>> {
  const problem = checkTimes(fields) ?? reasonProblem(reason);
  if (problem) return fail(400, problem);
  return lockedTransaction(ctx.store, [serviceId], async (tx) => {
    const closed = await closedMonthsTouched(
      tx,
      ctx.serviceSpec(serviceId),
      serviceId,
      incidentSpans(null, fields, ctx.nowMs),
    );
    const refused = closedMonthsRefusal(closed, serviceId, 'this incident', reason);
    if (refused) return fail(409, refused);
    const incident: Incident = { serviceId, notifiedAtMs: null, source: 'manual', ...fields };
    const [id] = await tx.insertIncidents([incident]);
    await record(tx, ctx, 'incident', id!, 'create', {
      title: fields.title,
      impact: fields.impact,
      startedAt: iso(fields.startedAtMs),
      resolvedAt: iso(fields.resolvedAtMs),
      ...reasonDetail(reason),
    });
    if (closed.months.length > 0) {
      const change = describeChange(`incident ${id} created`, {
        startedAtMs: [null, fields.startedAtMs],
        resolvedAtMs: [null, fields.resolvedAtMs],
        impact: [null, fields.impact],
      });
      await refreezeClosedMonths(tx, closed, { actor: ctx.actor, reason: reason!.trim(), change }, ctx.nowMs);
    }
    return { ok: true, value: { ...incident, id: id! } };
  });
}

/** Probe incidents open and close themselves: only their title, cause and impact are a person's to edit. */
const probeEditable = new Set<keyof IncidentFields>(['title', 'cause', 'impact']);

/** `reason` is required when the incident's span before or after lies in a closed month. */
export async function editIncident(
  ctx: ActionContext,
  id: string,
  patch: Partial<IncidentFields>,
  reason?: string | null,
): Promise<ActionResult<Incident & { id: string }>> {
  const tooLong = reasonProblem(reason);
  if (tooLong) return fail(400, tooLong);
  return ctx.store.transaction(async (tx) => {
    const before = await lockedIncident(tx, id);
    if (!before) return fail(404, `no incident has id ${id}`);
    if (before.source === 'probe') {
      const locked = Object.keys(patch).filter((k) => !probeEditable.has(k as keyof IncidentFields));
      if (locked.length > 0)
        return fail(409, `a probe incident's ${locked.join(', ')} come from its checks and cannot be edited`);
    }
    const after = { ...before, ...patch, id };
    const problem = checkTimes(after);
    if (problem) return fail(400, problem);
    const changed = diff(before, after, ['title', 'impact', 'startedAtMs', 'detectedAtMs', 'resolvedAtMs', 'cause']);
    if (Object.keys(changed).length === 0) return { ok: true, value: after };
    const closed = await closedMonthsTouched(
      tx,
      ctx.serviceSpec(before.serviceId),
      before.serviceId,
      changesFigures(changed) ? incidentSpans(before, after, ctx.nowMs) : [],
    );
    const refused = closedMonthsRefusal(closed, before.serviceId, `this change to incident ${id}`, reason);
    if (refused) return fail(409, refused);
    await tx.updateIncident(after);
    await record(tx, ctx, 'incident', id, 'edit', { ...changed, ...reasonDetail(reason) });
    if (closed.months.length > 0)
      await refreezeClosedMonths(
        tx,
        closed,
        { actor: ctx.actor, reason: reason!.trim(), change: describeChange(`incident ${id}`, changed) },
        ctx.nowMs,
      );
    return { ok: true, value: after };
  });
}

/**
 * A timeline note. Published (shown on the public status page) it is a customer notification:
 * the incident's notified_at is set if it was not (SPEC §1).
 */
export async function addIncidentNote(
  ctx: ActionContext,
  id: string,
  text: string,
  publish: boolean,
): Promise<ActionResult<{ noteId: string; notifiedAtMs: number | null }>> {
  return ctx.store.transaction(async (tx) => {
    const incident = await lockedIncident(tx, id);
    if (!incident) return fail(404, `no incident has id ${id}`);
    const noteId = await tx.comms.insertIncidentNote({
      incidentId: id,
      timeMs: ctx.nowMs,
      author: ctx.actor,
      text,
      publishedMs: publish ? ctx.nowMs : null,
    });
    await record(tx, ctx, 'incident', id, publish ? 'publish_note' : 'note', { noteId, text });
    let notifiedAtMs = incident.notifiedAtMs;
    if (publish && notifiedAtMs === null) {
      notifiedAtMs = ctx.nowMs;
      await tx.updateIncident({ ...incident, id, notifiedAtMs });
      await record(tx, ctx, 'incident', id, 'notified', { via: 'status page', notifiedAt: iso(notifiedAtMs) });
      await refreezeNotified(tx, ctx, { ...incident, id }, notifiedAtMs, 'a note published on the status page');
    }
    return { ok: true, value: { noteId, notifiedAtMs } };
  });
}

/** The incident's closed months, measured again now that its notified_at is set. */
async function refreezeNotified(
  tx: Store,
  ctx: ActionContext,
  incident: Incident & { id: string },
  notifiedAtMs: number,
  action: string,
) {
  const change = describeChange(`incident ${incident.id}`, { notifiedAtMs: [null, notifiedAtMs] });
  await refreezeAfterNotice(
    tx,
    ctx.serviceSpec(incident.serviceId),
    incident.serviceId,
    incidentSpans(null, incident, ctx.nowMs),
    { actor: ctx.actor, action, change },
    ctx.nowMs,
  );
}

export function incidentMessage(
  service: ServiceSpec,
  incident: Incident & { id: string },
  details: string | null,
): Message {
  const impact = incident.impact === 'outage' ? 'outage' : 'partial impairment';
  return {
    kind: 'incident',
    serviceId: service.id,
    serviceName: service.name,
    name: 'incident',
    severity: null,
    status: incident.resolvedAtMs === null ? 'firing' : 'resolved',
    claimId: null,
    summary: `${incident.title} (${impact}${incident.resolvedAtMs === null ? ', ongoing' : ', resolved'})`,
    subject: incident.id,
    startsAt: iso(incident.startedAtMs)!,
    endsAt: iso(incident.resolvedAtMs),
    details,
    repeat: false,
  };
}

/**
 * "Notify customers": queues the notice to the service's customer channels and records notified_at
 * (the first one only).
 */
export async function notifyCustomers(
  ctx: ActionContext,
  service: ServiceChannels,
  id: string,
  details: string | null,
): Promise<ActionResult<{ notifiedAtMs: number; queued: number }>> {
  if (service.notifyCustomers.length === 0)
    return fail(409, `service ${service.spec.id} has no notify_customers channels`);
  return ctx.store.transaction(async (tx) => {
    const incident = await lockedIncident(tx, id);
    if (!incident || incident.serviceId !== service.spec.id) return fail(404, `no incident has id ${id}`);
    const queued = await enqueueMessage(
      tx,
      service.notifyCustomers,
      `incident:${id}`,
      incidentMessage(service.spec, { ...incident, id }, details),
      ctx.nowMs,
    );
    const notifiedAtMs = incident.notifiedAtMs ?? ctx.nowMs;
    if (incident.notifiedAtMs === null) {
      await tx.updateIncident({ ...incident, id, notifiedAtMs });
      await refreezeNotified(tx, ctx, { ...incident, id }, notifiedAtMs, 'customers notified');
    }
    await record(tx, ctx, 'incident', id, 'notify_customers', {
      channels: [...service.notifyCustomers],
      details,
      notifiedAt: iso(notifiedAtMs),
    });
    return { ok: true, value: { notifiedAtMs, queued: queued.length } };
  });
}
