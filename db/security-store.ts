// The console's security records (SPEC §6): accounts, password history, recovery codes, sessions,
// API tokens, sign-in failures and locks, and the audit log. The SQL is portable (`?`
// placeholders, RETURNING), so one implementation runs on both dialects through the small
// executor each store hands it. Every secret arrives here already hashed.
import { assertTimeMs, parseStoreId } from './rows.ts';
import { num, numOrNull, str, strOrNull, type SqlExec } from './portable-sql.ts';

export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const tokenScopes = ['read', 'write', 'push', 'alertmanager'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface User {
  id: string;
  username: string;
  role: Role;
  passwordHash: string;
  passwordChangedMs: number;
  totpSecret: string | null;
  /** When two-factor sign-in was switched on; null: off (a secret may be pending enrolment). */
  totpEnabledMs: number | null;
  totpLastStep: number | null;
  createdMs: number;
}

export interface Session {
  idHash: string;
  userId: string;
  csrfToken: string;
  /** The password was accepted and the TOTP step is still due. */
  pending: boolean;
  createdMs: number;
  lastSeenMs: number;
  address: string;
}

export interface ApiToken {
  id: string;
  name: string;
  tokenHash: string;
  scopes: TokenScope[];
  createdBy: string;
  createdMs: number;
  expiresMs: number | null;
  lastUsedMs: number | null;
  revokedMs: number | null;
}

export interface AuditEntry {
  id: string;
  timeMs: number;
  /** A username, `token:NAME`, `cli`, `config-file` or `anonymous`. */
  actor: string;
  address: string;
  /** e.g. `sign_in.success`, `user.create`, `incident.update`. */
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  fromMs?: number;
  toMs?: number;
  actor?: string;
  /** A prefix of the action, e.g. `sign_in`. */
  action?: string;
  entity?: string;
  limit?: number;
}

export interface SecurityStore {
  createUser(user: Omit<User, 'id' | 'totpSecret' | 'totpEnabledMs' | 'totpLastStep'>): Promise<string>;
  getUser(id: string): Promise<User | null>;
  getUserByName(username: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  countAdmins(): Promise<number>;
  /** Writes every field but id, username and createdMs. */
  updateUser(user: User): Promise<void>;
  deleteUser(id: string): Promise<void>;

  addPasswordHistory(userId: string, passwordHash: string, changedMs: number): Promise<void>;
  /** Newest first. */
  listPasswordHistory(userId: string, limit: number): Promise<string[]>;

  replaceRecoveryCodes(userId: string, codeHashes: readonly string[]): Promise<void>;
  /** Marks an unused code used; false when there is none such. */
  useRecoveryCode(userId: string, codeHash: string, nowMs: number): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;

  createSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  updateSession(session: Session): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  /** Deletes sessions last seen before idleBeforeMs or created before createdBeforeMs. */
  pruneSessions(idleBeforeMs: number, createdBeforeMs: number): Promise<number>;

  createToken(token: Omit<ApiToken, 'id' | 'lastUsedMs' | 'revokedMs'>): Promise<string>;
  getTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  listTokens(): Promise<ApiToken[]>;
  revokeToken(id: string, nowMs: number): Promise<boolean>;
  touchToken(id: string, nowMs: number): Promise<void>;

  recordFailure(keys: readonly string[], timeMs: number): Promise<void>;
  countFailures(key: string, sinceMs: number): Promise<number>;
  clearFailures(key: string): Promise<void>;
  /** Deletes failures older than beforeMs. */
  pruneFailures(beforeMs: number): Promise<number>;
  setLock(key: string, untilMs: number): Promise<void>;
  getLockUntil(key: string): Promise<number | null>;
  deleteLock(key: string): Promise<void>;
  /** Locks still in force at nowMs. */
  listLocks(nowMs: number): Promise<{ key: string; untilMs: number }[]>;

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<string>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  pruneAudit(beforeMs: number): Promise<number>;
}

const jsonOrNull = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(String(v)));

function userFromRow(r: Record<string, unknown>): User {
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

function sessionFromRow(r: Record<string, unknown>): Session {
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

function tokenFromRow(r: Record<string, unknown>): ApiToken {
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

function auditFromRow(r: Record<string, unknown>): AuditEntry {
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

/** A store id as the integer key, or -1 (matches no row) for a malformed one. */
const key = (id: string): number => parseStoreId(id) ?? -1;

export function createSecurityStore(sql: SqlExec): SecurityStore {
  const read = (text: string, ...params: unknown[]) => sql(text, params, 'read');
  const write = (text: string, ...params: unknown[]) => sql(text, params, 'write');
  const count = async (text: string, ...params: unknown[]) => num((await read(text, ...params))[0]?.n ?? 0);

  return {
    async createUser(u) {
      assertTimeMs(u.createdMs, 'createdMs');
      const rows = await write(
        'INSERT INTO users (username, role, password_hash, password_changed_ms, created_ms) VALUES (?, ?, ?, ?, ?) RETURNING id',
        u.username,
        u.role,
        u.passwordHash,
        u.passwordChangedMs,
        u.createdMs,
      );
      return str(rows[0]!.id);
    },
    async getUser(id) {
      const rows = await read('SELECT * FROM users WHERE id = ?', key(id));
      return rows[0] ? userFromRow(rows[0]) : null;
    },
    async getUserByName(username) {
      const rows = await read('SELECT * FROM users WHERE username = ?', username);
      return rows[0] ? userFromRow(rows[0]) : null;
    },
    async listUsers() {
      return (await read('SELECT * FROM users ORDER BY username')).map(userFromRow);
    },
    countAdmins: () => count("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'"),
    async updateUser(u) {
      await write(
        `UPDATE users SET role = ?, password_hash = ?, password_changed_ms = ?, totp_secret = ?, totp_enabled_ms = ?, totp_last_step = ?
         WHERE id = ?`,
        u.role,
        u.passwordHash,
        u.passwordChangedMs,
        u.totpSecret,
        u.totpEnabledMs,
        u.totpLastStep,
        key(u.id),
      );
    },
    async deleteUser(id) {
      await write('DELETE FROM users WHERE id = ?', key(id));
    },

    async addPasswordHistory(userId, passwordHash, changedMs) {
      await write(
        'INSERT INTO password_history (user_id, password_hash, changed_ms) VALUES (?, ?, ?)',
        key(userId),
        passwordHash,
        changedMs,
      );
    },
    async listPasswordHistory(userId, limit) {
      const rows = await read(
        'SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_ms DESC LIMIT ?',
        key(userId),
        Math.max(0, Math.trunc(limit)),
      );
      return rows.map((r) => str(r.password_hash));
    },

    async replaceRecoveryCodes(userId, codeHashes) {
      await write('DELETE FROM recovery_codes WHERE user_id = ?', key(userId));
      for (const hash of codeHashes)
        await write('INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)', key(userId), hash);
    },
    async useRecoveryCode(userId, codeHash, nowMs) {
      const rows = await write(
        'UPDATE recovery_codes SET used_ms = ? WHERE user_id = ? AND code_hash = ? AND used_ms IS NULL RETURNING code_hash',
        nowMs,
        key(userId),
        codeHash,
      );
      return rows.length === 1;
    },
    countUnusedRecoveryCodes: (userId) =>
      count('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_ms IS NULL', key(userId)),

    async createSession(s) {
      await write(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, pending, created_ms, last_seen_ms, address) VALUES (?, ?, ?, ?, ?, ?, ?)',
        s.idHash,
        key(s.userId),
        s.csrfToken,
        s.pending ? 1 : 0,
        s.createdMs,
        s.lastSeenMs,
        s.address,
      );
    },
    async getSession(idHash) {
      const rows = await read('SELECT * FROM sessions WHERE id_hash = ?', idHash);
      return rows[0] ? sessionFromRow(rows[0]) : null;
    },
    async updateSession(s) {
      await write(
        'UPDATE sessions SET csrf_token = ?, pending = ?, last_seen_ms = ? WHERE id_hash = ?',
        s.csrfToken,
        s.pending ? 1 : 0,
        s.lastSeenMs,
        s.idHash,
      );
    },
    async deleteSession(idHash) {
      await write('DELETE FROM sessions WHERE id_hash = ?', idHash);
    },
    async deleteUserSessions(userId) {
      await write('DELETE FROM sessions WHERE user_id = ?', key(userId));
    },
    async pruneSessions(idleBeforeMs, createdBeforeMs) {
      return (
        await write(
          'DELETE FROM sessions WHERE last_seen_ms < ? OR created_ms < ? RETURNING id_hash',
          idleBeforeMs,
          createdBeforeMs,
        )
      ).length;
    },

    async createToken(t) {
      const rows = await write(
        'INSERT INTO api_tokens (name, token_hash, scopes, created_by, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        t.name,
        t.tokenHash,
        t.scopes.join(','),
        t.createdBy,
        t.createdMs,
        t.expiresMs,
      );
      return str(rows[0]!.id);
    },
    async getTokenByHash(tokenHash) {
      const rows = await read('SELECT * FROM api_tokens WHERE token_hash = ?', tokenHash);
      return rows[0] ? tokenFromRow(rows[0]) : null;
    },
    async listTokens() {
      return (await read('SELECT * FROM api_tokens ORDER BY created_ms DESC, id DESC')).map(tokenFromRow);
    },
    async revokeToken(id, nowMs) {
      return (
        (
          await write(
            'UPDATE api_tokens SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL RETURNING id',
            nowMs,
            key(id),
          )
        ).length === 1
      );
    },
    async touchToken(id, nowMs) {
      await write('UPDATE api_tokens SET last_used_ms = ? WHERE id = ?', nowMs, key(id));
    },

    async recordFailure(keys, timeMs) {
      for (const k of keys) await write('INSERT INTO sign_in_failures (key, time_ms) VALUES (?, ?)', k, timeMs);
    },
    countFailures: (k, sinceMs) =>
      count('SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ? AND time_ms >= ?', k, sinceMs),
    async clearFailures(k) {
      await write('DELETE FROM sign_in_failures WHERE key = ?', k);
    },
    async pruneFailures(beforeMs) {
      return (await write('DELETE FROM sign_in_failures WHERE time_ms < ? RETURNING id', beforeMs)).length;
    },
    async setLock(k, untilMs) {
      await write(
        'INSERT INTO sign_in_locks (key, until_ms) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms',
        k,
        untilMs,
      );
    },
    async getLockUntil(k) {
      const rows = await read('SELECT until_ms FROM sign_in_locks WHERE key = ?', k);
      return rows[0] ? num(rows[0].until_ms) : null;
    },
    async deleteLock(k) {
      await write('DELETE FROM sign_in_locks WHERE key = ?', k);
    },
    async listLocks(nowMs) {
      const rows = await read('SELECT key, until_ms FROM sign_in_locks WHERE until_ms > ? ORDER BY key', nowMs);
      return rows.map((r) => ({ key: str(r.key), untilMs: num(r.until_ms) }));
    },

    async appendAudit(e) {
      assertTimeMs(e.timeMs, 'timeMs');
      const rows = await write(
        `INSERT INTO audit_log (time_ms, actor, address, action, entity, entity_id, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        e.timeMs,
        e.actor,
        e.address,
        e.action,
        e.entity,
        e.entityId,
        e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
        e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
      );
      return str(rows[0]!.id);
    },
    async listAudit(f) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.fromMs !== undefined) {
        where.push('time_ms >= ?');
        params.push(f.fromMs);
      }
      if (f.toMs !== undefined) {
        where.push('time_ms < ?');
        params.push(f.toMs);
      }
      if (f.actor) {
        where.push('actor = ?');
        params.push(f.actor);
      }
      // A prefix match without LIKE, so `_` and `%` in the filter are plain characters.
      if (f.action) {
        where.push('substr(action, 1, ?) = ?');
        params.push(f.action.length, f.action);
      }
      if (f.entity) {
        where.push('entity = ?');
        params.push(f.entity);
      }
      params.push(Math.max(1, Math.min(f.limit ?? 1000, 100_000)));
      const rows = await read(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time_ms DESC, id DESC LIMIT ?`,
        ...params,
      );
      return rows.map(auditFromRow);
    },
    async pruneAudit(beforeMs) {
      return (await write('DELETE FROM audit_log WHERE time_ms < ? RETURNING id', beforeMs)).length;
    },
  };
}
