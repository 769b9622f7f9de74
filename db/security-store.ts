// The console's security records (SPEC §6): accounts, password history, recovery codes, sessions,
// API tokens, sign-in failures and locks, and the audit log. The SQL is portable (drizzle's `sql`
// template, RETURNING), so one implementation runs on both dialects through the seam each store
// hands it (portable-sql.ts); one function per record family builds its part. Every secret
// arrives here already hashed.
import { type SQL, sql } from 'drizzle-orm';
import { assertTimeMs, parseStoreId } from './rows.ts';
import { num, type PortableDb, paramList, str, writeOne } from './portable-sql.ts';
import { auditFromRow, sessionFromRow, tokenFromRow, userFromRow } from './security-rows.ts';

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

export interface AccountRecords {
  createUser(user: Omit<User, 'id' | 'totpSecret' | 'totpEnabledMs' | 'totpLastStep'>): Promise<string>;
  getUser(id: string): Promise<User | null>;
  getUserByName(username: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  countAdmins(): Promise<number>;
  /** Writes every field but id, username and createdMs. */
  updateUser(user: User): Promise<void>;
  deleteUser(id: string): Promise<void>;
}

export interface CredentialRecords {
  addPasswordHistory(userId: string, passwordHash: string, changedMs: number): Promise<void>;
  /** Newest first. */
  listPasswordHistory(userId: string, limit: number): Promise<string[]>;

  replaceRecoveryCodes(userId: string, codeHashes: readonly string[]): Promise<void>;
  /** Marks an unused code used; false when there is none such. */
  useRecoveryCode(userId: string, codeHash: string, nowMs: number): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;
}

export interface SessionRecords {
  createSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  updateSession(session: Session): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  /** Deletes sessions last seen before idleBeforeMs or created before createdBeforeMs. */
  pruneSessions(idleBeforeMs: number, createdBeforeMs: number): Promise<number>;
}

export interface TokenRecords {
  createToken(token: Omit<ApiToken, 'id' | 'lastUsedMs' | 'revokedMs'>): Promise<string>;
  getTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  listTokens(): Promise<ApiToken[]>;
  revokeToken(id: string, nowMs: number): Promise<boolean>;
  touchToken(id: string, nowMs: number): Promise<void>;
}

export interface LockoutRecords {
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
}

export interface AuditRecords {
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<string>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  pruneAudit(beforeMs: number): Promise<number>;
}

export interface SecurityStore
  extends AccountRecords,
    CredentialRecords,
    SessionRecords,
    TokenRecords,
    LockoutRecords,
    AuditRecords {}

/** A store id as the integer key, or -1 (matches no row) for a malformed one. */
const key = (id: string): number => parseStoreId(id) ?? -1;

/** The `n` a `SELECT COUNT(*) AS n` reads. */
const count = async (db: PortableDb, query: SQL): Promise<number> => num((await db.read(query))[0]?.n ?? 0);

/** How many rows a `… RETURNING` write touched. */
const changed = async (db: PortableDb, query: SQL): Promise<number> => (await writeOne(db, query)).length;

/** An audited value as stored: JSON text, or NULL for none. */
const jsonText = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export function createSecurityStore(db: PortableDb): SecurityStore {
  return {
    ...accountRecords(db),
    ...credentialRecords(db),
    ...sessionRecords(db),
    ...tokenRecords(db),
    ...lockoutRecords(db),
    ...auditRecords(db),
  };
}

function accountRecords(db: PortableDb): AccountRecords {
  const userWhere = async (condition: SQL) => {
    const [row] = await db.read(sql`SELECT * FROM users WHERE ${condition}`);
    return row ? userFromRow(row) : null;
  };
  return {
    async createUser(u) {
      assertTimeMs(u.createdMs, 'createdMs');
      const [row] = await writeOne(
        db,
        sql`INSERT INTO users (username, role, password_hash, password_changed_ms, created_ms)
            VALUES (${paramList([u.username, u.role, u.passwordHash, u.passwordChangedMs, u.createdMs])}) RETURNING id`,
      );
      return str(row!.id);
    },
    getUser: (id) => userWhere(sql`id = ${key(id)}`),
    getUserByName: (username) => userWhere(sql`username = ${username}`),
    listUsers: async () => (await db.read(sql`SELECT * FROM users ORDER BY username`)).map(userFromRow),
    countAdmins: () => count(db, sql`SELECT COUNT(*) AS n FROM users WHERE role = 'admin'`),
    async updateUser(u) {
      await writeOne(
        db,
        sql`UPDATE users SET role = ${u.role}, password_hash = ${u.passwordHash},
              password_changed_ms = ${u.passwordChangedMs}, totp_secret = ${u.totpSecret},
              totp_enabled_ms = ${u.totpEnabledMs}, totp_last_step = ${u.totpLastStep}
            WHERE id = ${key(u.id)}`,
      );
    },
    async deleteUser(id) {
      await writeOne(db, sql`DELETE FROM users WHERE id = ${key(id)}`);
    },
  };
}

function credentialRecords(db: PortableDb): CredentialRecords {
  return {
    async addPasswordHistory(userId, passwordHash, changedMs) {
      await writeOne(
        db,
        sql`INSERT INTO password_history (user_id, password_hash, changed_ms)
            VALUES (${key(userId)}, ${passwordHash}, ${changedMs})`,
      );
    },
    async listPasswordHistory(userId, limit) {
      const rows = await db.read(
        sql`SELECT password_hash FROM password_history WHERE user_id = ${key(userId)}
            ORDER BY changed_ms DESC LIMIT ${Math.max(0, Math.trunc(limit))}`,
      );
      return rows.map((r) => str(r.password_hash));
    },
    async replaceRecoveryCodes(userId, codeHashes) {
      await db.write(async (run) => {
        await run(sql`DELETE FROM recovery_codes WHERE user_id = ${key(userId)}`);
        for (const hash of codeHashes)
          await run(sql`INSERT INTO recovery_codes (user_id, code_hash) VALUES (${key(userId)}, ${hash})`);
      });
    },
    async useRecoveryCode(userId, codeHash, nowMs) {
      const used = await changed(
        db,
        sql`UPDATE recovery_codes SET used_ms = ${nowMs}
            WHERE user_id = ${key(userId)} AND code_hash = ${codeHash} AND used_ms IS NULL RETURNING code_hash`,
      );
      return used === 1;
    },
    countUnusedRecoveryCodes: (userId) =>
      count(db, sql`SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ${key(userId)} AND used_ms IS NULL`),
  };
}

function sessionRecords(db: PortableDb): SessionRecords {
  return {
    async createSession(s) {
      const values = [s.idHash, key(s.userId), s.csrfToken, s.pending ? 1 : 0, s.createdMs, s.lastSeenMs, s.address];
      await writeOne(
        db,
        sql`INSERT INTO sessions (id_hash, user_id, csrf_token, pending, created_ms, last_seen_ms, address)
            VALUES (${paramList(values)})`,
      );
    },
    async getSession(idHash) {
      const [row] = await db.read(sql`SELECT * FROM sessions WHERE id_hash = ${idHash}`);
      return row ? sessionFromRow(row) : null;
    },
    async updateSession(s) {
      await writeOne(
        db,
        sql`UPDATE sessions SET csrf_token = ${s.csrfToken}, pending = ${s.pending ? 1 : 0},
              last_seen_ms = ${s.lastSeenMs}
            WHERE id_hash = ${s.idHash}`,
      );
    },
    async deleteSession(idHash) {
      await writeOne(db, sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
    },
    async deleteUserSessions(userId) {
      await writeOne(db, sql`DELETE FROM sessions WHERE user_id = ${key(userId)}`);
    },
    pruneSessions: (idleBeforeMs, createdBeforeMs) =>
      changed(
        db,
        sql`DELETE FROM sessions WHERE last_seen_ms < ${idleBeforeMs} OR created_ms < ${createdBeforeMs}
            RETURNING id_hash`,
      ),
  };
}

function tokenRecords(db: PortableDb): TokenRecords {
  return {
    async createToken(t) {
      const values = [t.name, t.tokenHash, t.scopes.join(','), t.createdBy, t.createdMs, t.expiresMs];
      const [row] = await writeOne(
        db,
        sql`INSERT INTO api_tokens (name, token_hash, scopes, created_by, created_ms, expires_ms)
            VALUES (${paramList(values)}) RETURNING id`,
      );
      return str(row!.id);
    },
    async getTokenByHash(tokenHash) {
      const [row] = await db.read(sql`SELECT * FROM api_tokens WHERE token_hash = ${tokenHash}`);
      return row ? tokenFromRow(row) : null;
    },
    listTokens: async () =>
      (await db.read(sql`SELECT * FROM api_tokens ORDER BY created_ms DESC, id DESC`)).map(tokenFromRow),
    revokeToken: async (id, nowMs) =>
      (await changed(
        db,
        sql`UPDATE api_tokens SET revoked_ms = ${nowMs} WHERE id = ${key(id)} AND revoked_ms IS NULL RETURNING id`,
      )) === 1,
    async touchToken(id, nowMs) {
      await writeOne(db, sql`UPDATE api_tokens SET last_used_ms = ${nowMs} WHERE id = ${key(id)}`);
    },
  };
}

function lockoutRecords(db: PortableDb): LockoutRecords {
  return {
    async recordFailure(keys, timeMs) {
      for (const k of keys)
        await writeOne(db, sql`INSERT INTO sign_in_failures (key, time_ms) VALUES (${k}, ${timeMs})`);
    },
    countFailures: (k, sinceMs) =>
      count(db, sql`SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ${k} AND time_ms >= ${sinceMs}`),
    async clearFailures(k) {
      await writeOne(db, sql`DELETE FROM sign_in_failures WHERE key = ${k}`);
    },
    pruneFailures: (beforeMs) =>
      changed(db, sql`DELETE FROM sign_in_failures WHERE time_ms < ${beforeMs} RETURNING id`),
    async setLock(k, untilMs) {
      await writeOne(
        db,
        sql`INSERT INTO sign_in_locks (key, until_ms) VALUES (${k}, ${untilMs})
            ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms`,
      );
    },
    async getLockUntil(k) {
      const [row] = await db.read(sql`SELECT until_ms FROM sign_in_locks WHERE key = ${k}`);
      return row ? num(row.until_ms) : null;
    },
    async deleteLock(k) {
      await writeOne(db, sql`DELETE FROM sign_in_locks WHERE key = ${k}`);
    },
    async listLocks(nowMs) {
      const rows = await db.read(sql`SELECT key, until_ms FROM sign_in_locks WHERE until_ms > ${nowMs} ORDER BY key`);
      return rows.map((r) => ({ key: str(r.key), untilMs: num(r.until_ms) }));
    },
  };
}

/** The conditions of an audit filter, joined with AND (true when there are none). */
function auditConditions(f: AuditFilter): SQL {
  const conditions: SQL[] = [];
  if (f.fromMs !== undefined) conditions.push(sql`time_ms >= ${f.fromMs}`);
  if (f.toMs !== undefined) conditions.push(sql`time_ms < ${f.toMs}`);
  if (f.actor) conditions.push(sql`actor = ${f.actor}`);
  // A prefix match without LIKE, so `_` and `%` in the filter are plain characters.
  if (f.action) conditions.push(sql`substr(action, 1, ${f.action.length}) = ${f.action}`);
  if (f.entity) conditions.push(sql`entity = ${f.entity}`);
  return conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` AND `);
}

function auditRecords(db: PortableDb): AuditRecords {
  return {
    async appendAudit(e) {
      assertTimeMs(e.timeMs, 'timeMs');
      const { timeMs, actor, address, action, entity, entityId } = e;
      const values = [timeMs, actor, address, action, entity, entityId, jsonText(e.before), jsonText(e.after)];
      const [row] = await writeOne(
        db,
        sql`INSERT INTO audit_log (time_ms, actor, address, action, entity, entity_id, before_json, after_json)
            VALUES (${paramList(values)}) RETURNING id`,
      );
      return str(row!.id);
    },
    async listAudit(f) {
      const rows = await db.read(
        sql`SELECT * FROM audit_log WHERE ${auditConditions(f)}
            ORDER BY time_ms DESC, id DESC LIMIT ${Math.max(1, Math.min(f.limit ?? 1000, 100_000))}`,
      );
      return rows.map(auditFromRow);
    },
    pruneAudit: (beforeMs) => changed(db, sql`DELETE FROM audit_log WHERE time_ms < ${beforeMs} RETURNING id`),
  };
}
