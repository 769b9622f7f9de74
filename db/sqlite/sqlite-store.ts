// Store on SQLite (better-sqlite3; WAL, busy_timeout, foreign keys, opened by open-sqlite.ts) over
// the tables of db/sqlite/schema.ts. The queue, transactions and names are sqlite-session.ts;
// this file is the statements only SQLite's store has (db/portable-store.ts holds those both share).
import type Database from 'better-sqlite3';
import type { Check } from '../../sla/model.ts';
import type { LocationSegment } from '../../sla/segments.ts';
import type { CheckRollup, LocationStateRow, RollupSum, Store, TimelineUpdate } from '../store.ts';
import { assertOutsideTransaction, requireTransaction, type TransactionScope } from '../transaction-scope.ts';
import { keyJson, SqliteSession, SqliteShared } from './sqlite-session.ts';
import type { AsyncMutex } from './async-mutex.ts';
import { locationPairsCte } from './location-pairs.ts';
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
import { dayMs, splitWholeDays, sumCountsRows, sumHoursIntoDays, touchedDays, type CountsRow } from '../rollup-days.ts';
import { encodeLatencyCounts } from '../latency-codec.ts';

const rowsPerInsert = 64;

/** Stores a location's fold state, replacing the one it had. */
const putStateSql = `INSERT INTO location_states (monitor, location, last_check_ms, state_json) VALUES (?, ?, ?, ?)
  ON CONFLICT (monitor, location) DO UPDATE
  SET last_check_ms = excluded.last_check_ms, state_json = excluded.state_json`;

export class SqliteStore extends SqliteSession implements Store {
  readonly dialect = 'sqlite' as const;

  /** A store over an open, migrated connection; mutex is the queue of every store on its file. */
  static over(db: Database.Database, mutex: AsyncMutex): SqliteStore {
    return new SqliteStore(new SqliteShared(db, mutex), null);
  }

  protected inScope(scope: TransactionScope): this {
    return new SqliteStore(this.shared, scope) as this;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.unit(fn);
  }

  async close(): Promise<void> {
    if (this.scope) throw new Error('close() the store, not a tx object');
    assertOutsideTransaction(this.shared.mutex);
    await this.shared.mutex.run(() => {
      if (!this.shared.db.open) return;
      this.shared.db.pragma('optimize'); // refreshes the planner's statistics where they went stale
      this.shared.db.close();
    });
  }

  // Raw checks.

  async insertChecks(checks: readonly Check[]): Promise<void> {
    if (checks.length === 0) return;
    for (const check of checks) assertTimeMs(check.timeMs, 'timeMs');
    return this.write((tx) => {
      // In key order, so consecutive rows land on the same B-tree leaf (checks arrive interleaved
      // across monitors; sorting a batch makes inserts mostly appends). Later rows still win on
      // a duplicate key: the sort is stable.
      const rows = checks.map((check) => ({
        check,
        monitor: tx.keyFor(check.monitorId),
        location: tx.keyFor(check.location),
      }));
      rows.sort((a, b) => a.monitor - b.monitor || a.location - b.location || a.check.timeMs - b.check.timeMs);
      // Many rows per statement: one call into SQLite per 64 rows instead of per row.
      const many = tx.shared.statement(
        `INSERT OR REPLACE INTO checks (monitor, location, time_ms, up, latency_ms, detail)
         VALUES ${Array(rowsPerInsert).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      const one = tx.shared.statement(
        'INSERT OR REPLACE INTO checks (monitor, location, time_ms, up, latency_ms, detail) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const values = (r: (typeof rows)[number]) => [
        r.monitor,
        r.location,
        r.check.timeMs,
        r.check.status === 'up' ? 1 : 0,
        storedLatencyMs(r.check.latencyMs),
        r.check.detail ?? null,
      ];
      let i = 0;
      for (; i + rowsPerInsert <= rows.length; i += rowsPerInsert)
        many.run(rows.slice(i, i + rowsPerInsert).flatMap(values));
      for (; i < rows.length; i++) one.run(values(rows[i]!));
    });
  }

  async listMonitorChecks(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<Check[]> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      if (monitors.size === 0) return [];
      const rows = this.all<CheckRow>(
        `${locationPairsCte('checks')}
         SELECT c.monitor, c.location, c.time_ms, c.up, c.latency_ms, c.detail
         FROM pairs p JOIN checks c ON c.monitor = p.monitor AND c.location = p.location
         WHERE p.location IS NOT NULL AND c.time_ms >= @fromMs AND c.time_ms < @toMs
         ORDER BY c.time_ms, c.monitor, c.location`,
        { monitorKeys: keyJson(monitors), fromMs, toMs },
      );
      return rows.map((row) => checkFromRow(row, monitors.get(row.monitor)!, this.nameOf(row.location)));
    });
  }

  async pruneChecks(beforeMs: number): Promise<number> {
    return this.write((tx) => {
      // Walks the (monitor, location, time) key below beforeMs for every monitor location,
      // so once old checks are gone a prune reads only the few left in unrolled hours.
      const result = tx.run(
        `DELETE FROM checks
         WHERE monitor IN (SELECT id FROM names) AND location IN (SELECT id FROM names) AND time_ms < ?
           AND EXISTS (SELECT 1 FROM rollups r WHERE r.monitor = checks.monitor
                       AND r.hour_ms = checks.time_ms - ((checks.time_ms % 3600000) + 3600000) % 3600000)`,
        beforeMs,
      );
      return result.changes;
    });
  }

  // Location timelines.

  async getLocationStates(keys: readonly { monitorId: string; location: string }[]): Promise<LocationStateRow[]> {
    return this.read(() => {
      const pairs = keys
        .map((k) => ({ ...k, monitor: this.existingKey(k.monitorId), loc: this.existingKey(k.location) }))
        .filter(
          (k): k is typeof k & { monitor: number; loc: number } => k.monitor !== undefined && k.loc !== undefined,
        );
      if (pairs.length === 0) return [];
      const rows = this.all<{ monitor: number; location: number; last_check_ms: number; state_json: string }>(
        `SELECT s.monitor, s.location, s.last_check_ms, s.state_json FROM json_each(?) AS k
         JOIN location_states s
           ON s.monitor = json_extract(k.value, '$[0]') AND s.location = json_extract(k.value, '$[1]')`,
        JSON.stringify(pairs.map((p) => [p.monitor, p.loc])),
      );
      return rows.map((row) => ({
        monitorId: this.nameOf(row.monitor),
        location: this.nameOf(row.location),
        lastCheckMs: row.last_check_ms,
        stateJson: row.state_json,
      }));
    });
  }

  async putLocationState(row: LocationStateRow): Promise<void> {
    assertTimeMs(row.lastCheckMs, 'lastCheckMs');
    return this.write((tx) => {
      tx.run(putStateSql, tx.keyFor(row.monitorId), tx.keyFor(row.location), row.lastCheckMs, row.stateJson);
    });
  }

  async replaceSegments(
    monitorId: string,
    location: string,
    fromMs: number,
    segments: readonly LocationSegment[],
  ): Promise<void> {
    assertSegments(monitorId, location, segments);
    return this.write((tx) => tx.replaceSegmentsNow(tx.keyFor(monitorId), tx.keyFor(location), fromMs, segments));
  }

  async writeTimelines(updates: readonly TimelineUpdate[]): Promise<void> {
    for (const u of updates) {
      assertSegments(u.state.monitorId, u.state.location, u.segments);
      assertTimeMs(u.state.lastCheckMs, 'lastCheckMs');
    }
    if (updates.length === 0) return;
    return this.write((tx) => {
      const putState = tx.shared.statement(putStateSql);
      for (const u of updates) {
        const monitor = tx.keyFor(u.state.monitorId);
        const loc = tx.keyFor(u.state.location);
        tx.replaceSegmentsNow(monitor, loc, u.fromMs, u.segments);
        putState.run(monitor, loc, u.state.lastCheckMs, u.state.stateJson);
      }
    });
  }

  /** replaceSegments' statements, inside a write already open. */
  private replaceSegmentsNow(monitor: number, loc: number, fromMs: number, segments: readonly LocationSegment[]): void {
    this.run('DELETE FROM segments WHERE monitor = ? AND location = ? AND start_ms >= ?', monitor, loc, fromMs);
    this.run(
      'UPDATE segments SET end_ms = ? WHERE monitor = ? AND location = ? AND start_ms < ? AND end_ms > ?',
      fromMs,
      monitor,
      loc,
      fromMs,
      fromMs,
    );
    const insert = this.shared.statement(
      `INSERT INTO segments (monitor, location, start_ms, end_ms, state, known_at_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (monitor, location, start_ms) DO UPDATE
       SET end_ms = excluded.end_ms, state = excluded.state, known_at_ms = excluded.known_at_ms`,
    );
    for (const s of segments)
      insert.run(monitor, loc, s.startMs, s.endMs, segmentStateCode(s.state), s.knownAtMs ?? null);
  }

  async listSegments(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<LocationSegment[]> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      if (monitors.size === 0) return [];
      // A location's segments do not overlap: the only one starting at or before fromMs that can
      // reach past it is the last such; so the scan starts there, not at the location's first.
      const rows = this.all<SegmentRow>(
        `${locationPairsCte('segments')}
         SELECT s.monitor, s.location, s.start_ms, s.end_ms, s.state, s.known_at_ms
         FROM pairs p JOIN segments s ON s.monitor = p.monitor AND s.location = p.location
         WHERE p.location IS NOT NULL
           AND s.start_ms >= coalesce((SELECT max(x.start_ms) FROM segments x
                                       WHERE x.monitor = p.monitor AND x.location = p.location
                                         AND x.start_ms <= @fromMs), @fromMs)
           AND s.start_ms < @toMs AND s.end_ms > @fromMs`,
        { monitorKeys: keyJson(monitors), fromMs, toMs },
      );
      return rows
        .map((row) => segmentFromRow(row, monitors.get(row.monitor)!, this.nameOf(row.location)))
        .sort(compareByMonitorLocationStart);
    });
  }

  async firstSegmentStarts(monitorIds: readonly string[]): Promise<Map<string, number>> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      const starts = new Map<string, number>();
      if (monitors.size === 0) return starts;
      const rows = this.all<{ monitor: number; start_ms: number }>(
        `${locationPairsCte('segments')}
         SELECT p.monitor, min((SELECT min(s.start_ms) FROM segments s
                                WHERE s.monitor = p.monitor AND s.location = p.location)) AS start_ms
         FROM pairs p WHERE p.location IS NOT NULL GROUP BY p.monitor`,
        { monitorKeys: keyJson(monitors) },
      );
      for (const row of rows) starts.set(monitors.get(row.monitor)!, row.start_ms);
      return starts;
    });
  }

  // Rollups.

  async upsertRollups(rollups: readonly CheckRollup[]): Promise<void> {
    if (rollups.length === 0) return;
    for (const rollup of rollups) assertRollup(rollup);
    return this.write((tx) => {
      const upsert = tx.shared.statement(
        `INSERT INTO rollups (monitor, hour_ms, up_count, down_count, latency, first_up_ms, last_up_ms, max_up_gap_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (monitor, hour_ms) DO UPDATE SET up_count = excluded.up_count, down_count = excluded.down_count,
           latency = excluded.latency, first_up_ms = excluded.first_up_ms, last_up_ms = excluded.last_up_ms,
           max_up_gap_ms = excluded.max_up_gap_ms`,
      );
      const touched: Array<{ monitor: number; hourMs: number }> = [];
      for (const r of rollups) {
        const monitor = tx.keyFor(r.monitorId);
        touched.push({ monitor, hourMs: r.hourMs });
        upsert.run(
          monitor,
          r.hourMs,
          r.upCount,
          r.downCount,
          encodeLatencyCounts(r.latencyCounts),
          r.firstUpMs,
          r.lastUpMs,
          r.maxUpGapMs,
        );
      }
      const hoursOfDay = tx.shared.statement(
        `SELECT monitor, hour_ms, up_count, down_count, latency FROM rollups
         WHERE monitor = ? AND hour_ms >= ? AND hour_ms < ?`,
      );
      const upsertDay = tx.shared.statement(
        `INSERT INTO rollup_days (monitor, day_ms, up_count, down_count, latency) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (monitor, day_ms) DO UPDATE
         SET up_count = excluded.up_count, down_count = excluded.down_count, latency = excluded.latency`,
      );
      for (const { monitor, dayMs: day } of touchedDays(touched)) {
        const hours = hoursOfDay.all(monitor, day, day + dayMs) as Array<
          CountsRow & { monitor: number; hour_ms: number }
        >;
        for (const d of sumHoursIntoDays(hours))
          upsertDay.run(d.monitor, d.day_ms, d.up_count, d.down_count, d.latency);
      }
    });
  }

  async listRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<CheckRollup[]> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      if (monitors.size === 0) return [];
      const rows = this.all<RollupRow>(
        'SELECT * FROM rollups WHERE monitor IN (SELECT value FROM json_each(?)) AND hour_ms >= ? AND hour_ms < ?',
        keyJson(monitors),
        fromMs,
        toMs,
      );
      return rows.map((row) => rollupFromRow(row, monitors.get(row.monitor)!)).sort(compareByMonitorHour);
    });
  }

  async sumRollups(monitorIds: readonly string[], fromMs: number, toMs: number): Promise<RollupSum> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      const split = splitWholeDays(fromMs, toMs);
      if (monitors.size === 0) return sumCountsRows([]);
      const keys = keyJson(monitors);
      const rows: CountsRow[] = [];
      if (split.days) {
        rows.push(
          ...this.all<CountsRow>(
            `SELECT up_count, down_count, latency FROM rollup_days
             WHERE monitor IN (SELECT value FROM json_each(?)) AND day_ms >= ? AND day_ms < ?`,
            keys,
            ...split.days,
          ),
        );
      }
      for (const range of split.hours) {
        rows.push(
          ...this.all<CountsRow>(
            `SELECT up_count, down_count, latency FROM rollups
             WHERE monitor IN (SELECT value FROM json_each(?)) AND hour_ms >= ? AND hour_ms < ?`,
            keys,
            ...range,
          ),
        );
      }
      return sumCountsRows(rows);
    });
  }

  async latestRollups(monitorIds: readonly string[]): Promise<Map<string, CheckRollup>> {
    return this.read(() => {
      const monitors = this.existingKeys(monitorIds);
      const latest = new Map<string, CheckRollup>();
      if (monitors.size === 0) return latest;
      const rows = this.all<RollupRow>(
        `SELECT r.* FROM json_each(?) AS m
         JOIN rollups r
           ON r.monitor = m.value AND r.hour_ms = (SELECT max(hour_ms) FROM rollups WHERE monitor = m.value)`,
        keyJson(monitors),
      );
      for (const row of rows) latest.set(monitors.get(row.monitor)!, rollupFromRow(row, monitors.get(row.monitor)!));
      return latest;
    });
  }

  // Service locks.

  async lockServices(_serviceIds: Iterable<string>): Promise<void> {
    // A write transaction here is BEGIN IMMEDIATE: no other connection writes until it ends.
    requireTransaction(this.scope, 'lockServices');
  }
}
