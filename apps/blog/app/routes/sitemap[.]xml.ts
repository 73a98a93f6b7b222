import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCatalog } from '../lib/articles.server';
import { cachedTextResponse } from '../lib/http.server';
import { peopleRegistry } from '../lib/people.server';
import { absoluteUrl, PAGE_SIZE } from '../lib/site';
import { tagsOf } from '../lib/taxonomy.server';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function urlEntry(loc: string, lastmod?: string): string {
  return `  <url>\n    <loc>${escapeXml(loc)}</loc>${lastmod ? `\n    <lastmod>${escapeXml(lastmod)}</lastmod>` : ''}\n  </url>`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { articles, categories } = await getCatalog();
  const newest = articles[0];
  const entries = [
    urlEntry(absoluteUrl('/'), newest ? (newest.meta.updated ?? newest.meta.published) : undefined),
    ...categories.map((category) => urlEntry(absoluteUrl(`/category/${category.slug}`))),
    // Every page of every tag (the search page is noindex and stays out).
    ...tagsOf(articles).flatMap((tag) =>
      Array.from({ length: Math.ceil(tag.count / PAGE_SIZE) }, (_, i) =>
        urlEntry(absoluteUrl(i === 0 ? `/tags/${tag.slug}` : `/tags/${tag.slug}?page=${i + 1}`)),
      ),
    ),
    ...[...peopleRegistry().keys()]
      .filter((id) => articles.some((article) => article.meta.author === id || article.meta.reviewedBy === id))
      .map((id) => urlEntry(absoluteUrl(`/authors/${id}`))),
    urlEntry(absoluteUrl('/contact')),
    ...articles.map((article) =>
      urlEntry(absoluteUrl(`/articles/${article.meta.slug}`), article.meta.updated ?? article.meta.published),
    ),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
  return cachedTextResponse(request, xml, { contentType: 'application/xml; charset=utf-8' });
}
