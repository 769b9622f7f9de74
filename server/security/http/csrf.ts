// CSRF protection (SPEC §6) on every state-changing request a browser can send on its own: a
// session's requests carry its token (form field `_csrf` or header `X-CSRF-Token`); forms before
// sign-in carry the pre-session cookie's token (double submit). A cross-origin Origin is refused
// outright. Bearer-token calls are exempt (a browser never adds that header by itself), and so
// are the public API endpoints (push), which hold no session.
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { accessFor, isApiPath } from './access-policy.ts';
import './principal.ts';
import { sameSecret } from '../secrets.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(): MiddlewareHandler {
  return async function csrfProtection(c, next) {
    const principal = c.get('principal');
    const access = accessFor(c.req.method, c.req.path);
    const exempt =
      safeMethods.has(c.req.method) ||
      principal.kind === 'token' ||
      (access.kind === 'public' && isApiPath(c.req.path));
    if (!exempt) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null' && new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host)) {
        throw new HTTPException(403, { message: 'cross-origin request refused' });
      }
      const sent =
        c.req.header('x-csrf-token') ?? (await formField(c.req.header('content-type'), () => c.req.parseBody()));
      if (!matches(sent, c.get('csrfToken')))
        throw new HTTPException(403, { message: 'CSRF token missing or wrong: reload the page and try again' });
    }
    await next();
  };
}

async function formField(
  contentType: string | undefined,
  parse: () => Promise<Record<string, unknown>>,
): Promise<string | undefined> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType ?? '')) return undefined;
  const value = (await parse())._csrf;
  return typeof value === 'string' ? value : undefined;
}

function matches(sent: string | undefined, expected: string | undefined): boolean {
  return !!sent && !!expected && sameSecret(sent, expected);
}
