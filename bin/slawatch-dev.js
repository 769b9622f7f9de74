#!/usr/bin/env node
// Runs the CLI from the TypeScript sources through tsx, with no build: `npm run dev`, and the tests
// and benchmarks that spawn the CLI, so a stale dist/ can never be what they measure.
// The project's tsconfig is named explicitly: tsx would otherwise look for one in the working
// directory, and from any other folder the pages' JSX (hono/jsx) would compile as React's.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../server/cli/entry.ts');
