import { fileURLToPath } from 'node:url';
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

const uiSourceDir = fileURLToPath(new URL('../../packages/ui/src/', import.meta.url));

/**
 * In dev, @cited/ui is read from its source (compiled by this app's vanilla-extract plugin), so an
 * edit to a component or its styles shows on the next reload without building the package.
 * Production (and the tests, which run the production build) use the package's dist, as any
 * consumer does.
 */
function uiFromSource(): Plugin {
  return {
    name: 'cited:ui-from-source',
    apply: 'serve',
    config: () => ({
      resolve: {
        alias: [
          { find: /^@cited\/ui$/, replacement: `${uiSourceDir}index.ts` },
          { find: /^@cited\/ui\/theme$/, replacement: `${uiSourceDir}theme/index.ts` },
          // The dist stylesheet holds every component's styles: importing every component registers them all.
          { find: /^@cited\/ui\/styles\.css$/, replacement: `${uiSourceDir}index.ts` },
        ],
      },
    }),
    configureServer(server) {
      // The whole directory, not file by file as Vite watches files outside the app: once a
      // file's own watch is lost (an editor that saves by renaming a new file over the old one),
      // its edits would no longer show. Also applied to vanilla-extract's compiler (see below),
      // which caches each compiled *.css.ts until its watcher reports a change.
      server.watcher.add(uiSourceDir);
    },
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
    uiFromSource(),
    vanillaExtractPlugin({
      // The plugins vanilla-extract's compiler (a Vite server of its own) runs besides its own.
      unstable_pluginFilter: ({ name }) => name === 'cited:ui-from-source',
    }),
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
