import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Builds and browsers are real: give them time, and do not oversubscribe the 2 cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // Replaced outputs are deleted before a build returns, not in the background
    // (src/publish/swap-directory.ts): the tests delete their temporary folders right after.
    env: { GOVSITE_DISCARD: 'inline' },
  },
});
