import { vitePlugin as remix } from '@remix-run/dev';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig, type Plugin } from 'vite';

declare module '@remix-run/node' {
  // Typed `future` for single fetch (loader data types flow through useLoaderData).
  interface Future {
    v3_singleFetch: true;
  }
}

/** The server bundle's entry: Remix's build plus the app functions server.js calls, by name. */
export const serverBuildEntry = 'app/server-build.ts';

/**
 * Builds the server bundle from app/server-build.ts instead of Remix's virtual server build (which
 * that module re-exports). React Router 7 takes the same `build.rollupOptions.input` directly;
 * Remix 2's plugin sets the input itself, so this runs after it and replaces it.
 */
function serverBundleEntry(): Plugin {
  return {
    name: 'cited:server-bundle-entry',
    config: (_config, { isSsrBuild }) => (isSsrBuild ? { build: { rollupOptions: { input: serverBuildEntry } } } : undefined),
  };
}

export default defineConfig({
  plugins: [
    remix({
      // Every v3 flag on, so moving to React Router 7 is a dependency bump.
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
    serverBundleEntry(),
    vanillaExtractPlugin(),
  ],
  server: { port: 3000 },
  build: {
    rollupOptions: {
      output: {
        // @cited/ui's precompiled stylesheet and every vanilla-extract module of the blog in one
        // chunk, so every page links exactly one stylesheet (no render-blocking request beyond it).
        // Pages ship no JS, so the chunk's JS is never loaded.
        manualChunks(id) {
          if (/\.css\.ts(\?|$)|\.vanilla\.css|[\\/]ui[\\/]dist[\\/]styles\.css$/.test(id)) return 'styles';
          return undefined;
        },
      },
    },
  },
});
