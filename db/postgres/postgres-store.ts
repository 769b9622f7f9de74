// Store on PostgreSQL (postgres.js, opened by open-postgres.ts) over the tables of
// db/postgres/schema.ts. Transactions and names are postgres-session.ts; this file is the
// statements only PostgreSQL's store has (db/portable-store.ts holds those both share). Bulk
// writes unnest column arrays (pg-arrays.ts).
import type postgres from 'postgres';
import type { Check } from '../../sla/model.ts';
import type { LocationSegment } from '../../sla/segments.ts';
import type { CheckRollup, LocationStateRow, RollupSum, Store, TimelineUpdate } from '../store.ts';
import { NameCache } from '../name-cache.ts';
import { requireTransaction, type TransactionScope } from '../transaction-scope.ts';
import { PostgresSession } from './postgres-session.ts';
import {
  assertRollup,
  assertSegments,
  assertTimeMs,
  checkFromRow,
  compareByMonitorHour,
  compareByMonitorLocationStart,
  rollupFromRow,
  segmentFromRow,
  segmentStateCode,
  storedLatencyMs,
  type CheckRow,
  type RollupRow,
  type SegmentRow,
} from '../rows.ts';
import { splitWholeDays, sumCountsRows, sumHoursIntoDays, touchedDays, type CountsRow } from '../rollup-days.ts';
import { encodeLatencyCounts } from '../latency-codec.ts';
import { boolArray, byteaArray, intArray, textArray } from './pg-arrays.ts';
import { locationPairsCte } from './location-pairs.ts';

/** Rows per bulk statement: large enough to amortize the round trip, small enough to stream. */
const chunkRows = 5_000;

export class PostgresStore extends PostgresSession implements Store {
  readonly dialect = 'postgres' as const;

  /** A store over a pool connected to a migrated schema. */
  static over(pool: postgres.Sql): PostgresStore {
    return new PostgresStore({ pool, names: new NameCache() }, pool, null);
  }

  protected inScope(sql: postgres.TransactionSql, scope: TransactionScope): this {
    return new PostgresStore(this.shared, sql, scope) as this;
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.unit(fn);
  }

  async close(): Promise<void> {
    if (this.scope) throw new Error('close() the store, not a tx object');
    await this.shared.pool.end({ timeout: 5 });
  }

  // Raw checks.

  async insertChecks(checks: readonly Check[]): Promise<void> {
    if (checks.length === 0) return;
    for (const check of checks) assertTimeMs(check.timeMs, 'timeMs');
    await this.unit(async (tx) => {
      const keys = await tx.keysFor(checks.flatMap((c) => [c.monitorId, c.location]));
      // One statement may not upsert a row twice; as on SQLite, the last check of a key wins.
      const latest = new Map<string, number>();
      for (const [i, c] of checks.entries())
        latest.set(`${keys.get(c.monitorId)}:${keys.get(c.location)}:${c.timeMs}`, i);
      const rows =
        latest.size === checks.length ? checks : [...latest.values()].sort((a, b) => a - b).map((i) => checks[i]!);
      for (let start = 0; start < rows.length; start += chunkRows) {
        const chunk = rows.slice(start, start + chunkRows);
        await tx.sql`
          INSERT INTO checks (monitor, location, time_ms, up, latency_ms, detail)
          SELECT * FROM unnest(${intArray(chunk.map((c) => keys.get(c.monitorId)!))}::int4[],
                               ${intArray(chunk.map((c) => keys.get(c.location)!))}::int4[],
                               ${intArray(chunk.map((c) => c.timeMs))}::int8[],
                               ${boolArray(chunk.map((c) => c.status === 'up'))}::bool[],
                               ${intArray(chunk.map((c) => storedLatencyMs(c.latencyMs)))}::int4[],
                               ${textArray(chunk.map((c) => c.detail ?? null))}::text[])
          ON CONFLICT (monitor, location, time_ms) DO UPDATE
          SET up = excluded.up, latency_ms = excluded.latency_ms, detail = excluded.detail`;
      }
    });
  }

  async listMonitorChecks(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<Check[]> {
    const sql = this.reader();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return [];
    const rows = await sql<CheckRow[]>`
      ${locationPairsCte(sql, 'checks', monitors.keys)}
      SELECT c.monitor, c.location, c.time_ms, c.up, c.latency_ms, c.detail
      FROM pairs p JOIN checks c ON c.monitor = p.monitor AND c.location = p.location
      WHERE p.location IS NOT NULL AND c.time_ms >= ${fromMs} AND c.time_ms < ${toMs}
      ORDER BY c.time_ms, c.monitor, c.location`;
    const nameOf = await this.nameResolver(rows.map((row) => row.location));
    return rows.map((row) => checkFromRow(row, monitors.byKey.get(row.monitor)!, nameOf(row.location)));
  }

  async pruneChecks(beforeMs: number): Promise<number> {
    return this.unit(async (tx) => {
      const result = await tx.sql`
        DELETE FROM checks c USING rollups r
        WHERE c.time_ms < ${beforeMs} AND r.monitor = c.monitor
          AND r.hour_ms = c.time_ms - mod(mod(c.time_ms, 3600000) + 3600000, 3600000)`;
      return result.count;
    });
  }

  // Location timelines.

  async getLocationStates(keys: readonly { monitorId: string; location: string }[]): Promise<LocationStateRow[]> {
    const sql = this.reader();
    const known = await this.existingKeys(keys.flatMap((k) => [k.monitorId, k.location]));
    const pairs = keys.filter((k) => known.has(k.monitorId) && known.has(k.location));
    if (pairs.length === 0) return [];
    const rows = await sql<Array<{ monitor: number; location: number; last_check_ms: number; state_json: string }>>`
      SELECT s.monitor, s.location, s.last_check_ms, s.state_json
      FROM unnest(${intArray(pairs.map((p) => known.get(p.monitorId)!))}::int4[],
                  ${intArray(pairs.map((p) => known.get(p.location)!))}::int4[]) AS k(monitor, location)
      JOIN location_states s ON s.monitor = k.monitor AND s.location = k.location`;
    const nameOf = await this.nameResolver(rows.flatMap((row) => [row.monitor, row.location]));
    return rows.map((row) => ({
      monitorId: nameOf(row.monitor),
      location: nameOf(row.location),
      lastCheckMs: row.last_check_ms,
      stateJson: row.state_json,
    }));
  }

  async putLocationState(row: LocationStateRow): Promise<void> {
    assertTimeMs(row.lastCheckMs, 'lastCheckMs');
    await this.unit(async (tx) => {
      const keys = await tx.keysFor([row.monitorId, row.location]);
      await tx.sql`
        INSERT INTO location_states (monitor, location, last_check_ms, state_json)
        VALUES (${keys.get(row.monitorId)!}, ${keys.get(row.location)!}, ${row.lastCheckMs}, ${row.stateJson})
        ON CONFLICT (monitor, location) DO UPDATE
        SET last_check_ms = excluded.last_check_ms, state_json = excluded.state_json`;
    });
  }

  async replaceSegments(
    monitorId: string,
    location: string,
    fromMs: number,
    segments: readonly LocationSegment[],
  ): Promise<void> {
    assertSegments(monitorId, location, segments);
    await this.unit(async (tx) => {
      const keys = await tx.keysFor([monitorId, location]);
      const monitor = keys.get(monitorId)!;
      const loc = keys.get(location)!;
      await tx.sql`DELETE FROM segments WHERE monitor = ${monitor} AND location = ${loc} AND start_ms >= ${fromMs}`;
      await tx.sql`
        UPDATE segments SET end_ms = ${fromMs}
        WHERE monitor = ${monitor} AND location = ${loc} AND start_ms < ${fromMs} AND end_ms > ${fromMs}`;
      for (let start = 0; start < segments.length; start += chunkRows) {
        const chunk = segments.slice(start, start + chunkRows);
        await tx.sql`
          INSERT INTO segments (monitor, location, start_ms, end_ms, state, known_at_ms)
          SELECT ${monitor}::int4, ${loc}::int4, s, e, st, k
          FROM unnest(${intArray(chunk.map((s) => s.startMs))}::int8[], ${intArray(chunk.map((s) => s.endMs))}::int8[],
                      ${intArray(chunk.map((s) => segmentStateCode(s.state)))}::int2[],
                      ${intArray(chunk.map((s) => s.knownAtMs ?? null))}::int8[]) AS t(s, e, st, k)
          ON CONFLICT (monitor, location, start_ms) DO UPDATE
          SET end_ms = excluded.end_ms, state = excluded.state, known_at_ms = excluded.known_at_ms`;
      }
    });
  }

  async writeTimelines(updates: readonly TimelineUpdate[]): Promise<void> {
    for (const u of updates) {
      assertSegments(u.state.monitorId, u.state.location, u.segments);
      assertTimeMs(u.state.lastCheckMs, 'lastCheckMs');
    }
    if (updates.length === 0) return;
    await this.unit(async (tx) => {
      const keys = await tx.keysFor(updates.flatMap((u) => [u.state.monitorId, u.state.location]));
      for (let start = 0; start < updates.length; start += chunkRows) {
        const chunk = updates.slice(start, start + chunkRows);
        const monitors = intArray(chunk.map((u) => keys.get(u.state.monitorId)!));
        const locations = intArray(chunk.map((u) => keys.get(u.state.location)!));
        const froms = intArray(chunk.map((u) => u.fromMs));
        // replaceSegments for every location at once: the tail from fromMs goes, a segment spanning it is cut there.
        await tx.sql`
          DELETE FROM segments s
          USING unnest(${monitors}::int4[], ${locations}::int4[], ${froms}::int8[]) AS r(monitor, location, from_ms)
          WHERE s.monitor = r.monitor AND s.location = r.location AND s.start_ms >= r.from_ms`;
        await tx.sql`
          UPDATE segments s SET end_ms = r.from_ms
          FROM unnest(${monitors}::int4[], ${locations}::int4[], ${froms}::int8[]) AS r(monitor, location, from_ms)
          WHERE s.monitor = r.monitor AND s.location = r.location AND s.start_ms < r.from_ms AND s.end_ms > r.from_ms`;
        await tx.sql`
          INSERT INTO location_states (monitor, location, last_check_ms, state_json)
          SELECT * FROM unnest(${monitors}::int4[], ${locations}::int4[],
                               ${intArray(chunk.map((u) => u.state.lastCheckMs))}::int8[],
                               ${textArray(chunk.map((u) => u.state.stateJson))}::text[])
          ON CONFLICT (monitor, location) DO UPDATE
          SET last_check_ms = excluded.last_check_ms, state_json = excluded.state_json`;
      }
      const rows = updates.flatMap((u) =>
        u.segments.map((seg) => ({
          seg,
          monitor: keys.get(u.state.monitorId)!,
          location: keys.get(u.state.location)!,
        })),
      );
      for (let start = 0; start < rows.length; start += chunkRows) {
        const chunk = rows.slice(start, start + chunkRows);
        await tx.sql`
          INSERT INTO segments (monitor, location, start_ms, end_ms, state, known_at_ms)
          SELECT * FROM unnest(${intArray(chunk.map((r) => r.monitor))}::int4[],
                               ${intArray(chunk.map((r) => r.location))}::int4[],
                               ${intArray(chunk.map((r) => r.seg.startMs))}::int8[],
                               ${intArray(chunk.map((r) => r.seg.endMs))}::int8[],
                               ${intArray(chunk.map((r) => segmentStateCode(r.seg.state)))}::int2[],
                               ${intArray(chunk.map((r) => r.seg.knownAtMs ?? null))}::int8[])
          ON CONFLICT (monitor, location, start_ms) DO UPDATE
          SET end_ms = excluded.end_ms, state = excluded.state, known_at_ms = excluded.known_at_ms`;
      }
    });
  }

  async listSegments(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<LocationSegment[]> {
    const sql = this.reader();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return [];
    // A location's segments do not overlap: the only one starting at or before fromMs that can
    // reach past it is the last such; so the scan starts there, not at the location's first.
    const rows = await sql<SegmentRow[]>`
      ${locationPairsCte(sql, 'segments', monitors.keys)}
      SELECT s.monitor, s.location, s.start_ms, s.end_ms, s.state, s.known_at_ms
      FROM pairs p JOIN segments s ON s.monitor = p.monitor AND s.location = p.location
      WHERE p.location IS NOT NULL
        AND s.start_ms >= coalesce((SELECT max(x.start_ms) FROM segments x
                                    WHERE x.monitor = p.monitor AND x.location = p.location
                                      AND x.start_ms <= ${fromMs}), ${fromMs})
        AND s.start_ms < ${toMs} AND s.end_ms > ${fromMs}`;
    const nameOf = await this.nameResolver(rows.map((row) => row.location));
    return rows
      .map((row) => segmentFromRow(row, monitors.byKey.get(row.monitor)!, nameOf(row.location)))
      .sort(compareByMonitorLocationStart);
  }

  async firstSegmentStarts(monitorIds: readonly string[]): Promise<Map<string, number>> {
    const sql = this.reader();
    const starts = new Map<string, number>();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return starts;
    const rows = await sql<Array<{ monitor: number; start_ms: number }>>`
      ${locationPairsCte(sql, 'segments', monitors.keys)}
      SELECT p.monitor, min((SELECT min(s.start_ms) FROM segments s
                             WHERE s.monitor = p.monitor AND s.location = p.location)) AS start_ms
      FROM pairs p WHERE p.location IS NOT NULL GROUP BY p.monitor`;
    for (const row of rows) starts.set(monitors.byKey.get(row.monitor)!, row.start_ms);
    return starts;
  }

  // Rollups.

  async upsertRollups(rollups: readonly CheckRollup[]): Promise<void> {
    if (rollups.length === 0) return;
    for (const rollup of rollups) assertRollup(rollup);
    await this.unit(async (tx) => {
      // Day rows are rewritten from their hours; writers of rollups take turns (per schema) so
      // that two transactions touching the same day cannot each miss the other's hours.
      await tx.sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.rollup_days'))`;
      const keys = await tx.keysFor(rollups.map((r) => r.monitorId));
      const latest = new Map<string, CheckRollup>();
      for (const r of rollups) latest.set(`${keys.get(r.monitorId)}:${r.hourMs}`, r);
      const rows = [...latest.values()];
      for (let start = 0; start < rows.length; start += chunkRows) {
        const chunk = rows.slice(start, start + chunkRows);
        await tx.sql`
          INSERT INTO rollups (monitor, hour_ms, up_count, down_count, latency, first_up_ms, last_up_ms, max_up_gap_ms)
          SELECT * FROM unnest(${intArray(chunk.map((r) => keys.get(r.monitorId)!))}::int4[],
                               ${intArray(chunk.map((r) => r.hourMs))}::int8[],
                               ${intArray(chunk.map((r) => r.upCount))}::int4[],
                               ${intArray(chunk.map((r) => r.downCount))}::int4[],
                               ${byteaArray(chunk.map((r) => encodeLatencyCounts(r.latencyCounts)))}::bytea[],
                               ${intArray(chunk.map((r) => r.firstUpMs))}::int8[],
                               ${intArray(chunk.map((r) => r.lastUpMs))}::int8[],
                               ${intArray(chunk.map((r) => r.maxUpGapMs))}::int8[])
          ON CONFLICT (monitor, hour_ms) DO UPDATE SET up_count = excluded.up_count, down_count = excluded.down_count,
            latency = excluded.latency, first_up_ms = excluded.first_up_ms, last_up_ms = excluded.last_up_ms,
            max_up_gap_ms = excluded.max_up_gap_ms`;
      }
      const days = touchedDays(rows.map((r) => ({ monitor: keys.get(r.monitorId)!, hourMs: r.hourMs })));
      for (let start = 0; start < days.length; start += chunkRows) {
        const chunk = days.slice(start, start + chunkRows);
        const hours = await tx.sql<Array<CountsRow & { monitor: number; hour_ms: number }>>`
          SELECT r.monitor, r.hour_ms, r.up_count, r.down_count, r.latency
          FROM rollups r
          JOIN unnest(${intArray(chunk.map((d) => d.monitor))}::int4[],
                      ${intArray(chunk.map((d) => d.dayMs))}::int8[]) AS d(monitor, day_ms)
            ON r.monitor = d.monitor AND r.hour_ms >= d.day_ms AND r.hour_ms < d.day_ms + 86400000`;
        const sums = sumHoursIntoDays(hours);
        await tx.sql`
          INSERT INTO rollup_days (monitor, day_ms, up_count, down_count, latency)
          SELECT * FROM unnest(${intArray(sums.map((d) => d.monitor))}::int4[],
                               ${intArray(sums.map((d) => d.day_ms))}::int8[],
                               ${intArray(sums.map((d) => d.up_count))}::int4[],
                               ${intArray(sums.map((d) => d.down_count))}::int4[],
                               ${byteaArray(sums.map((d) => d.latency))}::bytea[])
          ON CONFLICT (monitor, day_ms) DO UPDATE
          SET up_count = excluded.up_count, down_count = excluded.down_count, latency = excluded.latency`;
      }
    });
  }

  async listRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<CheckRollup[]> {
    const sql = this.reader();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return [];
    const rows = await sql<RollupRow[]>`
      SELECT * FROM rollups
      WHERE monitor = ANY(${monitors.keys}::int4[]) AND hour_ms >= ${fromMs} AND hour_ms < ${toMs}`;
    return rows.map((row) => rollupFromRow(row, monitors.byKey.get(row.monitor)!)).sort(compareByMonitorHour);
  }

  async sumRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<RollupSum> {
    const sql = this.reader();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return sumCountsRows([]);
    // One statement (one round trip, one snapshot): whole days, then the hours at either edge.
    const split = splitWholeDays(fromMs, toMs);
    const none: [number, number] = [0, 0];
    const days = split.days ?? none;
    const before = split.hours[0] ?? none;
    const after = split.hours[1] ?? none;
    const rows = await sql<CountsRow[]>`
      SELECT up_count, down_count, latency FROM rollup_days
      WHERE monitor = ANY(${monitors.keys}::int4[]) AND day_ms >= ${days[0]} AND day_ms < ${days[1]}
      UNION ALL
      SELECT up_count, down_count, latency FROM rollups
      WHERE monitor = ANY(${monitors.keys}::int4[])
        AND ((hour_ms >= ${before[0]} AND hour_ms < ${before[1]})
             OR (hour_ms >= ${after[0]} AND hour_ms < ${after[1]}))`;
    return sumCountsRows(rows);
  }

  async latestRollups(monitorIds: readonly string[]): Promise<Map<string, CheckRollup>> {
    const sql = this.reader();
    const latest = new Map<string, CheckRollup>();
    const monitors = await this.monitorKeys(monitorIds);
    if (!monitors) return latest;
    const rows = await sql<RollupRow[]>`
      SELECT r.* FROM unnest(${monitors.keys}::int4[]) AS m(id)
      JOIN LATERAL (SELECT * FROM rollups WHERE monitor = m.id ORDER BY hour_ms DESC LIMIT 1) r ON true`;
    for (const row of rows)
      latest.set(monitors.byKey.get(row.monitor)!, rollupFromRow(row, monitors.byKey.get(row.monitor)!));
    return latest;
  }

  // Service locks.

  async lockServices(serviceIds: Iterable<string>): Promise<void> {
    const scope = requireTransaction(this.scope, 'lockServices');
    // Those this transaction holds already cost nothing (reconcile asks again inside a live batch).
    const ids = [...new Set(serviceIds)].filter((id) => !scope.heldServices.has(id));
    if (ids.length === 0) return;
    // One lock key per service, taken in key order so that two transactions never wait on each
    // other (PostgreSQL evaluates a volatile output column after ORDER BY); a hash collision only
    // makes two services share a lock.
    await (this.sql as postgres.TransactionSql)`
      SELECT pg_advisory_xact_lock(k)
      FROM (SELECT DISTINCT hashtextextended('slawatch service ' || id, 0) AS k
            FROM unnest(${textArray(ids)}::text[]) AS id) keys
      ORDER BY k`;
    for (const id of ids) scope.heldServices.add(id);
  }
}
