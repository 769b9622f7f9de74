// Response headers of every answer (SPEC §6): a Content-Security-Policy without 'unsafe-inline'
// (pages load only our own script and style files), frame-ancestors 'none', nosniff, no referrer
// across origins, and HSTS when the request came over HTTPS. hono's secureHeaders writes them.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import './principal.ts';

export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): MiddlewareHandler {
  const plain = secureHeaders({
    contentSecurityPolicy,
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
  });
  const overTls = secureHeaders({
    contentSecurityPolicy,
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
  });
  return async function securityHeaders(c, next) {
    return (c.get('secureRequest') ? overTls : plain)(c, next);
  };
}
