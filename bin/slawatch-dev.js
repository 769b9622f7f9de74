#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx slawatch` works after `npm ci` with no build step.
// The project's tsconfig is named explicitly: tsx would otherwise look for one in the working
// directory, and from any other folder the pages' JSX (hono/jsx) would compile as React's.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../server/cli/entry.ts');
