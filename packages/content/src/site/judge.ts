// Judging versions against the whole site: the site rules and who gets each URL, repeated until
// what readers can reach (reach.ts) settles. Recording the outcome is apply-judgements.ts.
import type { ArticleListing } from '../store/types.js';
import type { Diagnostic, SiteLink } from '../types.js';
import { runSiteRules, siteRules, type SiteFacts, type SiteRule } from './rules.js';
import type { GoneReason } from './links.js';
import { articleWithdrawn, redirectShadows } from './moves.js';
import type { Reach } from './reach.js';
import { SiteIndex, SlugHolders, type ReachView } from './site-index.js';
import { claimOrder, slugDuplicate, type SlugOwnership } from './slugs.js';
import { visibilityOf } from './visibility.js';

/** A version and its listing (what the server serves of a file). */
export interface ServedVersion {
  key: string;
  listing: ArticleListing;
}

/** What judging needs of one file: its current version (the compile's summary) and the one served. */
export interface Judged {
  file: string;
  /** Key of the version on disk. */
  key: string;
  /** The compile found no error. */
  ok: boolean;
  /** The compile's findings (read only to log a version that is not published). */
  readonly diagnostics: readonly Diagnostic[];
  listing: ArticleListing;
  links: readonly SiteLink[];
  /** Site-wide findings as of the last judgement. */
  siteDiagnostics: Diagnostic[];
  /** The key whose acceptance was last decided. */
  judgedKey?: string;
  /** The last good version: what readers are served. */
  good?: ServedVersion;
  /** Served before being judged (the first pass of a large cold start). */
  provisional?: boolean;
  /**
   * Every slug readers have reached this file at (persisted): the earlier ones redirect to it
   * while it is published; all answer 410 Gone while it is withdrawn.
   */
  liveSlugs?: string[];
}

export interface JudgeRequest<R extends Judged> {
  /** Every file of the site. */
  records: Iterable<R>;
  /** Files whose current version is to be judged. Files held back by site-wide errors are added. */
  targets: Iterable<R>;
  facts: Omit<SiteFacts, 'reachable'>;
  /** A file's text, for the positions of site-wide errors. */
  source: (file: string) => string | undefined;
  rules?: readonly SiteRule[];
  /** Files deleted after being published (the store's tombstones): their URLs answer 410 Gone. */
  removed?: Iterable<{ liveSlugs?: readonly string[] }>;
  /**
   * What the last judgement of these records learnt of the site (site-index.ts): given, only the
   * records changed since are looked at again. Without it, it is built from every record.
   */
  index?: SiteIndex<R>;
}

export interface Judgement<R extends Judged> {
  record: R;
  /** The current version replaces the one served: it has no error at all. */
  accepted: boolean;
  /** Site-wide findings: the rules', and `slug-duplicate` when another file has the URL. */
  siteDiagnostics: Diagnostic[];
}

export const isError = (diagnostic: Diagnostic): boolean => diagnostic.severity === 'error';

/**
 * Who gets each URL among the acceptable versions: a file keeps the URL it serves; a URL nobody
 * serves goes to the first claimant by claimOrder; a file moving to another URL frees its own.
 * Returns the accepted files, and for each refused claimant the file that has its URL.
 */
function resolveSlugs<R extends Judged>(acceptable: readonly R[], holders: SlugHolders<R>, targets: ReadonlySet<R>): { accepted: Set<R>; refused: Map<R, R> } {
  const accepted = new Set<R>();
  const refused = new Map<R, R>();
  const pending = [...acceptable].sort(claimOrder);
  const acceptableSet = new Set(acceptable);
  const accept = (record: R): void => {
    const previous = record.good?.listing.slug;
    if (previous !== undefined && holders.get(previous) === record) holders.delete(previous);
    holders.set(record.listing.slug, record);
    accepted.add(record);
  };
  for (let progress = true; progress; ) {
    progress = false;
    for (const record of pending) {
      if (accepted.has(record) || refused.has(record)) continue;
      const holder = holders.get(record.listing.slug);
      if (!holder || holder === record) accept(record);
      // The holder keeps its URL: it is not being judged, or cannot move, or is staying on it.
      else if (!targets.has(holder) || !acceptableSet.has(holder) || refused.has(holder) || holder.listing.slug === record.listing.slug) {
        refused.set(record, holder);
      } else continue; // the holder is moving to another URL: decided in a later round
      progress = true;
    }
  }
  // Files swapping URLs with each other: neither moves.
  for (const record of pending) {
    if (!accepted.has(record) && !refused.has(record)) refused.set(record, holders.get(record.listing.slug) as R);
  }
  return { accepted, refused };
}

/** How `owner` came by the URL `record` claims too, for the message (slugs.ts). */
function ownershipOf<R extends Judged>(owner: R, record: R, acceptable: ReadonlySet<R>): SlugOwnership {
  if (owner.good?.listing.slug === record.listing.slug) return { kind: 'serves' };
  if (!acceptable.has(record)) return { kind: 'this-has-errors' };
  if (claimOrder(owner, record) < 0) return { kind: 'comes-first', ownerPublished: owner.listing.published, published: record.listing.published };
  return { kind: 'takes-it' };
}

function decide<R extends Judged>(index: SiteIndex<R>, targets: ReadonlySet<R>, request: JudgeRequest<R>, reach: Reach, gone: ReadonlyMap<string, GoneReason>): Judgement<R>[] {
  const facts: SiteFacts = { ...request.facts, reachable: reach, gone, titles: index.titleHolders };
  const found = new Map<R, Diagnostic[]>();
  const acceptable: R[] = [];
  const now = request.facts.now.getTime();
  for (const record of targets) {
    const file = { file: record.file, listing: record.listing, links: record.links, ok: record.ok, source: () => request.source(record.file) };
    const diagnostics = runSiteRules(file, facts, request.rules ?? siteRules);
    diagnostics.push(...redirectShadows(file, (slug) => index.claimant(slug, record)?.file));
    const withdrawn = record.ok && (record.liveSlugs?.length ?? 0) > 0 && visibilityOf(record.listing, now) !== 'published';
    if (withdrawn) diagnostics.push(articleWithdrawn(file, { liveSlugs: record.liveSlugs ?? [], articlePath: request.facts.articlePath }));
    found.set(record, diagnostics);
    if (record.ok && !diagnostics.some(isError)) acceptable.push(record);
  }
  const holders = new SlugHolders(index);
  const { accepted, refused } = resolveSlugs(acceptable, holders, targets);
  const acceptableSet = new Set(acceptable);
  return [...targets].map((record) => {
    const siteDiagnostics = found.get(record) as Diagnostic[];
    // A file with other errors is told about the URL too, so fixing them is not the end of it.
    const owner = refused.get(record) ?? holders.get(record.listing.slug);
    if (owner && owner !== record) {
      siteDiagnostics.push(slugDuplicate(record.file, record.listing.slug, owner.file, request.source(record.file), ownershipOf(owner, record, acceptableSet)));
    }
    return { record, accepted: accepted.has(record), siteDiagnostics };
  });
}

/** URLs readers reached once and cannot now: a withdrawn article's (made a draft, post-dated), a deleted one's. */
function goneUnder<R extends Judged>(index: SiteIndex<R>, reach: ReachView, removed: readonly { liveSlugs?: readonly string[] }[]): Map<string, GoneReason> {
  const gone = new Map<string, GoneReason>();
  for (const record of index.notLiveUnder(reach)) {
    for (const slug of record.liveSlugs ?? []) if (!reach.slugs.has(slug)) gone.set(slug, 'withdrawn');
  }
  for (const tombstone of removed) {
    for (const slug of tombstone.liveSlugs ?? []) if (!reach.slugs.has(slug) && !gone.has(slug)) gone.set(slug, 'removed');
  }
  return gone;
}

/** Whether two reaches over one index differ: only at the keys their overridden records touch. */
function sameView(a: ReachView, b: ReachView): boolean {
  for (const part of ['slugs', 'categories', 'tags'] as const) {
    const x = a[part];
    const y = b[part];
    const keys = new Set([...deltaKeys(x), ...deltaKeys(y)]);
    for (const key of keys) if (x.has(key) !== y.has(key)) return false;
  }
  return true;
}

const deltaKeys = (set: ReadonlySet<string>): Iterable<string> => ('delta' in set ? (set.delta as Map<string, number>).keys() : []);

/**
 * Judges the current version of each target against the rest of the site: the site rules (links,
 * people, and any rule added to `siteRules`) and who has which URL. One implementation for the
 * server's store and `cited-content check`, so both say the same of every file.
 *
 * Links may point at each other between new files: the first round takes every version without
 * compile errors as reachable, later rounds only what would be served, until nothing changes.
 */
export function judgeSite<R extends Judged>(request: JudgeRequest<R>): Judgement<R>[] {
  const index = request.index ?? new SiteIndex<R>();
  const now = request.facts.now.getTime();
  index.refresh([...request.records], now, { articlePath: request.facts.articlePath, routes: request.facts.routes });
  const targets = new Set(request.targets);
  // Files the change concerns though they did not change (a shared title, a redirect to a URL taken now).
  for (const record of index.neighbours(targets)) targets.add(record);
  // What they wait for (a link target, a free URL) may have come with this change.
  for (const record of index.waiting()) targets.add(record);
  const taxonomy = request.facts.routes.some((route) => /:(category|tag)$/.test(route));
  const sources = new Map<string, string | undefined>();
  const memoSource = (file: string): string | undefined => {
    if (!sources.has(file)) sources.set(file, request.source(file));
    return sources.get(file);
  };
  const memoRequest = { ...request, source: memoSource };
  const removed = [...(request.removed ?? [])];
  const optimistic = new Map<R, 'optimistic'>([...targets].map((record) => [record, 'optimistic']));
  let reach = index.reach(optimistic, taxonomy, true);
  let gone = goneUnder(index, reach, removed);
  let judgements = decide(index, targets, memoRequest, reach, gone);
  for (let round = 0; round < 8; round += 1) {
    const next = index.reach(new Map(judgements.map((judgement) => [judgement.record, judgement])), taxonomy, false);
    if (sameView(next, reach)) break;
    reach = next;
    gone = goneUnder(index, reach, removed);
    judgements = decide(index, targets, memoRequest, reach, gone);
  }
  // Articles linking to one that just left (withdrawn, deleted, renamed) are told at once, not at their next edit.
  const linkers = index.brokenLinkers(targets, reach);
  if (linkers.length > 0) {
    for (const record of linkers) targets.add(record);
    judgements = decide(index, targets, memoRequest, reach, gone);
  }
  return judgements;
}
