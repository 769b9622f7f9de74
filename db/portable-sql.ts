// What the portable stores (db/comms-store.ts, db/security-store.ts) share: the executor each
// dialect's store hands them (`?` placeholders, RETURNING) and readers for its loosely typed
// cells (PostgreSQL's int8 may arrive as a string; Number() makes both dialects alike).

/** Runs one statement; reads and RETURNING statements give their rows. */
export type SqlExec = (
  sql: string,
  params: readonly unknown[],
  kind: 'read' | 'write',
) => Promise<Record<string, unknown>[]>;

export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
