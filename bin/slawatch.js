#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx slawatch` works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
