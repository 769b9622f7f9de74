// After a restart a push monitor is judged from its last recorded check, not from the start:
// its saved fold state says when the job last pushed, so an overdue verdict lands where it fell due.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import type { ServiceSpec } from '../../sla/model.ts';
import type { MonitorConfig } from '../../jobs/probes/probe-settings.ts';
import type { JobsConfig } from '../../jobs/jobs-config.ts';
import { createRuntime } from '../../jobs/runtime.ts';
import { runProbe } from '../../jobs/probes/index.ts';
import { ingestChecks } from '../../pipeline/ingest-checks.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const expectEveryMs = 60_000;
const graceMs = 10_000;

function config(): JobsConfig {
  const monitor: MonitorConfig = {
    id: 'backup',
    type: 'push',
    token: 'x'.repeat(32),
    expectEveryMs,
    graceMs,
    intervalMs: expectEveryMs,
    confirm: 1,
    locations: ['local'],
    quorum: 1,
    timeoutMs: 1_000,
  } as MonitorConfig;
  const spec: ServiceSpec = {
    id: 'jobs',
    name: 'jobs',
    timezone: 'UTC',
    downWhen: 'any',
    longAfterMs: 86_400_000,
    mergeGapMs: 0,
    historyFromMs: null,
    calendar: null,
    claims: [],
    monitors: [{ id: 'backup', type: 'push', intervalMs: expectEveryMs, confirm: 1, locations: ['local'], quorum: 1 }],
  };
  return { services: [{ spec, monitors: [monitor] }], retention: { checksMs: 35 * 86_400_000 } };
}

describe.each(testStores.map((f) => [f.title, f] as const))(
  'push monitors across a restart on %s',
  (_title, factory) => {
    let db: TestStore;
    beforeEach(async (ctx) => {
      if (factory.skipReason) ctx.skip();
      db = await openTestStore(factory);
    });
    afterEach(() => db?.cleanup());

    it('record the overdue verdict at the last push + expect_every + grace, before this start', async () => {
      const cfg = config();
      const lastPushMs = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000;
      await ingestChecks(
        db.store,
        [cfg.services[0]!.spec],
        [{ monitorId: 'backup', location: 'local', timeMs: lastPushMs, status: 'up', latencyMs: null, detail: null }],
        lastPushMs + 1,
      );
      const runtime = createRuntime({
        store: db.store,
        config: cfg,
        location: 'local',
        runProbe,
        alerting: false,
        clock: { nowMs: Date.now, monotonicMs: () => performance.now() },
        log: () => {},
      });
      await runtime.start();
      try {
        runtime.scheduler.tick();
        await runtime.flush();
      } finally {
        await runtime.stop(1_000);
      }
      const checks = await db.store.listChecks('backup', 'local', lastPushMs, Date.now() + 1);
      // Last push 5 min ago; due after 60 s + 10 s: the one tick records the overdue verdict at
      // lastPush + 70 s, before this start. Judged from the start instead, nothing would be due yet.
      expect(checks.map((c) => [c.timeMs - lastPushMs, c.status])).toEqual([
        [0, 'up'],
        [70_000, 'down'],
      ]);
    });
  },
);
