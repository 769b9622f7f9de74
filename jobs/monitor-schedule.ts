// When each monitor runs: every `interval`, at a stable offset derived from its id, so thousands
// of monitors with the same interval spread evenly over it instead of firing together, and a
// restart keeps each monitor's phase.
import { createHash } from 'node:crypto';

/** A stable offset in [0, intervalMs) from the monitor id (and location, for agents). */
export function stableOffsetMs(key: string, intervalMs: number): number {
  const digest = createHash('sha256').update(key).digest();
  return digest.readUInt32BE(0) % intervalMs;
}

/** The first run time strictly after afterMs on the grid offsetMs + k × intervalMs. */
export function nextRunMs(afterMs: number, intervalMs: number, offsetMs: number): number {
  const k = Math.floor((afterMs - offsetMs) / intervalMs) + 1;
  return offsetMs + k * intervalMs;
}
