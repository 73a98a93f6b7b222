import { defineConfig } from 'vitest/config';

// Deliberately not the Vite app config: the remix() plugin must never load under Vitest.
// SSR tests import the production server build (build/server/index.js) instead.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // beforeAll hooks load the server build and write fixtures; the shared 2-core machine can be slow.
    hookTimeout: 60_000,
  },
});
