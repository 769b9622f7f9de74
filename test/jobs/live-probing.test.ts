// The live pipeline end to end against a real local target: probes on schedule, results recorded
// in batches, incidents opened and closed by themselves — across a restart of slawatch — with
// start and end within one interval of the truth, and the time slawatch was down left unknown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRuntime } from '../../jobs/runtime.ts';
import { runProbe } from '../../jobs/probes/index.ts';
import type { JobsConfig } from '../../jobs/jobs-config.ts';
import type { MonitorConfig } from '../../jobs/probes/probe-settings.ts';
import type { ServiceSpec } from '../../sla/model.ts';
import { computeServiceReport } from '../../db/service-report.ts';
import { openTestStore, testStores, type TestStore } from '../db/test-stores.ts';

const intervalMs = 1000;
/** Probe and timer jitter on a busy 2-core machine, on top of the one-interval resolution. */
const slackMs = 400;

function target(): Promise<{ server: Server; url: string; setUp(up: boolean): void }> {
  let up = true;
  const server = createServer((_req, res) => {
    res.writeHead(up ? 200 : 503).end(up ? 'ok' : 'down');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`, setUp: (v) => void (up = v) }),
    ),
  );
}

function configFor(url: string): JobsConfig {
  const monitor: MonitorConfig = {
    id: 'live-web', type: 'http', intervalMs, confirm: 1, locations: ['local'], quorum: 1,
    url, method: 'GET', headers: {}, body: null, maxRedirects: 0, tlsVerify: true, timeoutMs: 500,
    expect: { status: [200], bodyContains: null, bodyRegex: null, json: null, maxLatencyMs: null },
  };
  const spec: ServiceSpec = {
    id: 'live', name: 'live', timezone: 'UTC', downWhen: 'any', longAfterMs: 86_400_000, mergeGapMs: 0,
    historyFromMs: null, calendar: null, claims: [],
    monitors: [{ id: monitor.id, type: 'http', intervalMs, confirm: 1, locations: ['local'], quorum: 1 }],
  };
  return { services: [{ spec, monitors: [monitor] }], retention: { checksMs: 35 * 86_400_000 } };
}

describe.each(testStores.map((f) => [f.title, f] as const))('live probing on %s', (_title, factory) => {
  let db: TestStore;
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
  });
  afterEach(() => db?.cleanup());

  it('opens an incident within an interval of the outage, keeps it open across a restart, and closes it within an interval of recovery', async () => {
    const t = await target();
    const config = configFor(t.url);
    const start = () => {
      const runtime = createRuntime({
        store: db.store, config, location: 'local', runProbe,
        clock: { nowMs: Date.now, monotonicMs: () => performance.now() },
        log: () => {},
      });
      return runtime.start().then(() => runtime);
    };
    try {
      const beganMs = Date.now();
      let runtime = await start();
      await sleep(2500);
      const downMs = Date.now();
      t.setUp(false);
      await sleep(3000);
      await runtime.stop(2000);
      const stoppedMs = Date.now();
      const open = (await db.store.listIncidents('live', beganMs, Date.now() + 1)).filter((i) => i.source === 'probe');
      expect(open).toHaveLength(1);
      expect(open[0]!.resolvedAtMs).toBeNull();

      // slawatch is down for 3.5 s: longer than the 2 s hold, so part of it is unknown.
      await sleep(3500);
      runtime = await start();
      await sleep(2000);
      const upMs = Date.now();
      t.setUp(true);
      await sleep(2500);
      await runtime.stop(2000);

      const incidents = (await db.store.listIncidents('live', beganMs, Date.now() + 1)).filter((i) => i.source === 'probe');
      expect(incidents).toHaveLength(1);
      const [incident] = incidents;
      expect(incident!.id).toBe(open[0]!.id);
      // Truth: down over [downMs, upMs). Checks every second see it at most one interval late.
      expect(incident!.startedAtMs).toBeGreaterThanOrEqual(downMs - slackMs);
      expect(incident!.startedAtMs).toBeLessThanOrEqual(downMs + intervalMs + slackMs);
      expect(incident!.resolvedAtMs).toBeGreaterThanOrEqual(upMs - slackMs);
      expect(incident!.resolvedAtMs!).toBeLessThanOrEqual(upMs + intervalMs + slackMs);

      const { report } = await computeServiceReport(db.store, { service: config.services[0]!.spec, fromMs: beganMs, toMs: Date.now(), nowMs: Date.now() });
      // The restart gap: no check from about stoppedMs − 1 s until about stoppedMs + 3.5 s, held
      // for 2 s: roughly 1.5–2.5 s unknown.
      expect(report.figures.unknownSeconds).toBeGreaterThan(0.5);
      expect(report.figures.unknownSeconds).toBeLessThan(4);
      expect(report.figures.incidentCount).toBe(1);
      expect(stoppedMs).toBeGreaterThan(downMs);
    } finally {
      t.server.close();
    }
  });
});
