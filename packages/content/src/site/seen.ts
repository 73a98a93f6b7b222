// What the site index (site-index.ts) keeps of each record as it last counted it, and what a
// record's served listings add to the counts: slugs (and earlier ones), categories and tags.
import type { ArticleListing } from '../store/types.js';
import type { Diagnostic, SiteLink } from '../types.js';
import { termSlug } from './reach.js';
import { newCounts, count, sameKeys, type Counts } from './counted.js';
import { visibilityOf } from './visibility.js';
import type { Judged, Judgement } from './judge.js';

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

/** The record changed since it was seen (records change in place: compared by reference). */
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
  // Most records: the version on disk is the one served (one listing object). Each list holds at
  // most two listings, so no set (a restart asks this of every record).
  if (optimistic.every((listing) => served.includes(listing)) && served.every((listing) => optimistic.includes(listing))) return false;
  const a = newCounts();
  const b = newCounts();
  tally(a, optimistic, seen.liveSlugs, now, 1);
  tally(b, served, seen.liveSlugs, now, 1);
  return !sameKeys(a, b);
}
