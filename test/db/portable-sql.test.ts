// The portable seam (db/portable-sql.ts) on both stores: placeholders come from the values a
// statement binds, never from its text, so a `?`, a `$1` or a quote — in stored text or in the
// statement itself — stays what it is.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortableDb } from '../../db/portable-sql.ts';
import { PortableStore } from '../../db/portable-store.ts';
import type { Store } from '../../db/store.ts';
import { openTestStore, testStores, type TestStore } from './test-stores.ts';

/** Everything a placeholder rewrite or hand-made quoting could trip on. */
const awkward = "what? $1 isn't '?' nor $2 -- ?";
const t0 = Date.UTC(2026, 0, 1);

function seamOf(store: Store): PortableDb {
  if (!(store instanceof PortableStore)) throw new Error(`the ${store.dialect} store has no portable seam`);
  return store.portable;
}

describe.each(testStores.map((f) => [f.title, f] as const))('%s portable SQL', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it('stores and reads back text with ?, $1 and quotes through the store methods', async () => {
    const { store } = db;
    await store.setMeta(awkward, awkward);
    expect(await store.getMeta(awkward)).toBe(awkward);

    const [id] = await store.insertIncidents([
      {
        serviceId: 'svc?',
        startedAtMs: t0,
        detectedAtMs: null,
        notifiedAtMs: null,
        resolvedAtMs: null,
        impact: 'outage',
        source: 'manual',
        title: awkward,
        cause: awkward,
      },
    ]);
    const [incident] = await store.listIncidents('svc?', t0, t0 + 1);
    expect(incident).toMatchObject({ id, title: awkward, cause: awkward });

    const noteId = await store.comms.insertIncidentNote({
      incidentId: id!,
      timeMs: t0,
      author: awkward,
      text: awkward,
      publishedMs: null,
    });
    expect(await store.comms.listIncidentNotes(id!)).toEqual([
      { id: noteId, incidentId: id, timeMs: t0, author: awkward, text: awkward, publishedMs: null },
    ]);
  });

  it('keeps a ? and a $1 written in the statement itself, binding the values around them', async () => {
    const seam = seamOf(db.store);
    // The key is part of the statement's text; the value is bound.
    await seam.write((run) => run(sql`INSERT INTO meta (key, value) VALUES ('why? $1', ${awkward})`));
    expect(await db.store.getMeta('why? $1')).toBe(awkward);

    const rows = await seam.read(
      sql`SELECT value, '?' AS mark, '$1' AS dollar FROM meta WHERE key = ${'why? $1'} AND value = ${awkward}`,
    );
    expect(rows).toEqual([{ value: awkward, mark: '?', dollar: '$1' }]);
  });

  // A PostgreSQL operator: the case exists for that dialect only, so nothing is skipped on SQLite.
  if (factory.dialect === 'postgres')
    it('leaves PostgreSQL’s jsonb ? operator an operator', async () => {
      // {"a": 1} has the key a and not the key b.
      const [row] = await seamOf(db.store).read(
        sql`SELECT ('{"a": 1}'::jsonb ? ${'a'}) AS has_a, ('{"a": 1}'::jsonb ? ${'b'}) AS has_b`,
      );
      expect(row).toEqual({ has_a: true, has_b: false });
    });
});
