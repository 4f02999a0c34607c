import { defineConfig } from 'vitest/config';

/** Browser end-to-end flows: one real server per file, chromium driven by playwright-core. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: process.env.VITEST_E2E_JSON ? ['default', ['json', { outputFile: process.env.VITEST_E2E_JSON }]] : ['default'],
  },
});
