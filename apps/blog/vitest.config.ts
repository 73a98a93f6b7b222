import { defineConfig } from 'vitest/config';

// Deliberately not the Vite app config: the remix() plugin must never load under Vitest.
// SSR tests import the production server build (build/server/index.js) instead.
export default defineConfig({
  test: {
    // Timeouts only catch hangs. Under turbo's parallel load on 2 cores a test runs 6–30× slower than
    // alone, so no verdict may depend on how long it takes (timings belong to `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    environment: 'node',
    // Sets CITED_CACHE_DIR to a temp directory of this run's own (workers inherit it).
    // CITED_SITE_CONFIG: the real site.yml with the fixtures' made-up categories in its registry.
    globalSetup: ['test/cache-dir.setup.ts', 'test/site-config.setup.ts'],
    include: ['test/**/*.test.ts'],
  },
});
