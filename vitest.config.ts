import { configDefaults, defineConfig } from 'vitest/config';

// Two lanes (projects), one run: `npm test` runs both, `npm run test:unit` only 'unit'.
// - unit: tests/unit, in-process and fast: no build, no browser, no server, no Astro process,
//   and nothing provided (tests/helpers/unit-lane.ts fails a file there that calls inject()).
// - demo: every other test folder (integration, security, browser), with the demo platform
//   built once first (tests/global-setup.ts, inject('demoRoot')).
export default defineConfig({
  test: {
    // Builds and browsers are real: give them time, and do not oversubscribe the 2 cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // Replaced outputs are deleted before a build returns, not in the background
    // (src/publish/swap-directory.ts): the tests delete their temporary folders right after.
    env: { GOVSITE_DISCARD: 'inline' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/helpers/unit-lane.ts'],
          // One worker runs several files, keeping the modules they load (about a third less CPU:
          // no new process and no fresh import of src/ per file). Safe here: the files share no
          // state but the read-only demo platform; each writes only its own temporary folders,
          // restores the environment variables it sets and its spies (afterEach).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'demo',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/unit/**'],
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
