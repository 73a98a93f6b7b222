import type { LoaderFunctionArgs } from '@remix-run/node';
import { Feed } from 'feed';
import { getCatalog, type ArticleListing } from '../lib/articles.server';
import { cachedTextResponse, strongEtag } from '../lib/http.server';
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME, siteUrl } from '../lib/site';

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

function buildRss(articles: readonly ArticleListing[]): { body: string; etag: string } {
  const newest = articles.slice(0, FEED_SIZE);
  const latest = newest[0];
  const feed = new Feed({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    id: `${siteUrl()}/`,
    link: `${siteUrl()}/`,
    language: 'en',
    copyright: `© ${SITE_NAME}`,
    // Derived from content, not the clock, so the feed's ETag only changes when articles do.
    updated: latest ? toDate(latest.updated ?? latest.published) : new Date(0),
    feedLinks: { rss: absoluteUrl('/rss.xml') },
  });
  for (const article of newest) {
    const url = absoluteUrl(`/articles/${article.slug}`);
    feed.addItem({
      title: asHtmlText(article.title),
      id: url,
      link: url,
      description: asHtmlText(article.description),
      date: toDate(article.published),
      category: [{ name: asHtmlText(article.category) }],
    });
  }
  const body = feed.rss2();
  return { body, etag: strongEtag(body) };
}

/** Built once per content snapshot (and site URL), then served from memory. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { snapshot } = await getCatalog();
  const rss = snapshot.derive(`blog:rss:${siteUrl()}`, (s) => buildRss(s.articles));
  return cachedTextResponse(request, rss.body, { contentType: 'application/rss+xml; charset=utf-8', etag: rss.etag });
}
