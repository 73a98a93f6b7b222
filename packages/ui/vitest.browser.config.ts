import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig } from 'vitest/config';

// Tests that measure in the pinned Chromium (*.browser.test.ts, beside their source): they need
// libnss3, so they run in CI's browser steps (`npm run test:browser`), not in Node-only `npm test`.
export default defineConfig({
  plugins: [vanillaExtractPlugin()],
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    environment: 'node',
    include: ['src/**/*.browser.test.ts'],
  },
});
