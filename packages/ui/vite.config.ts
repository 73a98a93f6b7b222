/**
 * The library build: vanilla-extract's Vite integration compiles every `*.css.ts` at build time,
 * Vite extracts all of it into one `dist/styles.css`, and the JS keeps only plain class-name
 * strings. Consumers need no vanilla-extract plugin and run no vanilla-extract code (the small
 * recipe lookup that maps variants to class names is bundled in).
 */
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import { designTokens } from './src/theme/designTokens';

/** Emits dist/tokens.json from the same token source the stylesheet is compiled from. */
function tokensJson(): Plugin {
  return {
    name: 'cited:tokens-json',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'tokens.json', source: `${JSON.stringify(designTokens(), null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [
    vanillaExtractPlugin({
      // Prefixed so that, in a consumer's DevTools, every class says where it comes from.
      identifiers: ({ hash }) => `cited_${hash}`,
    }),
    tokensJson(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A consumer's bundler minifies JS; unminified, the dist is readable without source maps, so
    // none ship. The stylesheet is minified: plain-CSS users may link it as it is.
    minify: false,
    cssMinify: 'esbuild',
    sourcemap: false,
    cssCodeSplit: false,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', theme: 'src/theme/index.ts' },
      formats: ['es'],
      cssFileName: 'styles',
    },
    rollupOptions: {
      // React is the consumer's; everything else (the recipe runtime) is bundled.
      external: [/^react(-dom)?($|\/)/],
      output: {
        // The theme contract (`vars`), shared by both entry points.
        manualChunks: (id) => (id.includes('/theme/contract.css') ? 'vars' : undefined),
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
