import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.js'],
    // Integration tests start real servers (ceiling, nginx, Chromium); give them room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
