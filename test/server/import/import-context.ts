// The configuration the import tests check rows against: a monitor probed from three locations,
// one probed from the server itself (no locations configured), one from a single location.

import { fileURLToPath } from 'node:url';
import type { ImportKind } from '../../../server/import/import-kinds.ts';
import { readImportFile, type ReadImportOptions } from '../../../server/import/read-import-file.ts';
import type { ImportContext, ImportError } from '../../../server/import/row-parser.ts';

export const ctx: ImportContext = {
  monitors: new Map([
    ['console', { serviceId: 'lanscope-cloud', locations: ['tokyo', 'osaka', 'singapore'] }],
    ['api', { serviceId: 'lanscope-cloud', locations: [] }],
    ['backup', { serviceId: 'lanscope-cloud', locations: ['tokyo'] }],
  ]),
  serviceIds: new Set(['lanscope-cloud', 'status-page']),
};

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
}

/** Every batch of a file, gathered: for files small enough to hold. */
export async function readAll(kind: ImportKind, filePath: string, options: ReadImportOptions = {}) {
  const values: unknown[] = [];
  const errors: ImportError[] = [];
  let batches = 0;
  for await (const batch of readImportFile(kind, filePath, ctx, options)) {
    values.push(...batch.values);
    errors.push(...batch.errors);
    batches++;
  }
  return { values, errors, batches };
}
