// SPEC §2.6: which maintenance windows take their time out of planned time, and the notice
// each kind of window needs (from the service's maintenance_notice claims).
import type { Claim, Maintenance, MaintenanceKind } from './model.ts';
import { unionIntervals, type Interval } from './intervals.ts';

/** The notice bound (ms) a window of this kind needs, or null when no claim sets one. */
export function noticeBoundMs(claims: readonly Claim[], kind: MaintenanceKind): number | null {
  const matching = claims.filter((c) => c.metric === 'maintenance_notice' && (c.kind === undefined || c.kind === kind));
  if (matching.length === 0) return null;
  return Math.max(...matching.map((c) => c.bound));
}

export function noticeLeadMs(window: Maintenance): number | null {
  return window.announcedAtMs === null ? null : window.startMs - window.announcedAtMs;
}

/** A downtime window excludes its time only if announced at least the claimed notice ahead. */
export function excludesTime(window: Maintenance, claims: readonly Claim[]): boolean {
  if (window.kind !== 'downtime') return false;
  const boundMs = noticeBoundMs(claims, 'downtime');
  if (boundMs === null) return true;
  const leadMs = noticeLeadMs(window);
  return leadMs !== null && leadMs >= boundMs;
}

export function violatesNotice(window: Maintenance, claims: readonly Claim[]): boolean {
  const boundMs = noticeBoundMs(claims, window.kind);
  if (boundMs === null) return false;
  const leadMs = noticeLeadMs(window);
  return leadMs === null || leadMs < boundMs;
}

/** The union of the windows that exclude time. */
export function excludedMaintenance(windows: readonly Maintenance[], claims: readonly Claim[]): Interval[] {
  return unionIntervals(
    windows.filter((w) => excludesTime(w, claims)).map((w) => ({ startMs: w.startMs, endMs: w.endMs })),
  );
}
