// Which claims have a burn-rate alert firing now (SPEC §3: at risk), as the alert job stored them
// in whichever process ran it. Only a period still running at `now` (or ending at it) is judged by them.
import { isBurnAlert } from '../sla/alert-rules.ts';
import type { Store } from '../db/store.ts';

export async function burnAlertsFiringOf(
  store: Store,
  serviceId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<Set<string> | undefined> {
  // A rolling period ends at now itself.
  if (!(fromMs <= nowMs && nowMs <= toMs)) return undefined;
  const firing = await store.comms.listAlerts({ serviceId, status: 'firing', limit: 10_000 });
  return new Set(firing.flatMap((a) => (isBurnAlert(a) && a.claimId !== null ? [a.claimId] : [])));
}
