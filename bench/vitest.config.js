import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Timeouts only catch hangs. Under turbo's parallel load on 2 cores a test runs 6–30× slower than
    // alone, so no verdict may depend on how long it takes (timings belong to `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    environment: 'node',
    include: ['test/**/*.test.js'],
  },
});
