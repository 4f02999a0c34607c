import { defineConfig } from 'vitest/config';

const apiTests = ['src/**/__tests__/*.routes.test.ts', 'test/**/*.test.ts'];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Three projects: pure rules (no database), API tests on PGlite (always), and the same API tests on
 * PostgreSQL when TEST_DATABASE_URL is set — each test file in its own fresh database.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'rules', include: ['src/**/__tests__/*.rules.test.ts', 'src/**/__tests__/*.unit.test.ts'] } },
      { extends: true, test: { name: 'api-pglite', include: apiTests, env: { KAIROS_TEST_DB: 'pglite' }, globalSetup: ['test/global-setup.ts'] } },
      ...(onPostgres ? [{ extends: true as const, test: { name: 'api-postgres', include: apiTests, env: { KAIROS_TEST_DB: 'postgres' }, globalSetup: ['test/global-setup.ts'] } }] : []),
    ],
  },
});
