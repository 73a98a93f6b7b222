// What judging (judge.ts) needs of the whole site, kept between judgements: the served listings'
// slugs, categories and tags (counted), who claims each URL and title, who links to each article,
// which files wait on site-wide errors. A judgement looks at every record once, comparing a few
// references with what it saw last time, and updates only what changed: judging one edited file on
// a site of 100,000 costs about as much as on a site of 10. A fresh index (cited-content check)
// builds it all; both answer exactly what recomputing from every record would.
import type { Diagnostic } from '../types.js';
import { linkTargets, reaches, type LinkPaths, type ParsedLinkPaths, type Reach } from './reach.js';
import { parseRoute } from './routes.js';
import { titleDuplicateMessage, titleKey } from './editorial.js';
import { claimOrder } from './slugs.js';
import { liveAt } from './visibility.js';
import type { Judged } from './judge.js';
import { CountedSet, Holders, newCounts, type Counts } from './counted.js';
import { changed, differsOptimistically, isLive, servedOf, tally, type Seen, type Served } from './seen.js';

const isError = (diagnostic: Diagnostic): boolean => diagnostic.severity === 'error';

/** What readers can reach under some judgements: the site-wide counts with the overridden records' listings replaced. */
export interface ReachView extends Reach {
  /** The records whose served listings differ from the site-wide counts' (judged ones, and optimistic differences). */
  readonly overridden: ReadonlyMap<Judged, Served>;
}

/** Who serves each URL now (the file whose last good version has it), read per slug; judging moves URLs in it. */
export class SlugHolders<R extends Judged> {
  private readonly moved = new Map<string, R | undefined>();
  constructor(private readonly index: SiteIndex<R>) {}
  get(slug: string): R | undefined {
    return this.moved.has(slug) ? this.moved.get(slug) : this.index.holderOf(slug);
  }
  set(slug: string, record: R): void {
    this.moved.set(slug, record);
  }
  delete(slug: string): void {
    this.moved.set(slug, undefined);
  }
}

export class SiteIndex<R extends Judged> {
  private seen = new Map<R, Seen>();
  /** Reachable at `now` with each record's listings as served without judging (judged: none; provisional ones). */
  private counts = newCounts();
  /** Records whose optimistic listings (every version without compile errors) reach other keys than the counts'. */
  private optimisticDiffers = new Set<R>();
  /** Records with earlier URLs and no published listing (their URLs may be gone). */
  private notLive = new Set<R>();
  private withErrors = new Set<R>();
  private titles = new Holders<R>();
  /** Records by served slug and by the slug of their version without compile errors: what a `redirectFrom:` may not take. */
  private claims = new Holders<R>();
  /** Records by what their links point at that can come and go (reach.ts linkTargets): articles, category and tag pages. */
  private linkers = new Holders<R>();
  /** Records by the slugs their `redirectFrom:` names (redirect-shadows-article when an article takes one). */
  private redirectClaims = new Holders<R>();
  /**
   * Per title key, the files the last refresh counted in (+1) or out (-1) under it: a file counted
   * again under the same title (an edit, its diagnostics changed) nets 0, and leaves the group as it was.
   * Not kept when the last refresh learnt every record afresh (`learntAfresh`): every group is new then.
   */
  private titleMoves = new Map<string, Map<string, number>>();
  private learntAfresh = false;

  private now = -Infinity;
  /** The first go-live time after `now` among the listings counted: the counts hold until then. */
  private nextLive = Infinity;
  /** Where links point as counted (one object while they stay the same: linkTargets keeps its parse per paths). */
  private paths: ParsedLinkPaths | undefined;
  /** `paths` as a string (articlePath of a probe, the routes), to tell new paths from the counted ones. */
  private pathsKey: string | undefined;
  private stamp = 0;
  private records: readonly R[] = [];

  /** Brings the index up to these records at `now`: only the records that changed since the last call are counted again. */
  refresh(records: readonly R[], now: number, paths: LinkPaths): void {
    for (const _slice of this.refreshing(records, now, paths)) {
      // all at once
    }
  }

  /**
   * The same, with a turn for others (`between`) after each `sliceSize` records: learning a site
   * of 100,000 at once held a server's thread for half a second. Nothing else may change the
   * records or judge meanwhile (the store runs this in its work queue).
   */
  async refreshInSlices(records: readonly R[], now: number, paths: LinkPaths, slicing: { between: () => Promise<void>; sliceSize?: number }): Promise<void> {
    for (const _slice of this.refreshing(records, now, paths, slicing.sliceSize)) await slicing.between();
  }

  /** refresh, stopping after each `sliceSize` records. */
  private *refreshing(records: readonly R[], now: number, paths: LinkPaths, sliceSize = Infinity): Generator<void> {
    // Counted at another moment (an article went live since) or for other article URLs: counted afresh.
    const pathsKey = [paths.articlePath('\0'), ...paths.routes].join('\n');
    if (now < this.now || now >= this.nextLive || pathsKey !== this.pathsKey) this.clear();
    if (pathsKey !== this.pathsKey) {
      this.paths = { articlePath: paths.articlePath, routes: paths.routes.map(parseRoute) };
      this.pathsKey = pathsKey;
    }
    this.now = now;
    this.records = records;
    this.titleMoves = new Map();
    this.learntAfresh = this.seen.size === 0;
    const stamp = ++this.stamp;
    for (let position = 0; position < records.length; position += 1) {
      if (position > 0 && position % sliceSize === 0) yield;
      const record = records[position] as R;
      const seen = this.seen.get(record);
      if (seen && !changed(seen, record)) {
        seen.position = position;
        seen.stamp = stamp;
        continue;
      }
      if (seen) this.forget(record, seen);
      this.learn(record, position, stamp);
    }
    if (this.seen.size === records.length) return;
    for (const [record, seen] of this.seen) if (seen.stamp !== stamp) this.forget(record, seen);
  }

  private clear(): void {
    this.seen = new Map();
    this.counts = newCounts();
    this.optimisticDiffers = new Set();
    this.notLive = new Set();
    this.withErrors = new Set();
    this.titles = new Holders();
    this.claims = new Holders();
    this.linkers = new Holders();
    this.redirectClaims = new Holders();
    this.nextLive = Infinity;
  }

  private learn(record: R, position: number, stamp: number): void {
    const seen: Seen = {
      ok: record.ok,
      listing: record.listing,
      good: record.good,
      provisional: record.provisional,
      liveSlugs: record.liveSlugs,
      links: record.links,
      siteDiagnostics: record.siteDiagnostics,
      position,
      stamp,
    };
    this.seen.set(record, seen);
    this.apply(record, seen, 1);
    for (const listing of [record.listing, record.good?.listing]) {
      const time = listing && !listing.draft ? liveAt(listing) : Infinity;
      if (time > this.now && time < this.nextLive) this.nextLive = time;
    }
  }

  private forget(record: R, seen: Seen): void {
    this.apply(record, seen, -1);
    this.seen.delete(record);
  }

  /** Counts a record's contributions in (1) or out (-1), as last seen. */
  private apply(record: R, seen: Seen, by: 1 | -1): void {
    const served = servedOf(seen, undefined);
    tally(this.counts, served, seen.liveSlugs, this.now, by);
    const put = (holders: Holders<R>, key: string): void => (by > 0 ? holders.add(key, record) : holders.remove(key, record));
    const flag = (set: Set<R>, on: boolean): void => {
      if (by > 0 && on) set.add(record);
      else set.delete(record);
    };
    flag(this.notLive, (seen.liveSlugs?.length ?? 0) > 0 && !isLive(served, this.now));
    flag(this.withErrors, seen.siteDiagnostics.some(isError));
    flag(this.optimisticDiffers, differsOptimistically(seen, served, this.now));
    if (seen.ok) {
      const key = titleKey(seen.listing.title);
      put(this.titles, key);
      if (!this.learntAfresh) {
        const moves = this.titleMoves.get(key) ?? new Map<string, number>();
        moves.set(record.file, (moves.get(record.file) ?? 0) + by);
        this.titleMoves.set(key, moves);
      }
    }
    // Every version is told of a redirect that shadows an article, broken or not (judge.ts decide).
    for (const slug of seen.listing.redirectFrom ?? []) put(this.redirectClaims, slug);
    if (seen.good) put(this.claims, seen.good.listing.slug);
    if (seen.ok) put(this.claims, seen.listing.slug);
    for (const target of linkTargets(seen.links, this.paths as ParsedLinkPaths)) put(this.linkers, target);
  }

  private position(record: R): number {
    return this.seen.get(record)?.position ?? Infinity;
  }

  private inOrder(records: Iterable<R>): R[] {
    return [...records].sort((a, b) => this.position(a) - this.position(b));
  }

  /** Files waiting on a site-wide error (judged again with any change), in the records' order. */
  waiting(): R[] {
    return this.inOrder(this.withErrors);
  }

  /**
   * Files whose site-wide findings these targets change, though their own versions did not: those
   * whose title-duplicate would now name other files (a target took or left their title), and
   * those whose `redirectFrom:` names a target's URL (redirect-shadows-article). Judged with the
   * targets, so what the server reports of them is what `cited-content check` says at once, not
   * at their next edit.
   */
  neighbours(targets: ReadonlySet<R>): R[] {
    // Every file judged already (a whole-site judgement, the check): none to add.
    if (targets.size >= this.records.length) return [];
    const found = new Set<R>();
    for (const target of targets) {
      for (const slug of [target.listing.slug, target.good?.listing.slug]) {
        for (const record of (slug === undefined ? undefined : this.redirectClaims.get(slug)) ?? []) found.add(record);
      }
    }
    // Only the titles whose holders this change changed (a file took or left one): their holders'
    // messages, each group ordered once. A save that keeps its title leaves every message as it was.
    const moved = this.learntAfresh ? this.titles.keys() : [...this.titleMoves].filter(([, moves]) => [...moves.values()].some((net) => net !== 0)).map(([key]) => key);
    for (const key of moved) {
      const holders = this.titles.get(key) ?? [];
      const files = holders.length > 1 ? this.inOrder(holders).map((record) => record.file) : undefined;
      for (const record of holders) {
        const seen = this.seen.get(record);
        if (!seen || targets.has(record)) continue;
        const told = seen.siteDiagnostics.find((diagnostic) => diagnostic.ruleId === 'title-duplicate')?.message;
        const now = files ? titleDuplicateMessage({ file: record.file, listing: seen.listing }, { get: () => files }) : undefined;
        if (told !== now) found.add(record);
      }
    }
    for (const target of targets) found.delete(target);
    return this.inOrder(found);
  }

  /** Files by title (titleKey in editorial.ts), for title-duplicate. */
  readonly titleHolders = {
    get: (key: string): string[] | undefined => {
      const holders = this.titles.get(key);
      return holders ? this.inOrder(holders).map((record) => record.file) : undefined;
    },
  };

  /** The first file (in the records' order) other than `record` that serves or claims `slug`. */
  claimant(slug: string, record: R): R | undefined {
    return this.inOrder(this.claims.get(slug) ?? []).find((owner) => owner !== record);
  }

  /** The file whose last good version has `slug` (the first by claimOrder if several). */
  holderOf(slug: string): R | undefined {
    let holder: R | undefined;
    // Of the records claiming the slug, those serving it (the others claim it with a version not yet served).
    for (const record of this.inOrder(this.claims.get(slug) ?? [])) {
      const good = record.good;
      if (good?.listing.slug !== slug) continue;
      if (!holder || claimOrder({ file: record.file, listing: good.listing }, { file: holder.file, listing: (holder.good as NonNullable<Judged['good']>).listing }) < 0) holder = record;
    }
    return holder;
  }

  /**
   * What readers reach when these records are served as judged (or optimistically), the others as
   * they are: the counts, with the overridden records' own contributions swapped.
   */
  reach(overrides: ReadonlyMap<R, Served>, taxonomy: boolean, optimistic: boolean): ReachView {
    const all = new Map<Judged, Served>(overrides);
    if (optimistic) for (const record of this.optimisticDiffers) if (!all.has(record)) all.set(record, 'optimistic');
    const delta = newCounts();
    for (const [record, served] of all) {
      const seen = this.seen.get(record as R);
      if (!seen) continue;
      tally(delta, servedOf(seen, undefined), seen.liveSlugs, this.now, -1);
      tally(delta, servedOf(seen, served), seen.liveSlugs, this.now, 1);
    }
    const build = (part: keyof Counts) => () => {
      const whole = newCounts();
      for (const record of this.records) {
        const seen = this.seen.get(record) as Seen;
        tally(whole, servedOf(seen, all.has(record) ? all.get(record) : optimistic ? 'optimistic' : undefined), seen.liveSlugs, this.now, 1);
      }
      return new Set(whole[part].keys());
    };
    const none = new Set<string>();
    return {
      overridden: all,
      slugs: new CountedSet(this.counts.slugs, delta.slugs, build('slugs')),
      categories: taxonomy ? new CountedSet(this.counts.categories, delta.categories, build('categories')) : none,
      tags: taxonomy ? new CountedSet(this.counts.tags, delta.tags, build('tags')) : none,
    };
  }

  /** The records with earlier URLs and nothing published under this reach: whose URLs may be gone. */
  notLiveUnder(reach: ReachView): R[] {
    const found = [...this.notLive].filter((record) => !reach.overridden.has(record));
    for (const [record, served] of reach.overridden) {
      const seen = this.seen.get(record as R);
      if (seen && (seen.liveSlugs?.length ?? 0) > 0 && !isLive(servedOf(seen, served), this.now)) found.push(record as R);
    }
    return this.inOrder(found);
  }

  /**
   * Files not in `targets` with a link readers cannot follow under `reach`: to an article renamed,
   * withdrawn or deleted, or to a category or tag page whose last article left it.
   */
  brokenLinkers(targets: ReadonlySet<R>, reach: Reach): R[] {
    const found = new Set<R>();
    for (const target of this.linkers.keys()) {
      if (reaches(reach, target)) continue;
      for (const record of this.linkers.get(target) ?? []) if (!targets.has(record)) found.add(record);
    }
    return this.inOrder(found);
  }
}
