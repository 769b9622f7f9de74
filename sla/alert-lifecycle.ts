// SPEC §4 alert lifecycle, pure: an alert fires once, is sent again at most every `repeat` of each
// channel while it stays active, and is resolved (sent to every channel that had it) when it
// clears. Acknowledged alerts stop repeating; silenced ones send nothing until the silence ends.
// The state is stored before anything is sent, so a restart resumes it without a duplicate.
import type { ActiveAlert } from './alert-rules.ts';

export const alertStatuses = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export interface AlertState extends ActiveAlert {
  /** Store id; absent until first stored. */
  id?: string;
  status: AlertStatus;
  firedAtMs: number;
  resolvedAtMs: number | null;
  /** Channel id → when a firing message last went to it. */
  sentAtMs: Record<string, number>;
  acknowledgedAtMs: number | null;
  acknowledgedBy: string | null;
  silencedUntilMs: number | null;
}

export interface AlertChannel {
  id: string;
  repeatMs: number;
}

export interface AlertSend {
  key: string;
  channelId: string;
  status: AlertStatus;
  /** A firing message sent again while the alert stays active. */
  repeat: boolean;
}

export interface AlertStep {
  /** States that are new or changed (store them before sending). */
  changed: AlertState[];
  sends: AlertSend[];
}

const silenced = (state: AlertState, nowMs: number) => state.silencedUntilMs !== null && nowMs < state.silencedUntilMs;

/**
 * One evaluation of one service: `firing` are its alerts still firing in the store, `active` what
 * the rules find now, `channels` its `notify` channels. `undetermined` are keys the rules could not
 * judge now (a TLS monitor not probed since a restart): a firing one stays as it is, neither
 * resolved nor repeated, so a restart does not resolve and fire it again.
 */
export function stepAlerts(
  firing: readonly AlertState[],
  active: readonly ActiveAlert[],
  channels: readonly AlertChannel[],
  nowMs: number,
  undetermined: ReadonlySet<string> = new Set(),
): AlertStep {
  const changed: AlertState[] = [];
  const sends: AlertSend[] = [];
  const byKey = new Map(firing.map((s) => [s.key, s]));
  for (const alert of active) {
    const previous = byKey.get(alert.key);
    byKey.delete(alert.key);
    const state: AlertState = previous
      ? { ...previous, summary: alert.summary, sentAtMs: { ...previous.sentAtMs } }
      : {
          ...alert,
          status: 'firing',
          firedAtMs: nowMs,
          resolvedAtMs: null,
          sentAtMs: {},
          acknowledgedAtMs: null,
          acknowledgedBy: null,
          silencedUntilMs: null,
        };
    let dirty = !previous || previous.summary !== alert.summary;
    if (!silenced(state, nowMs)) {
      for (const channel of channels) {
        const last = state.sentAtMs[channel.id];
        // A channel that never had it gets it now (also one added later, or after a silence).
        const due = last === undefined || (state.acknowledgedAtMs === null && nowMs - last >= channel.repeatMs);
        if (!due) continue;
        sends.push({ key: state.key, channelId: channel.id, status: 'firing', repeat: last !== undefined });
        state.sentAtMs[channel.id] = nowMs;
        dirty = true;
      }
    }
    if (dirty) changed.push(state);
  }
  for (const state of byKey.values()) {
    if (undetermined.has(state.key)) continue;
    changed.push({ ...state, status: 'resolved', resolvedAtMs: nowMs });
    // Every channel that was told it fires is told it is resolved, silenced or not.
    for (const channelId of Object.keys(state.sentAtMs))
      sends.push({ key: state.key, channelId, status: 'resolved', repeat: false });
  }
  return { changed, sends };
}
