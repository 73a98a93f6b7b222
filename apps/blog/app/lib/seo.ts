import type { MetaDescriptor } from '@remix-run/node';
import { SITE_NAME } from './site';

export interface PageSeo {
  title: string;
  description: string;
  /** Absolute canonical URL (built from SITE_URL in the loader). */
  canonicalUrl: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
}

/** Title, description, canonical, Open Graph and Twitter card tags for one page. */
export function seoMeta(page: PageSeo): MetaDescriptor[] {
  const fullTitle = page.title === SITE_NAME ? SITE_NAME : `${page.title} · ${SITE_NAME}`;
  const tags: MetaDescriptor[] = [
    { title: fullTitle },
    { name: 'description', content: page.description },
    { tagName: 'link', rel: 'canonical', href: page.canonicalUrl },
    { property: 'og:site_name', content: SITE_NAME },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: page.canonicalUrl },
    { property: 'og:locale', content: 'en_US' },
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: page.title },
    { name: 'twitter:description', content: page.description },
  ];
  if (page.publishedTime) tags.push({ property: 'article:published_time', content: page.publishedTime });
  if (page.modifiedTime) tags.push({ property: 'article:modified_time', content: page.modifiedTime });
  if (page.section) tags.push({ property: 'article:section', content: page.section });
  return tags;
}
