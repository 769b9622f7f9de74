// What the probing benchmark's children print (one JSON line each) and the parent tabulates.
import type { CpuWindow } from './cpu-window.ts';
import type { LatenessSummary } from './probe-lateness.ts';

/** One run of the real runtime (runtime-child.ts): N monitors at one interval. */
export interface RuntimeRun {
  monitors: number;
  intervalMs: number;
  warmupMs: number;
  /**
   * The warm-up interval (every monitor's first probe and check), then the wait until every monitor
   * was probed once and the recorder wrote its backlog (drainMs; drained false: gave up after an interval).
   */
  warmup: {
    lateness: LatenessSummary;
    worstTransactionMs: number;
    bufferedBeforeDrain: number;
    drainMs: number;
    drained: boolean;
  };
  cpu: CpuWindow;
  /** Probes finished inside the window (onProbeResult), and how many of them were down. */
  probes: number;
  downProbes: number;
  downSamples: string[];
  /** Every probe started in the window (recomputed per probe; see probe-lateness.ts). */
  lateness: LatenessSummary;
  /** The scheduler's own LatenessWindow (its last 4096 probes) at the window's end. */
  schedulerLateness: { count: number; p50Ms: number | null; p99Ms: number | null };
  skippedOverlaps: number;
  eventLoopDelay: { p99Ms: number; maxMs: number };
  /** Store transactions in the window (recorder batches, liveness): count, total and worst ms. */
  transactions: { count: number; totalMs: number; maxMs: number };
  /** Checks still buffered in the recorder at the window's end. */
  bufferedAtEnd: number;
  /** Checks in the database after stop, and probes recorded over the whole run. */
  checksStored: number;
  probesWholeRun: number;
  rssPeakBytes: number;
  /** Peak RSS in each phase: start-up (config, store, runtime.start), warm-up, window, stop. */
  rssPeakByPhase: Record<string, number>;
  rssAtEndBytes: number;
  heapUsedAtEndBytes: number;
  /** Minute of the hour at the window's start (raw checks of the hour are re-read per batch). */
  windowStartMinute: number;
  warnings: string[];
}

/** One bare request loop (baseline-child.ts). */
export interface BaselineRun {
  client: 'node:http' | 'fetch';
  ratePerSecond: number;
  cpu: CpuWindow;
  requests: number;
  failures: number;
  /** CPU µs (user + system) per request finished in the window. */
  cpuUsPerRequest: number;
  rssPeakBytes: number;
}
