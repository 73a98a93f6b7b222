import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/react-vite/node';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import type { Plugin, PluginOption } from 'vite';

const uiSource = fileURLToPath(new URL('../packages/ui/src', import.meta.url));
const styleSourcesId = 'virtual:cited/style-sources';
/** The site's content folder, from the root package.json's `cited.content` (stories show real articles). */
const siteContent = fileURLToPath(
  new URL(`../${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { cited: { content: string } }).cited.content}/`, import.meta.url),
);

/**
 * The source text of every *.css.ts in packages/ui, for the docs pages' "Tokens used" tables.
 * (`?raw` imports of *.css.ts are compiled by vanilla-extract instead of returned as text.)
 */
function styleSourcesPlugin(): Plugin {
  return {
    name: 'cited-style-sources',
    resolveId: (source) => (source === styleSourcesId ? `\0${styleSourcesId}` : undefined),
    load(id) {
      if (id !== `\0${styleSourcesId}`) return undefined;
      const docsDir = join(uiSource, 'docs');
      const files = (readdirSync(uiSource, { recursive: true }) as string[]).filter((file) => file.endsWith('.css.ts'));
      const sources = Object.fromEntries(
        files.map((file) => {
          this.addWatchFile(join(uiSource, file));
          return [relative(docsDir, join(uiSource, file)).split('\\').join('/'), readFileSync(join(uiSource, file), 'utf8')];
        }),
      );
      return `export default ${JSON.stringify(sources)};`;
    },
  };
}

/** Flattens Vite's nested plugin arrays so each plugin can be inspected by name. */
function flattenPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flatMap((plugin) => (Array.isArray(plugin) ? flattenPlugins(plugin) : [plugin]));
}

function pluginName(plugin: PluginOption): string {
  return plugin && typeof plugin === 'object' && 'name' in plugin ? String(plugin.name) : '';
}

export default defineMain({
  framework: { name: '@storybook/react-vite', options: {} },
  stories: [
    '../packages/ui/src/**/*.mdx',
    '../packages/ui/src/**/*.stories.tsx',
    // The markdown pipeline rendering the real seed article with these components.
    '../packages/content/src/**/*.stories.tsx',
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-themes', 'storybook-addon-pseudo-states'],
  core: {
    // The design system is built offline and in CI: no telemetry calls, no "what's new" fetches.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // This Storybook is the design system's documentation, not a Storybook tutorial.
  features: {
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
    // The sidebar search also matches docs pages' headings, so "footnote" finds Citation's
    // "Also called" heading (story tags are not searched).
    experimentalSearchDocsHeadings: true,
  },
  typescript: {
    // react-docgen-typescript follows imported types (ReferenceData, the `as const` unions), so
    // the props tables show real types instead of `unknown`.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: fileURLToPath(new URL('../packages/ui/tsconfig.json', import.meta.url)),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Our own props only: the hundreds of inherited HTML attributes would bury them.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    // Storybook runs Vite from the repo root, which has no vite.config. Guard anyway: the blog's
    // Remix plugin must never end up in here (it takes over the dev server and the build).
    const plugins = flattenPlugins(config.plugins).filter((plugin) => !/remix/i.test(pluginName(plugin)));
    return mergeConfig(
      { ...config, plugins },
      {
        // Components style themselves with vanilla-extract (*.css.ts), compiled at build time.
        plugins: [vanillaExtractPlugin(), styleSourcesPlugin()],
        // @cited/content/react imports '@cited/ui': the same source the ui stories use, so there is
        // one copy of each component and its CSS, and no build is needed before `npm run storybook`.
        resolve: {
          alias: {
            '@cited/ui': fileURLToPath(new URL('../packages/ui/src/index.ts', import.meta.url)),
            'node-fetch': fileURLToPath(new URL('./node-fetch-browser.ts', import.meta.url)),
            // Content stories import the site's real articles without naming the app that holds them.
            '@site-content/': siteContent,
          },
        },
        // Storybook's own preview runtime (with axe-core for the a11y panel) is one ~2 MB chunk;
        // that is expected for a docs site and not worth a warning on every build.
        build: { chunkSizeWarningLimit: 2500 },
      },
    );
  },
});
