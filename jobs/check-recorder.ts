// Buffers check results and writes them in batched transactions through the one ingest path
// (pipeline/ingest-checks.ts), so a thousand probes a second are a few transactions, not thousands.
import type { Check, ServiceSpec } from '../sla/model.ts';
import type { Store } from '../db/store.ts';
import { ingestChecks } from '../pipeline/ingest-checks.ts';

export interface CheckRecorder {
  record(check: Check): void;
  /** Writes everything buffered; concurrent calls wait for the one in progress. */
  flush(): Promise<void>;
  readonly buffered: number;
}

export interface RecorderOptions {
  store: Store;
  services: () => readonly ServiceSpec[];
  nowMs: () => number;
  onError: (error: unknown) => void;
}

export function createCheckRecorder(options: RecorderOptions): CheckRecorder {
  let buffer: Check[] = [];
  let writing: Promise<void> = Promise.resolve();
  const writeBatch = async () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    try {
      await ingestChecks(options.store, options.services(), batch, options.nowMs());
    } catch (error) {
      // The batch stays out: a failed write must not be retried forever; its time becomes unknown.
      options.onError(error);
    }
  };
  return {
    record(check) {
      buffer.push(check);
    },
    flush() {
      writing = writing.then(writeBatch);
      return writing;
    },
    get buffered() {
      return buffer.length;
    },
  };
}
