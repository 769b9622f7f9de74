// The IP allow-list (SPEC §6): with `security.allow_list` set, the console and the API answer 403
// to any other address. Public paths (push, status pages, /healthz, /metrics) stay reachable, since
// the services that push and the people who read a status page are elsewhere.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Cidr } from '../cidr.ts';
import { createAddressMatcher } from '../cidr.ts';
import { accessFor } from './access-policy.ts';
import './principal.ts';

export function allowList(options: { cidrs: () => readonly Cidr[] }): MiddlewareHandler {
  return async function allowList(c, next) {
    const cidrs = options.cidrs();
    const access = accessFor(c.req.method, c.req.path);
    if (
      cidrs.length > 0 &&
      (access.kind === 'account' || access.kind === 'token') &&
      !createAddressMatcher(cidrs)(c.get('clientAddress'))
    ) {
      throw new HTTPException(403, { message: 'your address is not on the allow-list' });
    }
    await next();
  };
}
