import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig } from 'vitest/config';

/** The site's content folder, from the root package.json's `cited.content` (as in .storybook/main.ts). */
const rootManifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { cited: { content: string } };
const siteContent = fileURLToPath(new URL(`../../${rootManifest.cited.content}/`, import.meta.url));

export default defineConfig({
  // The react entry test renders @cited/ui from source (its .css.ts files need the plugin), so the
  // tests do not depend on a built ui; `tsc`/turbo still consume @cited/ui from its dist.
  plugins: [vanillaExtractPlugin()],
  resolve: {
    alias: {
      '@cited/ui': fileURLToPath(new URL('../ui/src/index.ts', import.meta.url)),
      // The stories (tested in react-story.test.tsx) import the site's real seed article through this.
      '@site-content/': siteContent,
    },
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
