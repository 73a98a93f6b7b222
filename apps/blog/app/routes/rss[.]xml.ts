import type { LoaderFunctionArgs } from '@remix-run/node';
import { Feed } from 'feed';
import { getCatalog } from '../lib/articles.server';
import { cachedTextResponse } from '../lib/http.server';
import { absoluteUrl, siteUrl } from '../lib/site';
import { personById } from '../lib/people.server';
import { siteConfig } from '../lib/site.server';

const FEED_SIZE = 20;

/**
 * Feed readers render RSS titles and descriptions as HTML, so plain text goes in escaped:
 * a title like "<script>…" must show as text there, not run.
 */
function asHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { articles } = await getCatalog();
  const site = siteConfig();
  const newest = articles.slice(0, FEED_SIZE);
  const latest = newest[0];
  const feed = new Feed({
    title: site.name,
    description: site.description,
    id: `${siteUrl()}/`,
    link: `${siteUrl()}/`,
    language: site.locale,
    copyright: `© ${site.publisher.name}`,
    // Derived from content, not the clock, so the feed's ETag only changes when articles do.
    updated: latest ? toDate(latest.meta.updated ?? latest.meta.published) : new Date(0),
    feedLinks: { rss: absoluteUrl('/rss.xml') },
  });
  for (const article of newest) {
    const url = absoluteUrl(`/articles/${article.meta.slug}`);
    feed.addItem({
      title: asHtmlText(article.meta.title),
      id: url,
      link: url,
      description: asHtmlText(article.meta.description),
      date: toDate(article.meta.published),
      category: [article.meta.category, ...article.meta.tags].map((name) => ({ name: asHtmlText(name) })),
      ...(personById(article.meta.author) ? { author: [{ name: asHtmlText(personById(article.meta.author)?.name ?? '') }] } : {}),
    });
  }
  return cachedTextResponse(request, feed.rss2(), { contentType: 'application/rss+xml; charset=utf-8' });
}
