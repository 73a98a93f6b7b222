import type { SiteConfig } from '@cited/content';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { Feed } from 'feed';
import { getCatalog, type ArticleListing } from '../lib/articles.server';
import { deriveFor } from '../lib/derive.server';
import { cachedTextResponse, strongEtag } from '../lib/http.server';
import { personById } from '../lib/people.server';
import { absoluteUrl, siteUrl } from '../lib/site';
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

function buildRss(articles: readonly ArticleListing[], site: SiteConfig): { body: string; etag: string } {
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
    updated: latest ? toDate(latest.updated ?? latest.published) : new Date(0),
    feedLinks: { rss: absoluteUrl('/rss.xml') },
  });
  for (const article of newest) {
    const url = absoluteUrl(`/articles/${article.slug}`);
    const author = personById(article.author);
    feed.addItem({
      title: asHtmlText(article.title),
      id: url,
      link: url,
      description: asHtmlText(article.description),
      date: toDate(article.published),
      category: [article.category, ...article.tags].map((name) => ({ name: asHtmlText(name) })),
      ...(author ? { author: [{ name: asHtmlText(author.name) }] } : {}),
    });
  }
  const body = feed.rss2();
  return { body, etag: strongEtag(body) };
}

/** Built once per content snapshot and site configuration, then served from memory. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { snapshot } = await getCatalog();
  const site = siteConfig();
  const rss = deriveFor(snapshot, `blog:rss:${siteUrl()}`, site, () => buildRss(snapshot.articles, site));
  return cachedTextResponse(request, rss.body, { contentType: 'application/rss+xml; charset=utf-8', etag: rss.etag });
}
