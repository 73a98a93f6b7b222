import type { PeopleRegistry } from '../people/registry.js';
import type { CareLevel } from '../plugins/care.js';
import type { SiteRules } from '../site/trust.js';
import type { SearchDoc } from '../search/search.js';
import type { Article, Diagnostic, SiteLink } from '../types.js';
import type { ContentProgress } from './progress.js';
import type { PruneResult } from './prune.js';

export type { ContentProgress, PruneResult };

export type { SiteLink };

/** What every listing (index, category, feed, sitemap, search) needs of an article: no body. */
export interface ArticleListing {
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: readonly string[];
  /** Author id or name as written in the frontmatter. */
  author?: string;
  reviewedBy?: string;
  /** ISO date 'YYYY-MM-DD' the medical review is due (review-overdue, /_content). */
  nextReviewDue?: string;
  /** The frontmatter has a `disclosure` (disclosure-missing). */
  disclosed?: true;
  /** Levels of the article's care cards, when it has any (care-card-missing). */
  careLevels?: readonly CareLevel[];
  /** ISO date 'YYYY-MM-DD'. */
  published: string;
  updated?: string;
  readingTimeMinutes: number;
  wordCount: number;
  draft: boolean;
  /** Earlier slugs the frontmatter redirects to this article (`redirectFrom:`). */
  redirectFrom?: string[];
}


/** A file an article's compile read besides the article (a `bibliography:` file). */
export interface Dependency {
  /** Relative to the articles directory, '/' separators. */
  path: string;
  /** sha-256 of the bytes read; null when the file could not be read (the article reports it). */
  digest: string | null;
}

/** The result of compiling one file version, without its body (that stays on disk). */
export interface CompileSummary {
  /** No error from the compile itself (site links are checked later, against the whole site). */
  ok: boolean;
  diagnostics: Diagnostic[];
  listing: ArticleListing;
  links: SiteLink[];
  /** Files the compile read (bibliographies): the version's key covers their bytes too. */
  dependencies: Dependency[];
}

/** What the cache holds per content key: the summary, the whole compiled article and its searchable text. */
export interface CachedVersion {
  key: string;
  summary: CompileSummary;
  article: Article;
  /** Plain text for a search index (versions without compile errors only). */
  search?: SearchDoc;
}

export type Visibility = 'published' | 'draft' | 'scheduled';

/** One file as the snapshot sees it. */
export interface SnapshotEntry {
  /** Path relative to the articles directory, with '/' separators. */
  file: string;
  slug: string;
  /** Content key of the version served (the last good one when the current one is broken). */
  key: string;
  listing: ArticleListing;
  visibility: Visibility;
  /** The file on disk has errors, so an earlier good version is being served. */
  servingLastGood: boolean;
}

/** An earlier URL of a published article, answered with a 301 to its URL now. */
export interface Redirect {
  /** The earlier slug. */
  from: string;
  /** The article's slug now. */
  to: string;
  file: string;
  /** Written in the frontmatter (`redirectFrom:`), or remembered by the store (a rename, a changed slug). */
  by: 'frontmatter' | 'history';
}

/** A URL readers reached an article at, and get 410 Gone at now. */
export interface GoneEntry {
  slug: string;
  file: string;
  /** The article as it was last published (title, category: for the 410 page's related articles). */
  listing: ArticleListing;
  /** 'withdrawn': made a draft or dated in the future (it comes back at its URL); 'removed': its file was deleted. */
  reason: 'withdrawn' | 'removed';
  /** 'removed': the day the store saw the file gone, YYYY-MM-DD. */
  removedOn?: string;
}

/** Problems of one file's current version (what `cited-content check` and the dev page show). */
export interface FileReport {
  file: string;
  /** Absolute path, for editors' links. */
  path: string;
  slug?: string;
  diagnostics: readonly Diagnostic[];
  /** 'published': serving this version; 'last-good': serving an earlier one; 'unpublished': nothing served (see site/verdict.ts for the check's words). */
  state: 'published' | 'last-good' | 'unpublished';
}

/** Which published articles a listing page shows (every filter given must match). */
export interface ListingQuery {
  /** Category names (as written in frontmatter): any of them. */
  categories?: readonly string[];
  /** Tag names (as written): any of them. */
  tags?: readonly string[];
  /** A people.yml id. */
  author?: string;
  offset: number;
  limit: number;
}

export interface ListingPage {
  /** Newest first, as in `articles`. */
  items: readonly ArticleListing[];
  /** How many published articles match, on every page. */
  total: number;
  /** Where the page was read: the store's database, or the snapshot's list (no database, or not yet saved). */
  from: 'database' | 'memory';
}

export interface ContentSnapshot {
  /** Changes exactly when what a reader can see changes; equal across machines for equal content. */
  readonly version: string;
  /** The clock reading this view of visibility was computed for. */
  readonly now: Date;
  /** Published articles, newest first (then by title, then slug): index pages and feeds slice this. */
  readonly articles: readonly ArticleListing[];
  /**
   * One page of `articles` (filtered): from the store's database by its indexes when it holds
   * what this snapshot shows, else from `articles`. The same page either way.
   */
  page(query: ListingQuery): ListingPage;
  /** A published article (or, in preview mode, a draft or scheduled one) by slug. */
  entry(slug: string): SnapshotEntry | undefined;
  /** Where the published article with this slug is in `articles`; -1 when it is not listed there. */
  positionOf(slug: string): number;
  /** Every file with a diagnostic, and every file not served as it is on disk. */
  readonly reports: readonly FileReport[];
  /** Drafts and scheduled articles (listed for preview tools, never for readers). */
  readonly unpublished: readonly SnapshotEntry[];
  /** Where an earlier URL of a published article goes now (a 301), when no article has that URL. */
  redirectFor(slug: string): Redirect | undefined;
  /** Why a URL an article had answers 410 Gone (withdrawn or removed), when no article or redirect has it. */
  goneAt(slug: string): GoneEntry | undefined;
  /** Every redirect, by earlier slug. */
  readonly redirects: readonly Redirect[];
  /** Every URL answering 410 Gone. */
  readonly gone: readonly GoneEntry[];
  /**
   * A value computed once per snapshot (a search index, a sitemap, per-category orderings):
   * the first call builds it, later calls on the same snapshot return the same object.
   */
  derive<T>(name: string, build: (snapshot: ContentSnapshot) => T): T;
}

export interface StoreClock {
  (): Date;
}

export interface ContentStoreOptions {
  /** Directory of `.md` articles (flat, like the blog's content/articles). */
  dir: string;
  /** On-disk cache; default CITED_CACHE_DIR or node_modules/.cache/cited-content under the cwd. */
  cacheDir?: string;
  /** Compile worker threads; default CITED_COMPILE_WORKERS or os.availableParallelism(). 0 compiles in-thread. */
  workers?: number;
  /** Injectable clock for scheduling (tests); default `() => new Date()`. */
  clock?: StoreClock;
  /** Watch the directory for changes (default true). */
  watch?: boolean;
  /** 'preview' also serves drafts and scheduled articles by slug (dev), never lists them. */
  mode?: 'production' | 'preview';
  /**
   * The site's pages besides articles, as link targets: '/contact' (exact), '/docs/*' (anything
   * below), '/category/:category', '/tags/:tag', '/authors/:person' (a category or tag of a
   * published article, an id in the registry). See site/routes.ts; a blog declares them in its
   * package.json ("cited.routes"), where `siteLayout` and `cited-content check` read them.
   */
  routes?: readonly string[];
  /** Where an article lives on the site (default `/articles/${slug}`). */
  articlePath?: (slug: string) => string;
  /** Compiled bodies kept in memory (default 64). */
  bodyCacheSize?: number;
  /** Where problems are reported (default console.error). */
  log?: (message: string) => void;
  /**
   * The people registry (people.yml): every `author`/`reviewedBy` id must be in it, or the version
   * is not published (`person-unknown`, like a broken link: checked against the rest of the site,
   * not baked into the compile). Called when a version is judged, so an edited registry applies
   * to the next change and to every file at the next start. Unchecked when absent.
   */
  people?: () => PeopleRegistry;
  /**
   * What site.yml asks of every article (care cards by category, a medical reviewer, a disclosure
   * when the publisher offers what an article discusses): judged like `people`, so an error holds
   * a new version back. Unchecked when absent.
   */
  site?: () => SiteRules;
  /**
   * `ready` waits for compiles when at most this many files need compiling (default 50); above it,
   * the store answers at once and publishes each article as its compile finishes.
   */
  eagerLimit?: number;
  /**
   * Cache entries younger than this are never pruned (another process sharing the cache may not
   * have saved its state yet). Default 10 minutes.
   */
  pruneGraceMs?: number;
  /** Prune the cache this long after the first full pass (default 60 s; `false`: only `prune()`). */
  pruneAfterMs?: number | false;
}

export interface ContentStore {
  /** Resolves once the first snapshot is available (see `eagerLimit`). */
  readonly ready: Promise<void>;
  /** The current snapshot; cheap (O(1) unless a scheduled article just became due). */
  snapshot(): ContentSnapshot;
  /**
   * The compiled article served at `slug` (LRU in memory, disk behind it), or null. `unpublished`:
   * a draft's or a scheduled article's too (a signed preview link; never for readers).
   */
  article(slug: string, options?: { unpublished?: boolean }): Promise<Article | null>;
  /** The searchable text of a snapshot entry's version (read from the disk cache, never kept), or null. */
  searchDoc(entry: SnapshotEntry): Promise<SearchDoc | null>;
  /** Looks at the directory now (instead of waiting for the watcher) and waits for the result. */
  refresh(): Promise<ContentSnapshot>;
  /**
   * Judges every file again, as a restart would, if what judging reads of the site (routes, the
   * people registry's ids, site.yml's rules) differs from what the records were last judged
   * against: call it when people.yml or site.yml changed (an edited bio changes nothing judged,
   * and costs one comparison). Resolves to whether it judged.
   */
  rulesChanged(): Promise<boolean>;
  /** Waits until no change is pending or compiling. */
  settled(): Promise<ContentSnapshot>;
  /** Called with each new snapshot. Returns an unsubscribe function. */
  subscribe(listener: (snapshot: ContentSnapshot) => void): () => void;
  /**
   * Removes cache entries that no store sharing the cache still refers to (old versions of edited
   * or deleted files, an older compiler's output), sparing anything younger than `pruneGraceMs`.
   */
  prune(): Promise<PruneResult>;
  /**
   * How far a cold pass is (more new files than `eagerLimit`, published as they are looked at):
   * files looked at of how many, articles published so far. Counted as the pass goes (reading it
   * costs nothing); 'settled' once it has judged and published every file.
   */
  progress(): ContentProgress;
  /** Compile work done by this store so far (files compiled, not taken from the cache). */
  readonly stats: { compiled: number; fromCache: number; workers: number };
  close(): Promise<void>;
}
