// The push endpoint of push monitors (SPEC §1, §5): the watched job (a backup, a cron job) calls
// `GET|POST /api/v1/push/:token[?status=up|down&msg=…&ping=ms]` and the push is handed to the
// recorder. The token is the only credential: it is matched in constant time, an unknown one
// gets a 404 that says nothing more, and it never reaches a log or a response.
import { Hono, type HonoRequest } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { CheckStatus } from '../../sla/model.ts';
import { findByToken } from './push-token.ts';
import { parsePushParams } from './push-params.ts';
import type { PushTarget } from './push-targets.ts';

export type { PushTarget } from './push-targets.ts';

/** One push as the recorder receives it. */
export interface PushRecord {
  serviceId: string;
  monitorId: string;
  /** When the push arrived (epoch ms, the app's clock). */
  timeMs: number;
  status: CheckStatus;
  message: string | null;
  latencyMs: number | null;
}

/** false: the monitor is not (or no longer) scheduled here. */
export type RecordPushResult = boolean;

export interface PushRoutesDeps {
  /** Read on every request, so a config reload takes effect at once. */
  pushMonitors: () => readonly PushTarget[];
  /**
   * Hands the push to the recorder. `false` means the recorder no longer knows the monitor (a
   * reload removed it a moment ago): answered like an unknown token, since nothing was recorded.
   */
  recordPush: (push: PushRecord) => RecordPushResult | Promise<RecordPushResult>;
  nowMs: () => number;
  /** Largest body accepted (bytes); default 64 KiB. */
  maxBodyBytes?: number;
}

export const pushPathPrefix = '/api/v1/push';

export function createPushRoutes(deps: PushRoutesDeps): Hono {
  const app = new Hono();
  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes ?? 64 * 1024,
    onError: () => {
      throw new HTTPException(413, { message: 'the push body is too large' });
    },
  });
  app.on(['GET', 'POST'], '/:token', limit, async (c) => {
    // hono answers HEAD with the GET route; HEAD is a safe method (link checkers, prefetchers), so it records nothing.
    if (c.req.method === 'HEAD') throw new HTTPException(405, { message: 'push with GET or POST' });
    const timeMs = deps.nowMs();
    const target = findByToken(deps.pushMonitors(), c.req.param('token'));
    if (!target) throw new HTTPException(404, { message: 'unknown push token' });
    const parsed = parsePushParams({ ...c.req.query(), ...(await bodyParams(c.req)) });
    if (!parsed.ok) throw new HTTPException(400, { message: parsed.error });
    const recorded = await deps.recordPush({
      serviceId: target.serviceId,
      monitorId: target.monitorId,
      timeMs,
      ...parsed.params,
    });
    if (recorded === false) throw new HTTPException(404, { message: 'unknown push token' });
    return c.json({ ok: true });
  });
  return app;
}

/** A POST may carry the parameters as JSON or a form; any other body (plain text) is ignored. */
async function bodyParams(req: HonoRequest): Promise<Record<string, unknown>> {
  if (req.method !== 'POST') return {};
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const text = await req.text();
    if (text.trim() === '') return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HTTPException(400, { message: 'the body is not valid JSON' });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new HTTPException(400, { message: 'a JSON body must be an object' });
    }
    return value as Record<string, unknown>;
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    try {
      return await req.parseBody();
    } catch {
      throw new HTTPException(400, { message: 'the form body could not be read' });
    }
  }
  return {};
}
