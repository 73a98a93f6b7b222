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
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
