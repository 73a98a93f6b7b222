import type { ContentSnapshot, SnapshotEntry, Visibility } from '../store/types.js';
import type { Diagnostic } from '../types.js';
import type { Judged } from './judge.js';

/**
 * What the server does with a file's current version:
 * - 'published', 'scheduled' (live from its date), 'draft' (never served in production): this version;
 * - 'held': it has errors, and readers keep getting the last good version;
 * - 'not-published': it has errors (or another file has its URL) and no earlier version is served;
 * - 'withdrawn': it was published, and this version (a draft, a future date) takes it offline: its URLs answer 410.
 */
export type Outcome = 'published' | 'scheduled' | 'draft' | 'held' | 'not-published' | 'withdrawn';

export interface FileVerdict {
  file: string;
  outcome: Outcome;
  /** The URL slug readers get: this version's, or for 'held' the last good version's. */
  slug?: string;
  /** 'held': whether that last good version is live, scheduled or a draft. */
  servedVisibility?: Visibility;
  /** 'scheduled' (or held at a scheduled version): the day it goes live, YYYY-MM-DD. */
  liveOn?: string;
  /** The rule ids of this version's errors, once each, sorted: why it is not published (or held). */
  ruleIds: string[];
  errorCount: number;
  /** The file that has this version's URL, when another does. */
  urlOwner?: string;
}

const outcomeOf: Record<Visibility, Outcome> = { published: 'published', scheduled: 'scheduled', draft: 'draft' };

function entryFor(snapshot: ContentSnapshot, slug: string): SnapshotEntry | undefined {
  return snapshot.entry(slug) ?? snapshot.unpublished.find((entry) => entry.slug === slug);
}

/** The verdict on a judged record, read from the snapshot built of it (the one readers get). */
export function verdictOf(record: Judged, snapshot: ContentSnapshot): FileVerdict {
  const errors: Diagnostic[] = [...record.diagnostics, ...record.siteDiagnostics].filter((d) => d.severity === 'error');
  const ruleIds = [...new Set(errors.map((d) => d.ruleId))].sort();
  const base = { file: record.file, ruleIds, errorCount: errors.length };
  const owner = entryFor(snapshot, record.listing.slug);
  const urlOwner = owner && owner.file !== record.file ? { urlOwner: owner.file } : {};
  const served = record.good ? entryFor(snapshot, record.good.listing.slug) : undefined;
  if (!served || served.file !== record.file) return { ...base, outcome: 'not-published', ...urlOwner };
  const liveOn = served.visibility === 'scheduled' ? { liveOn: served.listing.published } : {};
  if (served.key === record.key) {
    const withdrawn = served.visibility !== 'published' && (record.liveSlugs?.length ?? 0) > 0;
    return { ...base, outcome: withdrawn ? 'withdrawn' : outcomeOf[served.visibility], slug: served.slug, ...liveOn };
  }
  return { ...base, outcome: 'held', slug: served.slug, servedVisibility: served.visibility, ...liveOn, ...urlOwner };
}

export interface DescribeOptions {
  articlePath: (slug: string) => string;
  /** The server's state was read: without it, nothing is known of versions it already serves. */
  stateKnown: boolean;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "2 errors: link-broken, person-unknown" */
export function describeErrors(verdict: FileVerdict): string {
  return `${plural(verdict.errorCount, 'error')}: ${verdict.ruleIds.join(', ')}`;
}

/** The verdict in plain words ("published at /articles/x", "would not be published (1 error: person-unknown)"). */
export function describeVerdict(verdict: FileVerdict, options: DescribeOptions): string {
  const at = verdict.slug === undefined ? '' : options.articlePath(verdict.slug);
  switch (verdict.outcome) {
    case 'published':
      return verdict.errorCount > 0
        ? `published at ${at} (this version, served before it had ${describeErrors(verdict)}; an edit keeping them would not be published)`
        : `published at ${at}`;
    case 'scheduled':
      return `scheduled: published at ${at} on ${verdict.liveOn} (00:00 UTC)`;
    case 'draft':
      return 'not published: a draft (`draft: true`)';
    case 'withdrawn':
      return `withdrawn: readers get 410 Gone at ${at} until it is published again (${verdict.liveOn ? `it is dated ${verdict.liveOn}` : 'a draft, `draft: true`'})`;
    case 'held': {
      const served = verdict.servedVisibility === 'published' ? 'its last good version' : `its last good version (${verdict.servedVisibility === 'draft' ? 'a draft' : `scheduled for ${verdict.liveOn}`})`;
      return `held: readers keep getting ${served} at ${at}; this version has ${describeErrors(verdict)}`;
    }
    case 'not-published': {
      const not = options.stateKnown ? 'not published' : 'would not be published';
      if (verdict.urlOwner && verdict.ruleIds.length === 1) return `${not}: its URL goes to ${verdict.urlOwner} (slug-duplicate)`;
      return verdict.errorCount > 0 ? `${not} (${describeErrors(verdict)})` : not;
    }
  }
}
