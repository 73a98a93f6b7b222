import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The react entry test renders @cited/ui from source (its .css.ts files need the plugin), so the
  // tests do not depend on a built ui; `tsc`/turbo still consume @cited/ui from its dist.
  plugins: [vanillaExtractPlugin()],
  resolve: {
    alias: { '@cited/ui': fileURLToPath(new URL('../ui/src/index.ts', import.meta.url)) },
  },
  test: {
    // Timeouts only catch hangs. Under turbo's parallel load on 2 cores a test runs 6–30× slower than
    // alone, so no verdict may depend on how long it takes (timings belong to `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
