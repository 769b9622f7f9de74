// Peak resident set size of this process, sampled (process.memoryUsage().rss) every few hundred
// ms, overall and per phase (start-up, warm-up, window, stop).
export interface RssSampler {
  readonly peakBytes: number;
  /** Ends the current phase (recording its peak under name) and starts the next. */
  endPhase(name: string): void;
  readonly phases: Record<string, number>;
  stop(): void;
}

export function startRssSampler(everyMs = 250): RssSampler {
  let peak = 0;
  let phasePeak = 0;
  const phases: Record<string, number> = {};
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    get peakBytes() {
      sample();
      return peak;
    },
    endPhase(name) {
      sample();
      phases[name] = phasePeak;
      phasePeak = 0;
      sample();
    },
    phases,
    stop: () => clearInterval(timer),
  };
}
