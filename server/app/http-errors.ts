// The one error handler of the app (STYLE: hono's single HTTPException type and one onError).
// A route throws HTTPException(status, { message }) for an expected failure; the client gets
// `{ ok: false, error: message }` with that status. Anything else is a bug: the client gets a
// bare 500 and the error goes to `report` — never a stack trace in a response.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { redactPath } from './redact-path.ts';

export interface ErrorReport {
  error: unknown;
  method: string;
  /** The request path with secrets (push tokens) replaced. */
  path: string;
}

/** What a client is told when an HTTPException (e.g. from a hono middleware) carries no message. */
const statusMessages: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'payload too large',
  415: 'unsupported media type',
  429: 'too many requests',
};

export function createErrorHandler(report: (r: ErrorReport) => void): ErrorHandler {
  return function onError(error: unknown, c: Context) {
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      return c.json({ ok: false, error: error.message || statusMessages[status] || 'request failed' }, status);
    }
    report({ error, method: c.req.method, path: redactPath(c.req.path) });
    const status = error instanceof HTTPException ? (error.status as ContentfulStatusCode) : 500;
    return c.json({ ok: false, error: 'internal server error' }, status);
  };
}

export const notFound: NotFoundHandler = (c) => c.json({ ok: false, error: 'not found' }, 404);
