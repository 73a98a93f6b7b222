import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react(), vanillaExtractPlugin()],
  test: {
    // Timeouts only catch hangs. Under turbo's parallel load on 2 cores a test runs 6–30× slower than
    // alone, so no verdict may depend on how long it takes (timings belong to `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Measured in the pinned Chromium (needs libnss3): `npm run test:browser`, a CI browser step.
    exclude: [...configDefaults.exclude, 'src/**/*.browser.test.ts'],
    css: true,
  },
});
