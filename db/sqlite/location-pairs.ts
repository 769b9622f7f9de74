// Every (monitor, location) that a table keyed (monitor, location, time) holds for some monitors,
// found by a loose index scan: one seek per location (`min(location) > previous`), never reading
// the rows in between. Range queries then join these pairs on the full key. Without it a query
// over several monitors either reads every row of each monitor or probes every name as a
// location (both grew with the fleet: O(monitors) per live check). The monitor keys are bound as
// one JSON array (@monitorKeys), so the statement is prepared once, whatever the keys.
export function locationPairsCte(table: 'checks' | 'segments'): string {
  return `WITH RECURSIVE pairs(monitor, location) AS (
    SELECT m.value, (SELECT min(location) FROM ${table} WHERE monitor = m.value) FROM json_each(@monitorKeys) AS m
    UNION ALL
    SELECT p.monitor, (SELECT min(t.location) FROM ${table} t WHERE t.monitor = p.monitor AND t.location > p.location)
    FROM pairs p WHERE p.location IS NOT NULL
  )`;
}
