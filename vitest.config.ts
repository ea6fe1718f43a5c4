import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit and core tests live next to their code; Playwright specs (tests/e2e) are not Vitest's.
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
