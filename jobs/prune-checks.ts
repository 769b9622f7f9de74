// The retention job: raw checks older than `retention.checks` go, once their hour is rolled up.
// Timelines, rollups and incidents stay forever, so no figure changes (test/pipeline/pipeline.test.ts).
import type { Store } from '../db/store.ts';

export interface PruneResult {
  cutoffMs: number;
  deletedChecks: number;
}

export async function runPruneChecks(
  store: Store,
  retention: { checksMs: number },
  nowMs: number,
): Promise<PruneResult> {
  const cutoffMs = nowMs - retention.checksMs;
  return { cutoffMs, deletedChecks: await store.pruneChecks(cutoffMs) };
}
