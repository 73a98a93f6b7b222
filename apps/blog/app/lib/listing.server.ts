import { data } from '@remix-run/node';
import type { ListingPage as StorePage } from '@cited/content/store';
import { summarize, type ArticleSummary } from './articles.server';
import { parsePageParam } from './format';
import { PAGE_SIZE } from './site';

export interface ListingPage {
  articles: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of a newest-first list, asked of the store (`snapshot.page`: its database's indexes, so
 * page 500 costs what page 1 does). `?page=abc` → 400, a page past the end → 404: a bad page
 * number is the client's mistake, never a 500.
 */
export function paginate(request: Request, pageOf: (range: { offset: number; limit: number }) => StorePage): ListingPage {
  const page = parsePageParam(new URL(request.url).searchParams.get('page'));
  if (page === null) throw data(null, { status: 400, statusText: 'Invalid page number' });
  const { items, total } = pageOf({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) throw data(null, { status: 404, statusText: 'No such page' });
  return { articles: items.map(summarize), page, pageCount, total };
}
