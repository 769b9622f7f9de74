// API tokens (SPEC §6): scoped (read, write, push, alertmanager), with an optional expiry, shown
// once at creation and stored as a SHA-256 digest; a request presents one as
// `Authorization: Bearer swt_…`. Creating and revoking are audited (name and scopes, never the value).
import { tokenScopes, type ApiToken, type TokenScope } from '../../db/security-store.ts';
import { recordAudit } from './audit.ts';
import { apiTokenPrefix, createApiTokenValue, sha256Hex } from './secrets.ts';
import type { Actor, SecurityDeps } from './security-deps.ts';

export function publicToken(t: ApiToken) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    createdBy: t.createdBy,
    created: iso(t.createdMs),
    expires: iso(t.expiresMs),
    lastUsed: iso(t.lastUsedMs),
    revoked: iso(t.revokedMs),
  };
}

export type CreateTokenResult = { ok: true; token: ApiToken; value: string } | { ok: false; errors: string[] };

export async function createApiToken(
  deps: SecurityDeps,
  input: { name: string; scopes: readonly string[]; expiresMs: number | null },
  actor: Actor,
): Promise<CreateTokenResult> {
  const errors: string[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > 64) errors.push('name: 1-64 characters');
  const unknown = input.scopes.filter((s) => !(tokenScopes as readonly string[]).includes(s));
  if (unknown.length > 0) errors.push(`scopes: unknown ${unknown.join(', ')} (use ${tokenScopes.join(', ')})`);
  if (input.scopes.length === 0) errors.push(`scopes: at least one of ${tokenScopes.join(', ')}`);
  const now = deps.nowMs();
  if (input.expiresMs !== null && !(input.expiresMs > now)) errors.push('expires: must be in the future');
  if (errors.length > 0) return { ok: false, errors };
  const value = createApiTokenValue();
  const scopes = [...new Set(input.scopes)] as TokenScope[];
  const id = await deps.store.security.createToken({
    name,
    tokenHash: sha256Hex(value),
    scopes,
    createdBy: actor.name,
    createdMs: now,
    expiresMs: input.expiresMs,
  });
  const token = (await deps.store.security.getTokenByHash(sha256Hex(value)))!;
  await recordAudit(deps, actor, { action: 'token.create', entity: 'token', entityId: id, after: publicToken(token) });
  return { ok: true, token, value };
}

/** The token a bearer value names, when it is neither revoked nor expired. */
export async function resolveApiToken(deps: SecurityDeps, value: string): Promise<ApiToken | null> {
  if (!value.startsWith(apiTokenPrefix) || value.length > 200) return null;
  const token = await deps.store.security.getTokenByHash(sha256Hex(value));
  const now = deps.nowMs();
  if (!token || token.revokedMs !== null || (token.expiresMs !== null && token.expiresMs <= now)) return null;
  if (token.lastUsedMs === null || now - token.lastUsedMs >= 60_000)
    await deps.store.security.touchToken(token.id, now);
  return token;
}

export async function revokeApiToken(deps: SecurityDeps, id: string, actor: Actor): Promise<boolean> {
  const before = (await deps.store.security.listTokens()).find((t) => t.id === id);
  if (!before || !(await deps.store.security.revokeToken(id, deps.nowMs()))) return false;
  await recordAudit(deps, actor, {
    action: 'token.revoke',
    entity: 'token',
    entityId: id,
    before: publicToken(before),
  });
  return true;
}
