#!/usr/bin/env node
// Runs vitest with a JSON report and prints the closing line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('test-artifacts', { recursive: true });
const reportPath = 'test-artifacts/vitest-report.json';
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (!existsSync(reportPath)) {
  console.log('0 passed, 1 failed');
  process.exit(result.status || 1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
// A file that fails to load has no failed test of its own; count it as one failure so it cannot hide.
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
).length;
console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${report.numPendingTests} skipped`,
);
process.exit(result.status ?? 1);
