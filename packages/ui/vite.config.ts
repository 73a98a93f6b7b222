/**
 * The library build: vanilla-extract's Vite integration compiles every `*.css.ts` at build time,
 * Vite extracts all of it into one `dist/styles.css`, and the JS keeps only plain class-name
 * strings. Consumers need no vanilla-extract plugin and run no vanilla-extract code (the small
 * recipe lookup that maps variants to class names is bundled in).
 *
 * The JS keeps one file per source module (`preserveModules`) and every top-level call is pure, so
 * an app that imports only `Citation` bundles only Citation's modules (checked by
 * `npm run test:consumers`, which builds a Vite app with Citation alone and one with everything).
 */
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import { designTokens, designTokenSets } from './src/theme/designTokens';
import { tokensStudioTokens } from './src/theme/tokensStudio';

/**
 * Emits the design tokens from the same source the stylesheet is compiled from: dist/tokens.json
 * (the sets core, light and dark in one DTCG document), each set on its own in dist/tokens/ (for
 * Style Dictionary's `source`), and dist/tokens-studio.json (Tokens Studio's format).
 */
function tokensJson(): Plugin {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    name: 'cited:tokens-json',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'tokens.json', source: json(designTokens()) });
      for (const [name, set] of Object.entries(designTokenSets())) this.emitFile({ type: 'asset', fileName: `tokens/${name}.json`, source: json(set) });
      this.emitFile({ type: 'asset', fileName: 'tokens-studio.json', source: json(tokensStudioTokens()) });
    },
  };
}

/**
 * vanilla-extract compiles each `recipe()` to a top-level `createRuntimeFn({…})` call. Marked pure,
 * a bundler may drop the ones an app never reads, even where it ignores package.json `sideEffects`.
 */
function pureRecipeCalls(): Plugin {
  return {
    name: 'cited:pure-recipe-calls',
    enforce: 'post',
    transform(code, id) {
      if (!/\.css\.ts$/.test(id)) return undefined;
      // vanilla-extract imports the runtime under a generated alias: `createRuntimeFn as _7a468`.
      const runtime = /import \{ createRuntimeFn as (\w+) \}/.exec(code)?.[1];
      if (!runtime) return undefined;
      return { code: code.replaceAll(`= ${runtime}(`, `= /* @__PURE__ */ ${runtime}(`), map: null };
    },
  };
}

/**
 * Prose's element rules have the specificity of one class and tie with the components' classes;
 * the components win those ties by coming later in styles.css (see Prose.css.ts): each component's
 * `*.css.ts` imports Prose's first. The build checks the result: every Prose rule before the first
 * rule of any other component.
 */
function proseRulesFirst(): Plugin {
  /** The class names a compiled `*.css.ts` module exports share its file's hash as a prefix. */
  const filePrefix = (code: string): string | undefined => {
    const names = [...new Set(code.match(/cited_[a-z0-9]+/g) ?? [])];
    if (names.length < 2) return names[0];
    let prefix = names[0] ?? '';
    for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
  };
  return {
    name: 'cited:prose-rules-first',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const stylesheet = Object.values(bundle).find((file) => file.type === 'asset' && file.fileName === 'styles.css');
      if (stylesheet?.type !== 'asset') this.error('styles.css was not emitted');
      const css = String(stylesheet.source);
      const cssJs = Object.keys(bundle).filter((fileName) => fileName.endsWith('.css.js'));
      if (cssJs.length > 0) this.error(`${cssJs.join(', ')}: vanilla-extract apps would compile these again (see moduleFileName)`);
      const prefixes = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' && /^components\/.+\.classes\.js$/.test(file.fileName) ? [[file.fileName, filePrefix(file.code)] as const] : [],
      );
      const prose = prefixes.find(([fileName]) => fileName.startsWith('components/Prose/'))?.[1];
      if (!prose) this.error('no class names found for Prose');
      const lastProseRule = css.lastIndexOf(`.${prose}`);
      for (const [fileName, prefix] of prefixes) {
        if (!prefix || prefix === prose) continue;
        const first = css.indexOf(`.${prefix}`);
        if (first !== -1 && first < lastProseRule) {
          this.error(`styles.css: ${fileName}'s rules start before Prose's end: import '../Prose/Prose.css' at the top of it`);
        }
      }
    },
  };
}

/**
 * Output file names. Bundled third-party modules (the recipe runtime) go to dist/vendor/, not a
 * nested node_modules. A compiled `X.css.ts` is written `X.classes.js`, not `X.css.js`: apps that
 * use vanilla-extract themselves (the blog does) run every `*.css.js` they import through its
 * compiler, which refuses the recipe functions these modules export.
 */
function moduleFileName(chunk: { name: string }): string {
  const inNodeModules = /node_modules\/(.+)$/.exec(chunk.name)?.[1];
  if (inNodeModules) return `vendor/${inNodeModules.replace(/[^\w/.-]/g, '_')}.js`;
  return `${chunk.name.replace(/\.css$/, '.classes')}.js`;
}

export default defineConfig({
  plugins: [
    pureRecipeCalls(),
    proseRulesFirst(),
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
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: moduleFileName,
      },
    },
  },
});
