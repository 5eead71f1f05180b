import { defineConfig } from 'vitest/config';

// One suite for every backend: tests that need a database call `openTestStore()`
// (test/support), which uses PostgreSQL when DATABASE_URL is set and PGlite otherwise.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'src/web/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // bin/soviet.js, when a test spawns it, runs the sources, not a possibly stale dist/.
    env: { SOVIET_SOURCE: '1' },
  },
});
