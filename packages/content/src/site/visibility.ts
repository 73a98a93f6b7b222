import type { ArticleListing, Visibility } from '../store/types.js';

// Listings are shared by every snapshot that contains them: their go-live time is parsed once.
const liveTimes = new WeakMap<ArticleListing, number>();

/** Start of the published day, UTC: an article dated 2027-03-01 goes live at 2027-03-01T00:00Z. */
export function liveAt(listing: ArticleListing): number {
  let time = liveTimes.get(listing);
  if (time === undefined) {
    const parsed = Date.parse(`${listing.published}T00:00:00Z`);
    time = Number.isNaN(parsed) ? 0 : parsed;
    liveTimes.set(listing, time);
  }
  return time;
}

/** Whether readers see a version at `now` (ms): a draft never, a future-dated one from its day. */
export function visibilityOf(listing: ArticleListing, now: number): Visibility {
  if (listing.draft) return 'draft';
  return liveAt(listing) > now ? 'scheduled' : 'published';
}
