// Access log middleware (STYLE: a middleware is a factory returning a named function). Paths are
// redacted, so a push token never reaches a log line; use this instead of hono's `logger()`.
import type { MiddlewareHandler } from 'hono';
import { redactPath } from './redact-path.ts';

export interface RequestLogEntry {
  method: string;
  /** Secrets replaced (redactPath). The query string is never included. */
  path: string;
  status: number;
  durationMs: number;
}

export interface RequestLogOptions {
  log: (entry: RequestLogEntry) => void;
  /** Monotonic ms for the duration; default performance.now. */
  monotonicMs?: () => number;
}

export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  return async function requestLog(c, next) {
    const startMs = monotonicMs();
    await next();
    options.log({
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      durationMs: monotonicMs() - startMs,
    });
  };
}
