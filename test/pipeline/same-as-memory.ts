// The stored pipeline's check: a scenario's figures and probe incidents read from the store equal
// the in-memory evaluation of its raw records (sla/compute-scenario.ts), which the brute-force
// oracle checks in turn (test/sla/oracle.property.test.ts).
import { expect } from 'vitest';
import { computeScenario } from '../../sla/compute-scenario.ts';
import type { Scenario } from '../../sla/scenario.ts';
import type { Incident } from '../../sla/model.ts';
import { computeServiceReport } from '../../pipeline/report-from-store.ts';
import type { Store } from '../../db/store.ts';

export const probeIncidentShape = (i: Incident) => ({
  startedAtMs: i.startedAtMs,
  detectedAtMs: i.detectedAtMs,
  resolvedAtMs: i.resolvedAtMs,
});

export async function expectSameAsMemory(store: Store, s: Scenario): Promise<void> {
  const expected = computeScenario(s);
  const { report } = await computeServiceReport(store, {
    service: s.service,
    fromMs: s.fromMs,
    toMs: s.toMs,
    nowMs: s.nowMs,
  });
  for (const [name, value] of Object.entries(expected.figures)) {
    const actual = report.figures[name as keyof typeof report.figures];
    if (typeof value === 'number' && typeof actual === 'number') expect(actual, name).toBeCloseTo(value, 9);
    else expect(actual, name).toEqual(value);
  }
  const stored = (await store.listIncidents(s.service.id, -8.64e15, 8.64e15)).filter((i) => i.source === 'probe');
  const actualIncidents = stored.map(probeIncidentShape);
  const expectedIncidents = expected.probeIncidents.map(probeIncidentShape);
  expect(actualIncidents, `stored ${JSON.stringify(actualIncidents)} vs ${JSON.stringify(expectedIncidents)}`).toEqual(
    expectedIncidents,
  );
}
