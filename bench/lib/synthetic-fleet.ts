// Synthetic checks of a fleet of monitors probed at a fixed interval: steady latencies from a
// lognormal distribution, outages that the affected monitors each see from a slightly different
// check on, gaps where nothing was probed (slawatch itself down), and lone failed checks (blips).
// Checks come out in time order, in chunks, so that any amount can be fed without holding it all.
import { defaultLocation, type Check } from '../../sla/model.ts';
import { lognormalMs, seededRandom } from './random.ts';

export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface Outage extends TimeRange {
  /** Indexes into FleetSpec.monitorIds of the monitors that see it; null: all of them. */
  monitors: readonly number[] | null;
}

export interface FleetSpec {
  monitorIds: readonly string[];
  intervalMs: number;
  /** Checks at fromMs + k × interval (+ each monitor's phase) while the tick is before toMs. */
  fromMs: number;
  toMs: number;
  outages: readonly Outage[];
  /** No monitor is checked inside these. */
  gaps: readonly TimeRange[];
  /** One check in this many (on average) fails alone; 0: never. */
  blipEveryChecks: number;
  latency: { medianMs: number; sigma: number; maxMs: number };
  seed: number;
}

/** Checks of ticks in each [c, c + chunkMs) from fromMs on, every monitor's check of a tick together. */
export function* fleetChecks(spec: FleetSpec, chunkMs: number): Generator<Check[]> {
  if (chunkMs % spec.intervalMs !== 0) throw new Error('chunkMs must be a multiple of intervalMs');
  const random = seededRandom(spec.seed);
  const n = spec.monitorIds.length;
  const phases = spec.monitorIds.map((_, i) => Math.floor((i * spec.intervalMs) / n));
  const views = outageViews(spec);
  const lastWasBlip = new Array<boolean>(n).fill(false);
  const blipChance = spec.blipEveryChecks > 0 ? 1 / spec.blipEveryChecks : 0;
  const { medianMs, sigma, maxMs } = spec.latency;
  for (let chunkStart = spec.fromMs; chunkStart < spec.toMs; chunkStart += chunkMs) {
    const chunkEnd = Math.min(chunkStart + chunkMs, spec.toMs);
    const outagesHere = views.filter((o) => o.startMs < chunkEnd + spec.intervalMs && o.endMs > chunkStart);
    const gapsHere = spec.gaps.filter((g) => g.startMs < chunkEnd + spec.intervalMs && g.endMs > chunkStart);
    const checks: Check[] = [];
    for (let tick = chunkStart; tick < chunkEnd; tick += spec.intervalMs) {
      for (let i = 0; i < n; i++) {
        const timeMs = tick + phases[i]!;
        if (gapsHere.some((g) => timeMs >= g.startMs && timeMs < g.endMs)) continue;
        let down = outagesHere.some((o) => timeMs >= o.startByMonitor[i]! && timeMs < o.endByMonitor[i]!);
        const blip = !down && !lastWasBlip[i] && random() < blipChance;
        lastWasBlip[i] = blip;
        down ||= blip;
        checks.push({
          monitorId: spec.monitorIds[i]!,
          location: defaultLocation,
          timeMs,
          status: down ? 'down' : 'up',
          latencyMs: down ? null : lognormalMs(random, medianMs, sigma, maxMs),
        });
      }
    }
    yield checks;
  }
}

interface OutageView extends TimeRange {
  /** Per monitor: where it sees the outage (±∞ for monitors it does not affect). */
  startByMonitor: number[];
  endByMonitor: number[];
}

/** Each affected monitor sees an outage start and end up to one interval late (its own phase). */
function outageViews(spec: FleetSpec): OutageView[] {
  const random = seededRandom(spec.seed ^ 0x5eed);
  return spec.outages.map((o) => {
    const affected = new Set(o.monitors ?? spec.monitorIds.map((_, i) => i));
    const startByMonitor: number[] = [];
    const endByMonitor: number[] = [];
    spec.monitorIds.forEach((_, i) => {
      const lateStart = Math.floor(random() * spec.intervalMs);
      const lateEnd = Math.floor(random() * spec.intervalMs);
      startByMonitor.push(affected.has(i) ? o.startMs + lateStart : Infinity);
      endByMonitor.push(affected.has(i) ? o.endMs + lateEnd : -Infinity);
    });
    return { startMs: o.startMs, endMs: o.endMs + spec.intervalMs, startByMonitor, endByMonitor };
  });
}

/** How many ticks each monitor has in [fromMs, toMs) (checks before gaps are removed). */
export function ticksPerMonitor(spec: Pick<FleetSpec, 'fromMs' | 'toMs' | 'intervalMs'>): number {
  return Math.ceil((spec.toMs - spec.fromMs) / spec.intervalMs);
}
