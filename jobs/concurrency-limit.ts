// A global cap on probes in flight: beyond it, probes wait their turn (their lateness shows in
// the scheduler's metrics) instead of opening unbounded sockets.
export interface ConcurrencyLimit {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run(fn) {
      // A finishing run hands its slot straight to the next waiter, so `active` never exceeds max.
      if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await fn();
      } finally {
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
