// The console's cookies (SPEC §6): HttpOnly, SameSite=Strict, Path=/, and Secure with the
// `__Host-` prefix whenever the request came over HTTPS (or `security.session.secure_cookies`).
// The session cookie has no Max-Age: the server ends sessions by its own timeouts.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import './principal.ts';

export const sessionCookie = 'slawatch_session';
/** The double-submit CSRF token of forms shown before sign-in (the login and setup pages). */
export const preSessionCsrfCookie = 'slawatch_csrf';

function secure(c: Context, forceSecure: boolean): boolean {
  return forceSecure || c.get('secureRequest') === true;
}

const nameOf = (c: Context, base: string, forceSecure: boolean) => (secure(c, forceSecure) ? `__Host-${base}` : base);

export function readCookie(c: Context, base: string, forceSecure: boolean): string | undefined {
  return getCookie(c, nameOf(c, base, forceSecure));
}

export function writeCookie(c: Context, base: string, value: string, forceSecure: boolean): void {
  setCookie(c, nameOf(c, base, forceSecure), value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secure(c, forceSecure),
  });
}

export function clearCookie(c: Context, base: string, forceSecure: boolean): void {
  deleteCookie(c, nameOf(c, base, forceSecure), { path: '/', secure: secure(c, forceSecure) });
}
