// URL continuity across the store's saves: the slugs a file has been reachable at, and what a
// deleted file's URLs become when another file takes its place. Kept apart from the record book
// (records.ts) because it is a policy about readers' links, not about keeping records.
import type { RecordBook } from './records.js';
import type { BuiltSnapshot, FileRecord } from './snapshot.js';

/**
 * Remembers the URL readers can now reach each of these files at (buildSnapshot's `newlyLive`):
 * what a later slug change or withdrawal answers with (a 301, a 410).
 */
export function rememberLiveSlugs(book: RecordBook, newlyLive: BuiltSnapshot['newlyLive']): void {
  for (const { record, slug } of newlyLive) {
    if (record.liveSlugs?.includes(slug)) continue;
    record.liveSlugs = [...(record.liveSlugs ?? []), slug];
    book.touched(record.file);
  }
}

/**
 * A renamed file: the deleted file's URLs go to the file that took its place, which then
 * redirects them; the tombstone is dropped. The file that took its place is the first (by file
 * name) with the same title, or else the one file with the same body (the text after the
 * frontmatter): a rename that also changes the title keeps the article's URLs, as long as the body
 * is unchanged in that save. With a new title and a new body, `redirectFrom:` says it (AUTHORING.md).
 */
export function handOnTombstones(book: RecordBook): void {
  if (book.tombstones().next().done) return;
  const byTitle = new Map<string, FileRecord>();
  const byBody = new Map<string, FileRecord[]>();
  const titleOf = (title: string): string => title.trim().toLowerCase();
  for (const record of [...book.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const listing = record.ok ? record.listing : record.good?.listing;
    if (listing && !byTitle.has(titleOf(listing.title))) byTitle.set(titleOf(listing.title), record);
    if (record.bodyDigest) byBody.set(record.bodyDigest, [...(byBody.get(record.bodyDigest) ?? []), record]);
  }
  // Two files with the same body: which one is the article is not known, so neither inherits.
  const onlyOne = (digest: string | undefined): FileRecord | undefined => {
    const candidates = digest ? byBody.get(digest) : undefined;
    return candidates?.length === 1 ? candidates[0] : undefined;
  };
  for (const tombstone of [...book.tombstones()]) {
    const heir = byTitle.get(titleOf(tombstone.listing.title)) ?? onlyOne(tombstone.bodyDigest);
    if (!heir) continue;
    heir.liveSlugs = [...new Set([...(heir.liveSlugs ?? []), ...(tombstone.liveSlugs ?? [])])];
    book.touched(heir.file);
    book.delete(tombstone.file);
  }
}
