// Every (monitor, location) that a table keyed (monitor, location, time) holds for some monitors,
// found by a loose index scan: one index seek per location, never reading the rows in between
// (the PostgreSQL twin of db/sqlite/location-pairs.ts). Range queries join these pairs on the key;
// `location = ANY(every name)` instead probed each name for each monitor, O(fleet) per query.
import type { Sql } from './postgres-session.ts';

export function locationPairsCte(sql: Sql, table: 'checks' | 'segments', monitorKeys: string) {
  const t = sql(table);
  return sql`WITH RECURSIVE pairs(monitor, location) AS (
    SELECT m.id, (SELECT min(location) FROM ${t} WHERE monitor = m.id) FROM unnest(${monitorKeys}::int4[]) AS m(id)
    UNION ALL
    SELECT p.monitor, (SELECT min(x.location) FROM ${t} x WHERE x.monitor = p.monitor AND x.location > p.location)
    FROM pairs p WHERE p.location IS NOT NULL
  )`;
}
