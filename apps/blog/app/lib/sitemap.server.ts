import type { ContentSnapshot } from '@cited/content/store';
import { strongEtag } from './http.server';
import { deriveFor } from './derive.server';
import { peopleRegistry } from './people.server';
import { absoluteUrl, PAGE_SIZE, siteUrl } from './site';
import { tagsOf } from './taxonomy.server';

/** The sitemap protocol's limit per file; beyond it, /sitemap.xml becomes a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

export interface PrecomputedXml {
  body: string;
  etag: string;
}

export interface Sitemaps {
  /** What /sitemap.xml serves: the only urlset, or the index of the parts. */
  root: PrecomputedXml;
  /** How many parts /sitemaps/1.xml … serve (0: the root is the only urlset). */
  partCount: number;
  /**
   * Part n (from 1), built when asked and not kept: crawlers read them now and then, and at
   * 100,000 articles they are 17 MB of text a server would otherwise hold for each snapshot.
   */
  part(n: number): PrecomputedXml | undefined;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function xml(body: string): PrecomputedXml {
  return { body, etag: strongEtag(body) };
}

function urlset(urls: readonly SitemapUrl[]): string {
  const entries = urls.map(
    ({ loc, lastmod }) =>
      `  <url>\n    <loc>${escapeXml(loc)}</loc>${lastmod ? `\n    <lastmod>${escapeXml(lastmod)}</lastmod>` : ''}\n  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/**
 * One urlset up to `limit` URLs; beyond it, an index pointing at parts of `limit` URLs each.
 * `listUrls` gives the same URLs each call (one snapshot's): a part lists them again when asked.
 */
export function buildSitemaps(listUrls: () => readonly SitemapUrl[], limit = SITEMAP_MAX_URLS): Sitemaps {
  const urls = listUrls();
  if (urls.length <= limit) return { root: xml(urlset(urls)), partCount: 0, part: () => undefined };
  const partCount = Math.ceil(urls.length / limit);
  const entries = Array.from(
    { length: partCount },
    (_, index) => `  <sitemap>\n    <loc>${escapeXml(absoluteUrl(`/sitemaps/${index + 1}.xml`))}</loc>\n  </sitemap>`,
  );
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
  return {
    root: xml(index),
    partCount,
    part: (n) => (Number.isInteger(n) && n >= 1 && n <= partCount ? xml(urlset(listUrls().slice((n - 1) * limit, n * limit))) : undefined),
  };
}

/**
 * Home, categories, every page of every tag, the authors with published articles, /contact and
 * every published article: /sitemap.xml built once per snapshot (and people registry), a part
 * when asked. The search page is noindex and stays out.
 */
export function sitemapsOf(snapshot: ContentSnapshot, categorySlugs: readonly string[]): Sitemaps {
  const people = peopleRegistry();
  // The origin once, not per URL: siteUrl() stats site.yml (to follow its edits), 10,000 stats per build.
  const origin = siteUrl();
  const at = (pathname: string) => `${origin}${pathname}`;
  const listUrls = (): SitemapUrl[] => {
    const newest = snapshot.articles[0];
    const credited = new Set(snapshot.articles.flatMap((article) => [article.author, article.reviewedBy]));
    return [
      { loc: at('/'), ...(newest ? { lastmod: newest.updated ?? newest.published } : {}) },
      ...categorySlugs.map((slug) => ({ loc: at(`/category/${slug}`) })),
      ...tagsOf(snapshot).flatMap((tag) =>
        Array.from({ length: Math.ceil(tag.count / PAGE_SIZE) }, (_, i) => ({
          loc: at(i === 0 ? `/tags/${tag.slug}` : `/tags/${tag.slug}?page=${i + 1}`),
        })),
      ),
      ...[...people.keys()].filter((id) => credited.has(id)).map((id) => ({ loc: at(`/authors/${id}`) })),
      { loc: at('/contact') },
      ...snapshot.articles.map((article) => ({
        loc: at(`/articles/${article.slug}`),
        lastmod: article.updated ?? article.published,
      })),
    ];
  };
  return deriveFor(snapshot, `blog:sitemaps:${origin}`, people, () => buildSitemaps(listUrls));
}
