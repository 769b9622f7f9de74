import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Storage suites share one PostgreSQL server; files run in parallel on separate schemas.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/web/**', 'test/**/*.browser.test.ts', 'test/bin/**'],
          sequence: { groupOrder: 0 },
        },
      },
      // The browser tests (a server and Chromium) run after the rest: on a small machine they
      // would otherwise take the CPU that the timing-sensitive probing tests measure.
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/web/**/*.test.ts', 'test/**/*.browser.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      // The packed package installed into an empty folder comes last: its install may compile
      // better-sqlite3 for minutes, CPU the timing-sensitive tests would lose beside it.
      {
        extends: true,
        test: { name: 'package', include: ['test/bin/**/*.test.ts'], sequence: { groupOrder: 2 } },
      },
    ],
  },
});
