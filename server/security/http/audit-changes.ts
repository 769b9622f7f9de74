// The audit log's record of changes made through the app's own routes (SPEC §6: claims,
// incidents, maintenance, alerts …): each state-changing request to a path of a registered entity
// that succeeds (status below 400) is recorded with the acting principal, the address, and the
// entity as it was before and after the request (loaded through the entity's own reader). The
// security pages audit themselves (accounts.ts, api-tokens.ts) and are not listed.
import type { Context, MiddlewareHandler } from 'hono';
import { recordAudit } from '../audit.ts';
import type { SecurityDeps } from '../security-deps.ts';
import { actorName } from './principal.ts';

export interface AuditedEntity {
  /** Matches the request path; the first capture group, when present, is the entity's id. */
  pattern: RegExp;
  entity: string;
  /** The entity as stored (for before/after); absent: the request's answer stands for "after". */
  load?: (id: string, c: Context) => Promise<unknown>;
  /** For a create answered with a redirect to the new entity: its id in the Location. */
  createdId?: RegExp;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function auditChanges(
  deps: Pick<SecurityDeps, 'store' | 'nowMs'>,
  entities: readonly AuditedEntity[],
): MiddlewareHandler {
  return async function auditChanges(c, next) {
    if (safeMethods.has(c.req.method)) return next();
    const path = c.req.path;
    const match = entities.map((e) => ({ e, m: e.pattern.exec(path) })).find((x) => x.m);
    if (!match) return next();
    const id = match.m![1] ?? null;
    const load = match.e.load;
    const before = id !== null && load ? await load(id, c).catch(() => null) : null;
    await next();
    if (c.res.status >= 400) return;
    const createdId = id === null ? (match.e.createdId?.exec(c.res.headers.get('location') ?? '')?.[1] ?? null) : null;
    const afterId = id ?? createdId;
    const after = afterId !== null && load ? await load(afterId, c).catch(() => null) : await answerOf(c);
    if (load && JSON.stringify(before) === JSON.stringify(after)) return; // nothing changed (a preview, a no-op)
    const action = `${match.e.entity}.${verbOf(c.req.method, path, id)}`;
    await recordAudit(
      deps,
      { name: actorName(c.get('principal')), address: c.get('clientAddress') },
      { action, entity: match.e.entity, entityId: afterId ?? idOf(after), before, after },
    );
  };
}

/**
 * `create` for a POST to the collection, `update` for PATCH/PUT/POST to the item, the sub-action
 * otherwise (`notes`, `announce`).
 */
function verbOf(method: string, path: string, id: string | null): string {
  if (method === 'DELETE') return 'delete';
  if (id === null) return method === 'POST' ? 'create' : 'update';
  const tail = path.slice(path.indexOf(id) + id.length).replace(/^\/+/, '');
  return tail ? tail.replace(/\//g, '.') : 'update';
}

async function answerOf(c: Context): Promise<unknown> {
  if (!(c.res.headers.get('content-type') ?? '').includes('application/json')) return null;
  return c.res
    .clone()
    .json()
    .catch(() => null);
}

function idOf(value: unknown): string | null {
  const id =
    value && typeof value === 'object'
      ? ((value as { id?: unknown; incident?: { id?: unknown } }).id ??
        (value as { incident?: { id?: unknown } }).incident?.id)
      : undefined;
  return id === undefined || id === null ? null : String(id);
}
