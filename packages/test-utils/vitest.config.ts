import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Timeouts only catch hangs (2 shared cores); no verdict depends on how long a test takes.
    testTimeout: 600_000,
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
