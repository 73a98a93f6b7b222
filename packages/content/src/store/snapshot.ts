import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import type { DependencyState } from './dependencies.js';
import type { Judged, ServedVersion } from '../site/judge.js';
import { claimOrder, slugDuplicate } from '../site/slugs.js';
import { liveAt, visibilityOf } from '../site/visibility.js';
import { pageFromMemory } from './listing.js';
import type { ArticleListing, ContentSnapshot, ListingPage, ListingQuery, FileReport, GoneEntry, Redirect, SiteLink, SnapshotEntry } from './types.js';

/** What the store knows about one file (persisted in the cache's state file between runs). */
export interface FileRecord extends Judged {
  mtimeMs: number;
  size: number;
  /** Key of the file's bytes alone (which dependencies it reads is cached under it). */
  sourceKey?: string;
  /** Files its compile read (bibliographies), as last seen. */
  deps?: DependencyState[];
  diagnostics: Diagnostic[];
  links: SiteLink[];
  /**
   * A tombstone: the file was deleted after being published, on this day (YYYY-MM-DD). It keeps
   * `liveSlugs` and the last listing, so its URLs answer 410 Gone (or redirect, when the file
   * reappears under another name: see store.ts).
   */
  removed?: string;
  /**
   * sha-256 of the text after the frontmatter (none when it is empty): what tells a renamed file
   * whose title changed in the same save is the same article (url-continuity.ts, handOnTombstones).
   */
  bodyDigest?: string;
}

export { liveAt };

// One collator, as `localeCompare(…, 'en')` would build on every call.
const byTitle = new Intl.Collator('en').compare;

export function newestFirst(a: ArticleListing, b: ArticleListing): number {
  return liveAt(b) - liveAt(a) || byTitle(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** `listings` sorted by newestFirst, each go-live time read once (a site's worth of comparisons look them up otherwise). */
function newestFirstOf(listings: ArticleListing[]): ArticleListing[] {
  const keyed = listings.map((listing) => ({ listing, live: liveAt(listing) }));
  keyed.sort((a, b) => b.live - a.live || byTitle(a.listing.title, b.listing.title) || (a.listing.slug < b.listing.slug ? -1 : a.listing.slug > b.listing.slug ? 1 : 0));
  return keyed.map((entry) => entry.listing);
}

/** The index of `file` in records sorted by file name (buildSnapshot's `sorted`). */
function indexOfFile(sorted: readonly FileRecord[], file: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const here = (sorted[middle] as FileRecord).file;
    if (here === file) return middle;
    if (here < file) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Of the files serving one URL (indexes in `sorted`), the one that keeps it: a judged version beats
 * one served before judging, then claimOrder. (Not a closure in buildSnapshot: it would keep that
 * call's arrays alive with the snapshot.)
 */
function firstClaimant(claimants: readonly number[], sorted: readonly FileRecord[], served: readonly (ServedVersion | undefined)[]): number {
  const claim = (index: number) => ({ record: sorted[index] as FileRecord, listing: (served[index] as ServedVersion).listing });
  let best = claimants[0] as number;
  for (const index of claimants) {
    const [a, b] = [claim(index), claim(best)];
    const beats = a.record.provisional !== b.record.provisional ? !a.record.provisional : claimOrder({ file: a.record.file, listing: a.listing }, { file: b.record.file, listing: b.listing }) < 0;
    if (beats) best = index;
  }
  return best;
}

export interface BuiltSnapshot {
  snapshot: ContentSnapshot;
  /** When the next scheduled article becomes due (ms), if any. */
  nextDue: number | undefined;
  /**
   * Records whose published URL is not yet among their `liveSlugs` (url-continuity.ts remembers
   * it): found here, beside each record, rather than by looking every published article up again.
   */
  newlyLive: { record: FileRecord; slug: string }[];
}

/** One immutable view of the site for a clock reading: orderings, lookups, reports. */
export function buildSnapshot(
  records: Iterable<FileRecord>,
  options: {
    dir: string;
    now: Date;
    preview: boolean;
    tombstones?: Iterable<FileRecord>;
    /** A page from the database, or undefined when it cannot answer for this snapshot (store.ts). */
    pageFromDatabase?: (snapshot: ContentSnapshot, query: ListingQuery) => ListingPage | undefined;
  },
): BuiltSnapshot {
  const now = options.now.getTime();
  // Record files are relative with '/' separators; path.join per report costs more than the rest.
  const directory = `${path.resolve(options.dir)}${path.sep}`;
  const sorted = [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bySlug = new Map<string, SnapshotEntry>();
  const unpublished: SnapshotEntry[] = [];
  /** Per file, what its report says beyond its diagnostics (reports are built on first use). */
  const outcomes: { record: FileRecord; siteDiagnostics: Diagnostic[]; state: FileReport['state']; slug: string; duplicateOf?: string }[] = [];
  let nextDue: number | undefined;
  const newlyLive: BuiltSnapshot['newlyLive'] = [];

  // Judging gives each URL to one file; two served versions with one URL are left by a large cold
  // start (served before judging) or an older store: the judge's order decides here too. A snapshot
  // is rebuilt at every publish (100,000 records at a large site's every save): the entries sit
  // beside `sorted` (by index), and only URLs that several files serve get a map of their own.
  const servedOf = (record: FileRecord): ServedVersion | undefined =>
    record.good ?? (record.provisional ? { key: record.key, listing: record.listing } : undefined);
  // Plain loops, not callbacks: what a callback reads would stay with the snapshot's own closures.
  const served: (ServedVersion | undefined)[] = sorted.map(servedOf);
  /** The entry of the file at each index of `sorted`, when it serves a URL. */
  const entries: (SnapshotEntry | undefined)[] = new Array(sorted.length);
  /** Per URL several files serve, their indexes in `sorted` (in that order). */
  const contested = new Map<string, number[]>();
  for (let index = 0; index < sorted.length; index += 1) {
    const record = sorted[index] as FileRecord;
    const version = served[index];
    if (!version) continue;
    const entry: SnapshotEntry = {
      file: record.file,
      slug: version.listing.slug,
      key: version.key,
      listing: version.listing,
      visibility: visibilityOf(version.listing, now),
      servingLastGood: version.key !== record.key,
    };
    entries[index] = entry;
    const first = bySlug.get(entry.slug);
    if (!first) bySlug.set(entry.slug, entry);
    else contested.set(entry.slug, [...(contested.get(entry.slug) ?? [indexOfFile(sorted, first.file)]), index]);
  }
  /** The files that lost a contested URL, by index, with the file that serves it. */
  const duplicates = new Map<number, string>();
  for (const [slug, claimants] of contested) {
    const owner = firstClaimant(claimants, sorted, served);
    bySlug.set(slug, entries[owner] as SnapshotEntry);
    for (const index of claimants) {
      if (index === owner) continue;
      entries[index] = undefined;
      duplicates.set(index, (sorted[owner] as FileRecord).file);
    }
  }

  /** Entries of `bySlug` readers see (all of them in preview), in the order of `sorted`. */
  const visible: SnapshotEntry[] = [];
  for (let index = 0; index < sorted.length; index += 1) {
    const record = sorted[index] as FileRecord;
    const version = served[index];
    const entry = entries[index];
    const duplicateOf = duplicates.get(index);
    const state: FileReport['state'] = !version || duplicateOf ? 'unpublished' : version.key === record.key ? 'published' : 'last-good';
    if (entry) {
      const { visibility } = entry;
      if (visibility === 'published' || options.preview) visible.push(entry);
      if (visibility !== 'published') unpublished.push(entry);
      if (visibility === 'scheduled') nextDue = Math.min(nextDue ?? Infinity, liveAt(entry.listing));
      if (visibility === 'published' && !record.liveSlugs?.includes(entry.slug)) newlyLive.push({ record, slug: entry.slug });
    }
    // The judged site problems as of this snapshot (a later judgement replaces the array, never edits
    // it). Only files a report will list are kept: a published file without problems has none.
    const { siteDiagnostics } = record;
    if (state === 'published' && !duplicateOf && record.diagnostics.length === 0 && siteDiagnostics.length === 0) continue;
    outcomes.push({ record, siteDiagnostics, state, slug: version?.listing.slug ?? record.listing.slug, ...(duplicateOf ? { duplicateOf } : {}) });
  }

  // Reports read every file's diagnostics, which a restart may have left in the cache (state.ts):
  // built when a diagnostics page or a check asks, never on the way to a reader's page.
  let reports: FileReport[] | undefined;
  const buildReports = (): FileReport[] => {
    const built: FileReport[] = [];
    for (const { record, siteDiagnostics, state, slug, duplicateOf } of outcomes) {
      // Shared with the record unless there is something to add (most files: no site-wide problem).
      let diagnostics: Diagnostic[] = siteDiagnostics.length > 0 ? [...record.diagnostics, ...siteDiagnostics] : record.diagnostics;
      if (duplicateOf && !siteDiagnostics.some((d) => d.ruleId === 'slug-duplicate')) {
        diagnostics = [...diagnostics, slugDuplicate(record.file, slug, duplicateOf, undefined)];
      }
      if (diagnostics.length > 0 || state !== 'published') {
        built.push({ file: record.file, path: `${directory}${record.file}`, slug, diagnostics, state });
      }
    }
    return built;
  };

  const { redirects, gone } = movesOf(sorted, options.tombstones ?? [], { bySlug, entries });

  const articles = newestFirstOf((options.preview ? visible.filter((entry) => entry.visibility === 'published') : visible).map((entry) => entry.listing));
  const hash = createHash('sha256');
  for (const entry of visible) hash.update(`${entry.slug}\0${entry.key}\0${entry.visibility}\n`);
  for (const redirect of redirects.values()) hash.update(`${redirect.from}\0>${redirect.to}\n`);
  for (const entry of gone.values()) hash.update(`${entry.slug}\0${entry.reason}\n`);
  const version = hash.digest('base64url').slice(0, 20);
  const derived = new Map<string, unknown>();
  const snapshot: ContentSnapshot = {
    version,
    now: options.now,
    articles,
    page(query) {
      return options.pageFromDatabase?.(snapshot, query) ?? pageFromMemory(articles, query);
    },
    get reports() {
      reports ??= buildReports();
      return reports;
    },
    unpublished,
    redirectFor: (slug) => redirects.get(slug),
    goneAt: (slug) => gone.get(slug),
    redirects: [...redirects.values()],
    gone: [...gone.values()],
    entry(slug) {
      const entry = bySlug.get(slug);
      if (!entry) return undefined;
      return entry.visibility === 'published' || options.preview ? entry : undefined;
    },
    positionOf(slug) {
      // A binary search on the order `articles` is sorted by, not a map of every slug: snapshots
      // are rebuilt at every publish, and a large site's map would cost more than its lookups.
      const listing = bySlug.get(slug)?.listing;
      if (!listing) return -1;
      let low = 0;
      let high = articles.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const order = newestFirst(articles[middle] as ArticleListing, listing);
        if (order === 0) return articles[middle] === listing ? middle : -1;
        if (order < 0) low = middle + 1;
        else high = middle - 1;
      }
      return -1;
    },
    derive<T>(name: string, build: (snapshot: ContentSnapshot) => T): T {
      if (!derived.has(name)) derived.set(name, build(snapshot));
      return derived.get(name) as T;
    },
  };
  return { snapshot, nextDue, newlyLive };
}

/**
 * The URLs articles had and no longer have: an earlier slug of a published article redirects to
 * it (a changed slug, `redirectFrom:`); a withdrawn article's and a deleted one's answer 410. A
 * URL an article serves (in any visibility) is never shadowed; a redirect beats a 410.
 */
function movesOf(
  sorted: readonly FileRecord[],
  tombstones: Iterable<FileRecord>,
  served: { bySlug: ReadonlyMap<string, SnapshotEntry>; entries: readonly (SnapshotEntry | undefined)[] },
): { redirects: Map<string, Redirect>; gone: Map<string, GoneEntry> } {
  const { bySlug, entries } = served;
  const redirects = new Map<string, Redirect>();
  const gone = new Map<string, GoneEntry>();
  const free = (slug: string): boolean => !bySlug.has(slug) && !redirects.has(slug) && !gone.has(slug);
  const add = (from: string, entry: SnapshotEntry, by: Redirect['by']): void => {
    if (from !== entry.slug && free(from)) redirects.set(from, { from, to: entry.slug, file: entry.file, by });
  };
  for (let index = 0; index < sorted.length; index += 1) {
    const { liveSlugs } = sorted[index] as FileRecord;
    const entry = entries[index];
    if (entry?.visibility !== 'published') continue;
    if (entry.listing.redirectFrom) for (const slug of entry.listing.redirectFrom) add(slug, entry, 'frontmatter');
    if (liveSlugs) for (const slug of liveSlugs) add(slug, entry, 'history');
  }
  for (let index = 0; index < sorted.length; index += 1) {
    const record = sorted[index] as FileRecord;
    const entry = entries[index];
    if (!record.liveSlugs || entry?.visibility === 'published') continue;
    const listing = record.good?.listing ?? record.listing;
    for (const slug of record.liveSlugs) {
      const other = bySlug.get(slug);
      if ((other === undefined || other === entry) && !redirects.has(slug) && !gone.has(slug)) gone.set(slug, { slug, file: record.file, listing, reason: 'withdrawn' });
    }
  }
  for (const tombstone of tombstones) {
    for (const slug of tombstone.liveSlugs ?? []) {
      if (free(slug)) gone.set(slug, { slug, file: tombstone.file, listing: tombstone.listing, reason: 'removed', ...(tombstone.removed ? { removedOn: tombstone.removed } : {}) });
    }
  }
  return { redirects, gone };
}
