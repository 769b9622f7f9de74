// Rows of the security tables (db/security-store.ts) and their mapping to the domain types. Both
// dialects return them alike (PostgreSQL's int8 is read as a number).
import { num, numOrNull, type SqlRow, str, strOrNull } from './portable-sql.ts';
import type { ApiToken, AuditEntry, Role, Session, TokenScope, User } from './security-store.ts';

const jsonOrNull = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(String(v)));

export function userFromRow(r: SqlRow): User {
  return {
    id: str(r.id),
    username: str(r.username),
    role: str(r.role) as Role,
    passwordHash: str(r.password_hash),
    passwordChangedMs: num(r.password_changed_ms),
    totpSecret: strOrNull(r.totp_secret),
    totpEnabledMs: numOrNull(r.totp_enabled_ms),
    totpLastStep: numOrNull(r.totp_last_step),
    createdMs: num(r.created_ms),
  };
}

export function sessionFromRow(r: SqlRow): Session {
  return {
    idHash: str(r.id_hash),
    userId: str(r.user_id),
    csrfToken: str(r.csrf_token),
    pending: num(r.pending) === 1,
    createdMs: num(r.created_ms),
    lastSeenMs: num(r.last_seen_ms),
    address: str(r.address),
  };
}

export function tokenFromRow(r: SqlRow): ApiToken {
  return {
    id: str(r.id),
    name: str(r.name),
    tokenHash: str(r.token_hash),
    scopes: str(r.scopes).split(',').filter(Boolean) as TokenScope[],
    createdBy: str(r.created_by),
    createdMs: num(r.created_ms),
    expiresMs: numOrNull(r.expires_ms),
    lastUsedMs: numOrNull(r.last_used_ms),
    revokedMs: numOrNull(r.revoked_ms),
  };
}

export function auditFromRow(r: SqlRow): AuditEntry {
  return {
    id: str(r.id),
    timeMs: num(r.time_ms),
    actor: str(r.actor),
    address: str(r.address),
    action: str(r.action),
    entity: str(r.entity),
    entityId: strOrNull(r.entity_id),
    before: jsonOrNull(r.before_json),
    after: jsonOrNull(r.after_json),
  };
}
