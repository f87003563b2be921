// Browser tests: real Debian Chromium against the production build in dist/ (built by the npm
// script first; service workers and the precache only exist in a build). One file at a time:
// each spec starts browsers, and two at once on two cores make timing-sensitive tests (autosave,
// crash recovery) flaky.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A retry would hide exactly the intermittent data-loss bugs these tests exist to find.
    retry: 0,
  },
});
