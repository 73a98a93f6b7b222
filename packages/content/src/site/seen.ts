// What the site index (site-index.ts) remembers of each record between judgements, and what a
// record counts for: the listings readers are served of it and the URLs, categories and tags they reach.
import type { ArticleListing } from '../store/types.js';
import type { Diagnostic, SiteLink } from '../types.js';
import { count, newCounts, sameKeys, type Counts } from './counted.js';
import { titleKey } from './editorial.js';
import type { Judged, Judgement } from './judge.js';
import { termSlug } from './reach.js';
import { visibilityOf } from './visibility.js';

export const isError = (diagnostic: Diagnostic): boolean => diagnostic.severity === 'error';

/** What a record was when last looked at (records change in place: a judgement replaces these fields). */
export interface Seen {
  ok: boolean;
  listing: ArticleListing;
  good: Judged['good'];
  provisional: boolean | undefined;
  liveSlugs: readonly string[] | undefined;
  links: readonly SiteLink[];
  siteDiagnostics: readonly Diagnostic[];
  /** Position in the records as last given (outputs keep the records' order). */
  position: number;
  stamp: number;
}

/** A judgement of a record, or none (`optimistic`: every version without compile errors counts as served). */
export type Served = Judgement<Judged> | undefined | 'optimistic';

/**
 * The listings readers would be served of a record: with its judgement, the accepted version or
 * else the last good one; unjudged, the last good one (and a provisional one); optimistically (the
 * first round), every version without compile errors too.
 */
export function servedOf(record: Pick<Seen, 'ok' | 'listing' | 'good' | 'provisional'>, judged: Served): ArticleListing[] {
  const judgement = judged === 'optimistic' ? undefined : judged;
  const listings: ArticleListing[] = [];
  if (judgement?.accepted || (judged === 'optimistic' && record.ok) || (judged === undefined && record.provisional)) listings.push(record.listing);
  if (record.good && !judgement?.accepted) listings.push(record.good.listing);
  return listings;
}

/** Adds (by 1) or removes (by -1) what served listings make reachable at `now`: slugs (and the earlier ones redirected), categories, tags. */
export function tally(counts: Counts, listings: readonly ArticleListing[], liveSlugs: readonly string[] | undefined, now: number, by: number): void {
  for (const listing of listings) {
    if (visibilityOf(listing, now) !== 'published') continue;
    count(counts.slugs, listing.slug, by);
    for (const slug of liveSlugs ?? []) count(counts.slugs, slug, by);
    for (const slug of listing.redirectFrom ?? []) count(counts.slugs, slug, by);
    count(counts.categories, termSlug(listing.category), by);
    for (const tag of listing.tags) count(counts.tags, termSlug(tag), by);
  }
}

export const isLive = (listings: readonly ArticleListing[], now: number): boolean => listings.some((listing) => visibilityOf(listing, now) === 'published');

/** The listings a record was counted with: the version on disk and the one served. */
export const listingsOf = (seen: Seen): ArticleListing[] => (seen.good && seen.good.listing !== seen.listing ? [seen.listing, seen.good.listing] : [seen.listing]);

/** Whether a record's title or URLs changed from what was counted (not just its findings or its version). */
export function movedOn(seen: Seen, record: Judged): boolean {
  return (
    titleKey(seen.listing.title) !== titleKey(record.listing.title) ||
    seen.listing.slug !== record.listing.slug ||
    seen.good?.listing.slug !== record.good?.listing.slug ||
    seen.ok !== record.ok
  );
}

export function changed(seen: Seen, record: Judged): boolean {
  return (
    seen.ok !== record.ok ||
    seen.listing !== record.listing ||
    seen.good !== record.good ||
    seen.provisional !== record.provisional ||
    seen.liveSlugs !== record.liveSlugs ||
    seen.links !== record.links ||
    seen.siteDiagnostics !== record.siteDiagnostics
  );
}

/** Whether counting a record's version without compile errors as served reaches other keys. */
export function differsOptimistically(seen: Seen, served: readonly ArticleListing[], now: number): boolean {
  const optimistic = servedOf(seen, 'optimistic');
  // Most records: the version on disk is the one served (one listing object).
  const distinct = new Set(served);
  if (optimistic.every((listing) => distinct.has(listing)) && served.every((listing) => optimistic.includes(listing))) return false;
  const a = newCounts();
  const b = newCounts();
  tally(a, optimistic, seen.liveSlugs, now, 1);
  tally(b, served, seen.liveSlugs, now, 1);
  return !sameKeys(a, b);
}
