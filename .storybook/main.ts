import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/react-vite/node';
import { vanillaExtractPlugin } from '@vanilla-extract/vite-plugin';
import type { PluginOption } from 'vite';

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
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-themes'],
  core: {
    // The design system is built offline and in CI: no telemetry calls, no "what's new" fetches.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // This Storybook is the design system's documentation, not a Storybook tutorial.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    // Storybook runs Vite from the repo root, which has no vite.config. Guard anyway: the blog's
    // Remix plugin must never end up in here (it takes over the dev server and the build).
    const plugins = flattenPlugins(config.plugins).filter((plugin) => !/remix/i.test(pluginName(plugin)));
    return mergeConfig(
      { ...config, plugins },
      {
        // Components style themselves with vanilla-extract (*.css.ts), compiled at build time.
        plugins: [vanillaExtractPlugin()],
        // @cited/content/react imports '@cited/ui': the same source the ui stories use, so there is
        // one copy of each component and its CSS, and no build is needed before `npm run storybook`.
        resolve: {
          alias: {
            '@cited/ui': fileURLToPath(new URL('../packages/ui/src/index.ts', import.meta.url)),
            'node-fetch': fileURLToPath(new URL('./node-fetch-browser.ts', import.meta.url)),
          },
        },
        // Storybook's own preview runtime (with axe-core for the a11y panel) is one ~2 MB chunk;
        // that is expected for a docs site and not worth a warning on every build.
        build: { chunkSizeWarningLimit: 2500 },
      },
    );
  },
});
