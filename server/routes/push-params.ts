// The parameters a push may carry (the uptime-kuma convention, so existing cron wrappers work):
// `status` up|down (default up), `msg`, `ping` (latency in ms). Validated at the edge; unknown
// parameters are ignored, since wrappers often add their own.
import { z } from 'zod';
import type { CheckStatus } from '../../sla/model.ts';

export interface PushParams {
  status: CheckStatus;
  message: string | null;
  latencyMs: number | null;
}

/** A longer message is cut: a heartbeat is not a log shipper. */
export const maxPushMessageLength = 1024;

const scalar = (name: string) =>
  z.union([z.string(), z.number(), z.boolean()], { error: `${name} must be a single value` }).transform(String);
const badPing = 'ping must be a latency in milliseconds (a number ≥ 0)';

const pushParamsSchema = z.object({
  status: scalar('status')
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(['up', 'down'], { error: 'status must be "up" or "down"' }))
    .optional(),
  msg: scalar('msg').optional(),
  // An empty ping (`?ping=`, what a wrapper sends when it measured nothing) is no latency.
  ping: scalar('ping')
    .transform((s, ctx) => {
      if (s.trim() === '') return null;
      const ms = Number(s);
      if (Number.isFinite(ms) && ms >= 0) return ms;
      ctx.addIssue({ code: 'custom', message: badPing });
      return z.NEVER;
    })
    .optional(),
});

export type ParsedPushParams = { ok: true; params: PushParams } | { ok: false; error: string };

/** `raw` is the query parameters with the body's fields over them. */
export function parsePushParams(raw: Record<string, unknown>): ParsedPushParams {
  const parsed = pushParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => issue.message);
    return { ok: false, error: [...new Set(reasons)].join('; ') };
  }
  const { status, msg, ping } = parsed.data;
  const message = msg === undefined || msg.trim() === '' ? null : msg.slice(0, maxPushMessageLength);
  return { ok: true, params: { status: status ?? 'up', message, latencyMs: ping ?? null } };
}
