import type { ArticleListing, Visibility } from '../store/types.js';

/** The number written by the digits of `text` from `start` to `end`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Start of the published day, UTC: an article dated 2027-03-01 goes live at 2027-03-01T00:00Z.
 * Read from the date's digits (a publish asks for every listing's, several times): faster than
 * Date.parse, and than a cache per listing, which held an entry for each of 100,000 articles.
 * Anything else goes to Date.parse, which decides as before (0 if invalid). Years before 100 too:
 * Date.UTC would read them as 19xx.
 */
export function liveAt(listing: ArticleListing): number {
  const { published } = listing;
  if (published.length === 10 && published[4] === '-' && published[7] === '-') {
    const year = digitsAt(published, 0, 4);
    const month = digitsAt(published, 5, 7);
    const day = digitsAt(published, 8, 10);
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return Date.UTC(year, month - 1, day);
  }
  const parsed = Date.parse(`${published}T00:00:00Z`);
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** Whether readers see a version at `now` (ms): a draft never, a future-dated one from its day. */
export function visibilityOf(listing: ArticleListing, now: number): Visibility {
  if (listing.draft) return 'draft';
  return liveAt(listing) > now ? 'scheduled' : 'published';
}
