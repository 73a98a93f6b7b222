import os from 'node:os';
import path from 'node:path';
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
    // The content store's disk cache (compiled articles, per-directory state) for fixture
    // directories goes to the temp dir, not into the app's node_modules/.cache.
    env: { CITED_CACHE_DIR: path.join(os.tmpdir(), 'cited-blog-test-cache') },
    include: ['test/**/*.test.ts'],
  },
});
