#!/usr/bin/env node
// The installed `slawatch` command: the program `npm run build` compiled into dist/, on plain node.
// In a checkout `npm start` builds it first; `bin/slawatch-dev.js` runs the TypeScript sources.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/entry.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('slawatch: dist/ is not built; run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
await import(entry.href);
