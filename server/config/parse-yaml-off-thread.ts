// A large config is parsed in a worker thread. The yaml library's document model costs about 200
// bytes of heap per byte of text, and V8 keeps the pages it grew into: a 10,000-monitor file
// (600 KB) left the process 170 MB larger for its whole life. A worker's heap goes with it; only
// the plain value comes back. The worker runs plain CommonJS (no TypeScript loader reaches worker
// threads) with parse-yaml.ts's options, passed in; on any problem the caller parses on its own thread,
// which also gives the messages their line and column.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { yamlOptions } from './parse-yaml.ts';

/** Files at least this large are parsed off the main thread (about 4,000 one-line monitors). */
export const offThreadMinChars = 256 * 1024;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { parseDocument } = require(workerData.yamlPath);
const doc = parseDocument(workerData.text, workerData.options.parse);
if (doc.errors.length > 0 || doc.warnings.length > 0) parentPort.postMessage({ ok: false });
else {
  try { parentPort.postMessage({ ok: true, value: doc.toJS(workerData.options.toJs) }); }
  catch { parentPort.postMessage({ ok: false }); }
}`;

export type OffThreadYaml = { ok: true; value: unknown } | { ok: false };

export function parseYamlOffThread(text: string): Promise<OffThreadYaml> {
  const yamlPath = createRequire(import.meta.url).resolve('yaml');
  return new Promise((resolve) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { text, yamlPath, options: yamlOptions } });
    worker.once('message', (message: OffThreadYaml) => {
      resolve(message);
      void worker.terminate();
    });
    // A worker that cannot start (or dies) is no verdict on the file: parse it here instead.
    worker.once('error', () => resolve({ ok: false }));
    worker.once('exit', () => resolve({ ok: false }));
  });
}
