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
  /** /sitemaps/1.xml … when split (empty otherwise). */
  parts: PrecomputedXml[];
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

/** One urlset up to `limit` URLs; beyond it, parts of `limit` URLs and an index pointing at them. */
export function buildSitemaps(urls: readonly SitemapUrl[], limit = SITEMAP_MAX_URLS): Sitemaps {
  if (urls.length <= limit) return { root: xml(urlset(urls)), parts: [] };
  const parts: PrecomputedXml[] = [];
  for (let start = 0; start < urls.length; start += limit) parts.push(xml(urlset(urls.slice(start, start + limit))));
  const entries = parts.map(
    (_, index) => `  <sitemap>\n    <loc>${escapeXml(absoluteUrl(`/sitemaps/${index + 1}.xml`))}</loc>\n  </sitemap>`,
  );
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
  return { root: xml(index), parts };
}

/**
 * Home, categories, every page of every tag, the authors with published articles, /contact and
 * every published article: built once per snapshot (and people registry). The search page is
 * noindex and stays out.
 */
export function sitemapsOf(snapshot: ContentSnapshot, categorySlugs: readonly string[]): Sitemaps {
  const people = peopleRegistry();
  // The origin once, not per URL: siteUrl() stats site.yml (to follow its edits), 10,000 stats per build.
  const origin = siteUrl();
  const at = (pathname: string) => `${origin}${pathname}`;
  return deriveFor(snapshot, `blog:sitemaps:${origin}`, people, () => {
    const newest = snapshot.articles[0];
    const credited = new Set(snapshot.articles.flatMap((article) => [article.author, article.reviewedBy]));
    const urls: SitemapUrl[] = [
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
    return buildSitemaps(urls);
  });
}
