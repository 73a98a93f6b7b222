// Pages of the published articles, newest first: from the store's database by its indexes
// (records_live, records_category_live, records_author_live, record_tags), or from the
// snapshot's in-memory ordering when the database cannot answer for the snapshot (none, read-only,
// not yet saved). Both give the same page: the one ordering (snapshot.ts: newestFirst) and the one
// visibility rule (visibility.ts, stored as `live_at` by rows.ts) decide.
import type { Database } from './database.js';
import { newestFirst } from './snapshot.js';
import type { ArticleListing, ListingPage, ListingQuery } from './types.js';

interface Filter {
  where: string;
  params: unknown[];
}

/** The SQL condition for a query's published articles at `now` (ms). */
function filterOf(site: number, query: ListingQuery, now: number): Filter {
  const clauses = ['r.site = ?', 'r.live_at <= ?'];
  const params: unknown[] = [site, now];
  if (query.categories) {
    clauses.push(`r.category IN (${query.categories.map(() => '?').join(', ')})`);
    params.push(...query.categories);
  }
  if (query.author !== undefined) {
    clauses.push('r.author = ?');
    params.push(query.author);
  }
  if (query.tags) {
    // Not correlated: the tag's files are listed once (record_tags' key), then the walk down the date index keeps those.
    clauses.push(`r.file IN (SELECT t.file FROM record_tags t WHERE t.site = ? AND t.tag IN (${query.tags.map(() => '?').join(', ')}))`);
    params.push(site, ...query.tags);
  }
  return { where: clauses.join(' AND '), params };
}

/** The SQL of a page's go-live boundary (exported for the query-plan test). */
export function boundarySql(site: number, query: ListingQuery, now: number): { sql: string; params: unknown[] } {
  const { where, params } = filterOf(site, query, now);
  return { sql: `SELECT r.live_at FROM records r WHERE ${where} ORDER BY r.live_at DESC LIMIT 1 OFFSET ?`, params };
}

/** The served version's listing alone (rows.ts: `good.listing`, or `listing` when the version on disk is the good one), not the whole record. */
const listingColumn = "coalesce(json_extract(r.data, '$.good.listing'), json_extract(r.data, '$.listing'))";

/**
 * One page from the database. SQL orders by go-live time through an index (no sort of the site);
 * titles compare by the 'en' collator, which SQLite does not have, so only the articles going live
 * at the page's first and last instants are read and ordered here: a page costs its size plus
 * that day's articles, whatever its number.
 */
export function pageFromDatabase(db: Database, site: number, query: ListingQuery, now: number): ListingPage {
  const { where, params } = filterOf(site, query, now);
  const total = db.prepare(`SELECT count(*) FROM records r WHERE ${where}`).pluck().get(...params) as number;
  const limit = Math.max(0, query.limit);
  if (query.offset >= total || limit === 0) return { items: [], total, from: 'database' };
  const boundary = db.prepare(boundarySql(site, query, now).sql).pluck();
  const first = boundary.get(...params, query.offset) as number;
  const last = boundary.get(...params, Math.min(query.offset + limit, total) - 1) as number;
  const before = db.prepare(`SELECT count(*) FROM records r WHERE ${where} AND r.live_at > ?`).pluck().get(...params, first) as number;
  const rows = db
    .prepare(`SELECT ${listingColumn} FROM records r WHERE ${where} AND r.live_at BETWEEN ? AND ? ORDER BY r.live_at DESC`)
    .pluck()
    .all(...params, last, first) as string[];
  const listings = rows.map((text) => JSON.parse(text) as ArticleListing).sort(newestFirst);
  const start = query.offset - before;
  return { items: listings.slice(start, start + limit), total, from: 'database' };
}

/** The same page from the snapshot's newest-first list (no database, or not saved yet). */
export function pageFromMemory(articles: readonly ArticleListing[], query: ListingQuery): ListingPage {
  const categories = query.categories ? new Set(query.categories) : undefined;
  const tags = query.tags ? new Set(query.tags) : undefined;
  const matching =
    categories || tags || query.author !== undefined
      ? articles.filter(
          (article) =>
            (!categories || categories.has(article.category)) &&
            (query.author === undefined || article.author === query.author) &&
            (!tags || article.tags.some((tag) => tags.has(tag))),
        )
      : articles;
  const limit = Math.max(0, query.limit);
  return { items: matching.slice(query.offset, query.offset + limit), total: matching.length, from: 'memory' };
}
