// The store handed to the runtime, with its transactions (the recorder's ingestChecks batches and
// the liveness writes) timed: how much of the window the write path took, and its worst batch.
import type { Store } from '../../db/store.ts';
import { performance } from 'node:perf_hooks';

export interface TransactionTimes {
  count: number;
  totalMs: number;
  maxMs: number;
  reset(): void;
}

export function timeTransactions(store: Store): { store: Store; times: TransactionTimes } {
  const times: TransactionTimes = {
    count: 0,
    totalMs: 0,
    maxMs: 0,
    reset() {
      times.count = 0;
      times.totalMs = 0;
      times.maxMs = 0;
    },
  };
  const wrapped = new Proxy(store, {
    get(target, property) {
      if (property === 'transaction') {
        return async <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
          const started = performance.now();
          try {
            return await target.transaction(fn);
          } finally {
            const ms = performance.now() - started;
            times.count++;
            times.totalMs += ms;
            times.maxMs = Math.max(times.maxMs, ms);
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, times };
}
