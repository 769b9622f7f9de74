// The engine modules the oracle tests compare against, loaded by path at run time: while the
// engine is being written the module files may not exist yet, and only then are those suites
// skipped. Once a file exists its suite always runs (and fails loudly if the import fails).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioResult } from '../../sla/scenario.ts';

export interface EngineModule {
  computeScenario(s: Scenario): ScenarioResult;
}

export interface Period {
  fromMs: number;
  toMs: number;
}

export interface PeriodsModule {
  periodOfYear(timezone: string, year: number): Period;
  periodOfQuarter(timezone: string, year: number, quarter: number): Period;
  periodOfMonth(timezone: string, year: number, month: number): Period;
  parsePeriodLabel(label: string, timezone: string): Period & { label: string };
}

const engineUrl = new URL('../../sla/compute-scenario.ts', import.meta.url);
const periodsUrl = new URL('../../sla/periods.ts', import.meta.url);

export const engineExists = existsSync(fileURLToPath(engineUrl));
export const periodsExists = existsSync(fileURLToPath(periodsUrl));

export async function loadEngine(): Promise<EngineModule> {
  const mod = (await import(/* @vite-ignore */ fileURLToPath(engineUrl))) as Partial<EngineModule>;
  if (typeof mod.computeScenario !== 'function') throw new Error('sla/compute-scenario.ts exports no computeScenario');
  return mod as EngineModule;
}

export async function loadPeriods(): Promise<PeriodsModule> {
  const mod = (await import(/* @vite-ignore */ fileURLToPath(periodsUrl))) as Partial<PeriodsModule>;
  for (const name of ['periodOfYear', 'periodOfQuarter', 'periodOfMonth', 'parsePeriodLabel'] as const) {
    if (typeof mod[name] !== 'function') throw new Error(`sla/periods.ts exports no ${name}`);
  }
  return mod as PeriodsModule;
}
