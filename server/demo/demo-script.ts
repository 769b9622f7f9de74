// The demo service's behaviour over a 10-minute cycle, so that blips, incidents, a maintenance
// window and an overdue backup appear within minutes of `npm start`. Pure: seconds in → state.

export const demoCycleSeconds = 600;

export interface DemoState {
  /** The web health endpoint answers 200 (true) or 503. */
  webUp: boolean;
  /** Extra response time of the web endpoint. */
  webDelayMs: number;
  apiUp: boolean;
  /** The backup job pushes its heartbeat now. */
  backupPushes: boolean;
}

/** secondsSinceStart → what the simulated service does. */
export function demoStateAt(secondsSinceStart: number): DemoState {
  const s = secondsSinceStart % demoCycleSeconds;
  const firstCycle = secondsSinceStart < demoCycleSeconds;
  return {
    // A single failed check at 90 s is a blip (confirm 2); 150–240 s is an outage; in the first
    // cycle 420–480 s starts inside the maintenance window (400–460 s) and overruns it.
    webUp: !((s >= 90 && s < 94) || (s >= 150 && s < 240) || (firstCycle && s >= 420 && s < 480)),
    webDelayMs: s >= 300 && s < 330 ? 900 : 20 + (secondsSinceStart % 7) * 5,
    apiUp: !(s >= 500 && s < 530),
    backupPushes: !(s >= 200 && s < 300),
  };
}
