import type { MetaDescriptor } from '@remix-run/node';

export interface PageSeo {
  title: string;
  description: string;
  /** Absolute canonical URL (built from SITE_URL in the loader). */
  canonicalUrl: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  /** Search results and other pages that must stay out of search engines. */
  noindex?: boolean;
}

/** The site name and locale, as the root loader gives them to every route's meta. */
export interface SeoSite {
  name: string;
  locale: string;
}

/** The root loader's site from a meta function's `matches`. */
export function siteOf(matches: readonly { id: string; data?: unknown }[]): SeoSite {
  const root = matches.find((match) => match.id === 'root')?.data as { site?: SeoSite } | undefined;
  return root?.site ?? { name: '', locale: 'en' };
}

/** Title, description, canonical, Open Graph and Twitter card tags for one page. */
export function seoMeta(page: PageSeo, site: SeoSite): MetaDescriptor[] {
  const fullTitle = page.title === site.name || !site.name ? page.title : `${page.title} · ${site.name}`;
  const tags: MetaDescriptor[] = [
    { title: fullTitle },
    { name: 'description', content: page.description },
    { tagName: 'link', rel: 'canonical', href: page.canonicalUrl },
    { property: 'og:site_name', content: site.name },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: page.canonicalUrl },
    { property: 'og:locale', content: site.locale.replace('-', '_') },
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: page.title },
    { name: 'twitter:description', content: page.description },
  ];
  if (page.noindex) tags.push({ name: 'robots', content: 'noindex' });
  if (page.publishedTime) tags.push({ property: 'article:published_time', content: page.publishedTime });
  if (page.modifiedTime) tags.push({ property: 'article:modified_time', content: page.modifiedTime });
  if (page.section) tags.push({ property: 'article:section', content: page.section });
  return tags;
}
