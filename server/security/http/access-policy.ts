// Who may call what (SPEC §6), as one table: the first rule whose pattern matches the path wins;
// a path no rule names needs a signed-in account — viewers read (GET, HEAD), editors change
// (any other method) — so a route added later is protected without being listed here (deny by
// default). API tokens work on /api/ and /metrics only, with the scope the rule names.
import type { Role, TokenScope } from '../../../db/security-store.ts';

export type Access =
  /** Anyone (push with its monitor's token, status pages, /healthz, sign-in). */
  | { kind: 'public' }
  /** Public unless `security.metrics_token`; then a read token or a viewer. */
  | { kind: 'metrics' }
  | { kind: 'account'; role: Role; scope: TokenScope | null }
  /** Machines only: an API token with this scope (a signed-in person gets 403). */
  | { kind: 'token'; scope: TokenScope };

interface Rule {
  pattern: RegExp;
  /** Methods it covers; default all. */
  methods?: readonly string[];
  access: (method: string) => Access;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';
const publicAccess = (): Access => ({ kind: 'public' });
const adminOnly = (): Access => ({ kind: 'account', role: 'admin', scope: null });
const byMethod = (method: string): Access =>
  isRead(method)
    ? { kind: 'account', role: 'viewer', scope: 'read' }
    : { kind: 'account', role: 'editor', scope: 'write' };

export const accessRules: readonly Rule[] = [
  { pattern: /^\/healthz$/, access: publicAccess },
  { pattern: /^\/metrics$/, access: () => ({ kind: 'metrics' }) },
  { pattern: /^\/api\/v1\/push(\/|$)/, access: publicAccess },
  // Public status pages (SPEC §5) and the static bundles every page (the login page too) loads.
  { pattern: /^\/status(\/|$)/, methods: ['GET', 'HEAD'], access: publicAccess },
  { pattern: /^\/assets\//, methods: ['GET', 'HEAD'], access: publicAccess },
  { pattern: /^\/(login|setup)(\/|$)/, access: publicAccess },
  { pattern: /^\/logout$/, access: () => ({ kind: 'account', role: 'viewer', scope: null }) },
  { pattern: /^\/account(\/|$)/, access: () => ({ kind: 'account', role: 'viewer', scope: null }) },
  // Alertmanager's webhook (its config token works too): a token with that scope.
  { pattern: /^\/api\/v1\/alertmanager(\/|$)/, access: () => ({ kind: 'token', scope: 'alertmanager' }) },
  // Users, tokens, the audit log and the configuration are the admins'.
  { pattern: /^\/admin(\/|$)/, access: adminOnly },
  { pattern: /^\/api\/v1\/(users|tokens|audit|config)(\/|$)/, access: adminOnly },
];

export function accessFor(method: string, path: string): Access {
  for (const rule of accessRules) {
    if (rule.pattern.test(path) && (!rule.methods || rule.methods.includes(method))) return rule.access(method);
  }
  return byMethod(method);
}

/** API paths answer 401/403 in JSON; everything else is a page (a redirect to /login). */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/metrics';
}
