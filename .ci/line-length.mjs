#!/usr/bin/env node
// Fails when a source line is longer than the limit the formatter keeps code to. Biome breaks code
// at 120 columns but leaves strings and comments whole, so those are caught here.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const maxColumns = 120;
const source = /\.(ts|tsx|mts|js|mjs|css)$/;
const skipped = /^(db\/migrations|test\/fixtures)\//;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => source.test(f) && !skipped.test(f));
const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => ([...line].length > maxColumns ? [`${file}:${i + 1}: ${[...line].length} columns`] : [])),
);
for (const line of long) console.log(line);
console.log(
  long.length === 0
    ? `line length: ${files.length} files, none over ${maxColumns} columns`
    : `line length: ${long.length} lines over ${maxColumns} columns`,
);
process.exit(long.length === 0 ? 0 : 1);
