import { defineConfig } from 'vitest/config';

/**
 * Sized for a 2-core machine that may be shared (CI, several jobs): at most two test files at once, each in its own
 * process, and one time-out for every test (no test sets a shorter one) wide enough for a machine under load. Under a
 * load average of ~15 a worker once waited more than vitest's fixed 60 s for the main process to take a task update
 * ("Timeout calling onTaskUpdate") and a green suite ended red: fewer workers than cores plus the CLI tests' own
 * children leave the main process a core.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    slowTestThreshold: 10_000,
  },
});
