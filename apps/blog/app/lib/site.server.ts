import { readSiteConfig, type SiteConfig } from '@cited/content';
import { watchedConfig } from './config-file.server';

/** site.yml (CITED_SITE_CONFIG overrides the path): the site's validated identity. */
export const siteConfig: () => SiteConfig = watchedConfig((files) => files.siteFile, 'site.yml', (text, file) => {
  const { config, diagnostics } = readSiteConfig(text, file);
  return { value: config, diagnostics };
});

/** What pages render of the config (root loader data, so components need no server import). */
export type PublicSite = Pick<SiteConfig, 'name' | 'tagline' | 'description' | 'footer' | 'disclaimer' | 'locale'> & {
  publisherName: string;
};

export function publicSite(): PublicSite {
  const { name, tagline, description, footer, disclaimer, locale, publisher } = siteConfig();
  return { name, tagline, description, footer, disclaimer, locale, publisherName: publisher.name };
}
