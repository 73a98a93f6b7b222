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

export interface BuiltSnapshot {
  snapshot: ContentSnapshot;
  /** When the next scheduled article becomes due (ms), if any. */
  nextDue: number | undefined;
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

  // Judging gives each URL to one file; two served versions with one URL are left by a large cold
  // start (served before judging) or an older store: the judge's order decides here too.
  const servedOf = (record: FileRecord): ServedVersion | undefined =>
    record.good ?? (record.provisional ? { key: record.key, listing: record.listing } : undefined);
  const owners = new Map<string, FileRecord>();
  const entryOf = new Map<FileRecord, SnapshotEntry>();
  for (const record of sorted) {
    const served = servedOf(record);
    if (!served) continue;
    const other = owners.get(served.listing.slug);
    const beats = (o: FileRecord): boolean =>
      o.provisional !== record.provisional ? !record.provisional : claimOrder({ file: record.file, listing: served.listing }, { file: o.file, listing: (servedOf(o) as ServedVersion).listing }) < 0;
    if (!other || beats(other)) owners.set(served.listing.slug, record);
  }

  for (const record of sorted) {
    const served = servedOf(record);
    let state: FileReport['state'] = served ? (served.key === record.key ? 'published' : 'last-good') : 'unpublished';
    let duplicateOf: string | undefined;
    if (served) {
      const owner = owners.get(served.listing.slug) as FileRecord;
      if (owner !== record) {
        duplicateOf = owner.file;
        state = 'unpublished';
      } else {
        const visibility = visibilityOf(served.listing, now);
        const entry: SnapshotEntry = {
          file: record.file,
          slug: served.listing.slug,
          key: served.key,
          listing: served.listing,
          visibility,
          servingLastGood: served.key !== record.key,
        };
        bySlug.set(entry.slug, entry);
        entryOf.set(record, entry);
        if (visibility !== 'published') unpublished.push(entry);
        if (visibility === 'scheduled') nextDue = Math.min(nextDue ?? Infinity, liveAt(served.listing));
      }
    }
    // The judged site problems as of this snapshot (a later judgement replaces the array, never edits
    // it). Only files a report will list are kept: a published file without problems has none.
    const { siteDiagnostics } = record;
    if (state === 'published' && !duplicateOf && record.diagnostics.length === 0 && siteDiagnostics.length === 0) continue;
    outcomes.push({ record, siteDiagnostics, state, slug: served?.listing.slug ?? record.listing.slug, ...(duplicateOf ? { duplicateOf } : {}) });
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

  const { redirects, gone } = movesOf(sorted, options.tombstones ?? [], { bySlug, entryOf });

  const articles = newestFirstOf([...bySlug.values()].filter((entry) => entry.visibility === 'published').map((entry) => entry.listing));
  const hash = createHash('sha256');
  for (const entry of [...bySlug.values()].filter((e) => e.visibility === 'published' || options.preview)) {
    hash.update(`${entry.slug}\0${entry.key}\0${entry.visibility}\n`);
  }
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
    derive<T>(name: string, build: (snapshot: ContentSnapshot) => T): T {
      if (!derived.has(name)) derived.set(name, build(snapshot));
      return derived.get(name) as T;
    },
  };
  return { snapshot, nextDue };
}

/**
 * The URLs articles had and no longer have: an earlier slug of a published article redirects to
 * it (a changed slug, `redirectFrom:`); a withdrawn article's and a deleted one's answer 410. A
 * URL an article serves (in any visibility) is never shadowed; a redirect beats a 410.
 */
function movesOf(
  sorted: readonly FileRecord[],
  tombstones: Iterable<FileRecord>,
  served: { bySlug: ReadonlyMap<string, SnapshotEntry>; entryOf: ReadonlyMap<FileRecord, SnapshotEntry> },
): { redirects: Map<string, Redirect>; gone: Map<string, GoneEntry> } {
  const { bySlug, entryOf } = served;
  const redirects = new Map<string, Redirect>();
  const gone = new Map<string, GoneEntry>();
  const free = (slug: string): boolean => !bySlug.has(slug) && !redirects.has(slug) && !gone.has(slug);
  for (const record of sorted) {
    const entry = entryOf.get(record);
    if (entry?.visibility !== 'published') continue;
    const add = (from: string, by: Redirect['by']): void => {
      if (from !== entry.slug && free(from)) redirects.set(from, { from, to: entry.slug, file: record.file, by });
    };
    for (const slug of entry.listing.redirectFrom ?? []) add(slug, 'frontmatter');
    for (const slug of record.liveSlugs ?? []) add(slug, 'history');
  }
  for (const record of sorted) {
    const entry = entryOf.get(record);
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
