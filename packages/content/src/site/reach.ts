// What readers can reach at a moment: the served listings' slugs, categories and tags, the URLs
// that are gone, and the files whose links point at an article readers can no longer reach. Judging
// (judge.ts) recomputes it each round until it stops changing.
import type { ArticleListing } from '../store/types.js';
import type { SiteLink } from '../types.js';
import type { Judged, Judgement } from './judge.js';
import { articleSlugOf, type GoneReason } from './links.js';
import type { SiteFacts } from './rules.js';
import { taxonomySlug } from './taxonomy.js';
import { visibilityOf } from './visibility.js';

export type Reach = SiteFacts['reachable'];

/** A site of 10,000 articles has a few hundred categories and tags: each is slugged once. */
const termSlugs = new Map<string, string>();
function termSlug(term: string): string {
  let slug = termSlugs.get(term);
  if (slug === undefined) {
    if (termSlugs.size > 50_000) termSlugs.clear();
    slug = taxonomySlug(term);
    termSlugs.set(term, slug);
  }
  return slug;
}

export interface Served {
  record: Judged;
  listing: ArticleListing;
}

/** Slugs (with the earlier ones redirected to them), categories and tags of the listings readers see at `now`. */
export function reachOf(served: Iterable<Served>, now: number, taxonomy: boolean): Reach {
  const slugs = new Set<string>();
  const categories = new Set<string>();
  const tags = new Set<string>();
  for (const { record, listing } of served) {
    if (visibilityOf(listing, now) !== 'published') continue;
    slugs.add(listing.slug);
    for (const slug of record.liveSlugs ?? []) slugs.add(slug);
    for (const slug of listing.redirectFrom ?? []) slugs.add(slug);
    if (!taxonomy) continue;
    categories.add(termSlug(listing.category));
    for (const tag of listing.tags) tags.add(termSlug(tag));
  }
  return { slugs, categories, tags };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

export const sameReach = (a: Reach, b: Reach): boolean => sameSet(a.slugs, b.slugs) && sameSet(a.categories, b.categories) && sameSet(a.tags, b.tags);

/** Listings readers would be served after these judgements (or before any, `optimistic`: every version without compile errors too). */
export function servedListings<R extends Judged>(all: readonly R[], judged: ReadonlyMap<R, Judgement<R>> | 'optimistic'): Served[] {
  const listings: Served[] = [];
  for (const record of all) {
    const judgement = judged === 'optimistic' ? undefined : judged.get(record);
    if (judgement?.accepted || (judged === 'optimistic' && record.ok) || (!judgement && record.provisional)) listings.push({ record, listing: record.listing });
    if (record.good && !judgement?.accepted) listings.push({ record, listing: record.good.listing });
  }
  return listings;
}

/** URLs readers reached once and cannot now: a withdrawn article's (made a draft, post-dated), a deleted one's. */
export function goneOf(served: readonly Served[], all: readonly Judged[], removed: Iterable<{ liveSlugs?: readonly string[] }>, reach: Reach, now: number): Map<string, GoneReason> {
  const gone = new Map<string, GoneReason>();
  const live = new Set(served.filter(({ listing }) => visibilityOf(listing, now) === 'published').map(({ record }) => record));
  for (const record of all) {
    if (live.has(record)) continue;
    for (const slug of record.liveSlugs ?? []) if (!reach.slugs.has(slug)) gone.set(slug, 'withdrawn');
  }
  for (const tombstone of removed) {
    for (const slug of tombstone.liveSlugs ?? []) if (!reach.slugs.has(slug) && !gone.has(slug)) gone.set(slug, 'removed');
  }
  return gone;
}

// Every judgement scans every file's article links (below): each links array is parsed once.
const linkedSlugs = new WeakMap<readonly SiteLink[], string[]>();
function articleLinks(links: readonly SiteLink[], articlePath: (slug: string) => string): string[] {
  let slugs = linkedSlugs.get(links);
  if (!slugs) {
    slugs = links.map((link) => articleSlugOf(link.href, articlePath)).filter((slug) => slug !== undefined);
    linkedSlugs.set(links, slugs);
  }
  return slugs;
}

/** Files not being judged whose links point at an article readers cannot reach now (it was withdrawn, removed, renamed). */
export function brokenLinkers<R extends Judged>(all: readonly R[], targets: ReadonlySet<R>, reach: Reach, articlePath: (slug: string) => string): R[] {
  return all.filter((record) => !targets.has(record) && articleLinks(record.links, articlePath).some((slug) => !reach.slugs.has(slug)));
}
