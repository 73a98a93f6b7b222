import { defineConfig } from 'vitest/config';

// Deliberately not the Vite app config: the remix() plugin must never load under Vitest.
// SSR tests import the production server build (build/server/index.js) instead.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
