// Acknowledge and silence a firing alert (SPEC §4), each recorded with who and when.
import { fail, iso, record, type ActionContext, type ActionResult } from './communications.ts';
import { lockedAlert } from '../db/service-lock.ts';

export async function acknowledgeAlert(
  ctx: ActionContext,
  id: string,
): Promise<ActionResult<{ acknowledgedAtMs: number }>> {
  return ctx.store.transaction(async (tx) => {
    const alert = await lockedAlert(tx, id);
    if (!alert) return fail(404, `no alert has id ${id}`);
    if (alert.status !== 'firing') return fail(409, `alert ${id} is already resolved`);
    if (alert.acknowledgedAtMs !== null) return { ok: true, value: { acknowledgedAtMs: alert.acknowledgedAtMs } };
    await tx.comms.updateAlert({ ...alert, acknowledgedAtMs: ctx.nowMs, acknowledgedBy: ctx.actor });
    await record(tx, ctx, 'alert', id, 'acknowledge', { key: alert.key });
    return { ok: true, value: { acknowledgedAtMs: ctx.nowMs } };
  });
}

/** Silences an alert until untilMs (nothing is sent meanwhile; a time in the past lifts the silence). */
export async function silenceAlert(
  ctx: ActionContext,
  id: string,
  untilMs: number,
): Promise<ActionResult<{ silencedUntilMs: number }>> {
  return ctx.store.transaction(async (tx) => {
    const alert = await lockedAlert(tx, id);
    if (!alert) return fail(404, `no alert has id ${id}`);
    if (alert.status !== 'firing') return fail(409, `alert ${id} is already resolved`);
    await tx.comms.updateAlert({ ...alert, silencedUntilMs: untilMs });
    await record(tx, ctx, 'alert', id, 'silence', { key: alert.key, until: iso(untilMs) });
    return { ok: true, value: { silencedUntilMs: untilMs } };
  });
}
