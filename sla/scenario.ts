// A whole evaluation from raw records, in memory: the naive path the oracle property tests and the
// benchmark's baseline compare the stored pipeline against. Same functions as the live pipeline.
import type { Check, Incident, Maintenance, ServiceSpec } from './model.ts';
import type { BackupFreshness, Figures } from './figures-types.ts';

export interface Scenario {
  service: ServiceSpec;
  /** Raw checks of the service's monitors, any order. */
  checks: Check[];
  /** Incidents recorded by people or imports (source manual, import or alertmanager). */
  incidents: Incident[];
  maintenance: Maintenance[];
  fromMs: number;
  toMs: number;
  nowMs: number;
}

export interface ScenarioResult {
  figures: Figures;
  /** backup_freshness of each push monitor named by a backup_freshness claim. */
  backupFreshnessSeconds: BackupFreshness;
  /** Every probe incident derived from the checks (all time, not only the period), oldest first. */
  probeIncidents: Incident[];
}
