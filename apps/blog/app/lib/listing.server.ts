import { data } from '@remix-run/node';
import { summarize, type ArticleListing, type ArticleSummary } from './articles.server';
import { parsePageParam } from './format';
import { PAGE_SIZE } from './site';

export interface ListingPage {
  articles: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of a newest-first list. `?page=abc` → 400, a page past the end → 404: a bad page
 * number is the client's mistake, never a 500.
 */
export function paginate(request: Request, articles: readonly ArticleListing[]): ListingPage {
  const page = parsePageParam(new URL(request.url).searchParams.get('page'));
  if (page === null) throw data(null, { status: 400, statusText: 'Invalid page number' });
  const pageCount = Math.max(1, Math.ceil(articles.length / PAGE_SIZE));
  if (page > pageCount) throw data(null, { status: 404, statusText: 'No such page' });
  const start = (page - 1) * PAGE_SIZE;
  return {
    articles: articles.slice(start, start + PAGE_SIZE).map(summarize),
    page,
    pageCount,
    total: articles.length,
  };
}
