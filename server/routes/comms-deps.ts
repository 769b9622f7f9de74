// What the incident, maintenance and alert routes and pages share: the store, the services with
// their customer channels, the clock, the outbox kick, and who is acting.
import type { Context } from 'hono';
import { requestActor } from '../security/http/principal.ts';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import type { ServiceSpec } from '../../sla/model.ts';
import type { ActionContext, ActionResult, ServiceChannels } from '../../jobs/communications.ts';
import { parseInstantMs } from '../config/instants.ts';
import { formatZodIssues } from './validation.ts';

export interface CommsService extends ServiceChannels {
  statusPage: boolean;
}

export interface CommsDeps {
  store: Store;
  /** Read per request, so a config reload is seen at once. */
  services: () => readonly CommsService[];
  nowMs: () => number;
  /** Sends queued messages now rather than on the next delivery tick. */
  deliver?: () => void;
}

/** Only in an app without security (route tests): the actor the client names. */
export const actorHeader = 'x-slawatch-actor';

/** The configured spec of a service id, read from the current services (what ActionContext.serviceSpec wants). */
export const specLookup =
  (services: () => readonly { spec: ServiceSpec }[]) =>
  (id: string): ServiceSpec | undefined =>
    services().find((s) => s.spec.id === id)?.spec;

export function actionContext(c: Context, deps: CommsDeps): ActionContext {
  // The signed-in account or the API token (SPEC §6); never a name the client picks.
  const actor = requestActor(
    c.get('principal'),
    () => (c.req.header(actorHeader) ?? '').trim().slice(0, 100) || 'anonymous',
  );
  return { store: deps.store, nowMs: deps.nowMs(), actor, serviceSpec: specLookup(deps.services) };
}

export function serviceOf(deps: CommsDeps, id: string): CommsService {
  const service = deps.services().find((s) => s.spec.id === id);
  if (!service) throw new HTTPException(404, { message: `no service has id ${JSON.stringify(id)}` });
  return service;
}

export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new HTTPException(result.status, { message: result.message });
  return result.value;
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'the body is not valid JSON' });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HTTPException(400, { message: formatZodIssues(parsed.error) });
  return parsed.data;
}

/** An ISO 8601 instant with an offset, as epoch ms. */
export const instant = () =>
  z.string().transform((s, ctx) => {
    const ms = parseInstantMs(s);
    if (ms === null) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid instant ${JSON.stringify(s)} (use ISO 8601 with an offset, e.g. 2026-03-02T10:00:00+09:00)`,
      });
      return z.NEVER;
    }
    return ms;
  });

/** Why a change to a closed month is made; required when the change touches one. */
export const reason = () => z.string().max(500).nullable().optional();

/** The actions' own ISO instant (null stays null), so records and answers print times alike. */
export { iso } from '../../jobs/communications.ts';
