import type { Diagnostic } from '../types.js';
import type { FileRecord } from './snapshot.js';
import { liveAt, visibilityOf } from '../site/visibility.js';
import type { CareLevel } from '../plugins/care.js';
import type { ArticleListing } from './types.js';

/**
 * When a version becomes visible to readers, by the one visibility rule (visibility.ts): asked for
 * the end of time, only a version never shown (a draft) is not 'published'. A listing query then
 * only compares this with the snapshot's clock.
 */
export function liveFrom(listing: ArticleListing): number | null {
  return visibilityOf(listing, Number.POSITIVE_INFINITY) === 'published' ? liveAt(listing) : null;
}

/**
 * One file's record as a row of the store's database (database.ts). The listing fields a query
 * filters or sorts on are columns, taken from the version served (the last good one), so SQL
 * listings never show a broken edit; the rest of the record is the `data` JSON, whole, so a field
 * added to FileRecord persists without a schema change. Left out of `data`: what is derived or
 * only meaningful in the running process (`provisional`: served before being judged, judged again
 * at the next start), and what a column or another field already holds.
 */
export interface RecordRow {
  file: string;
  key: string;
  source_key: string | null;
  good_key: string | null;
  slug: string | null;
  category: string | null;
  author: string | null;
  published: string | null;
  live_at: number | null;
  data: string;
}

type StoredDiagnostic = Omit<Diagnostic, 'file'> & { file?: string };

/** The file name inside each diagnostic is the record's own in almost every case: stored once. */
function storeDiagnostics(diagnostics: readonly Diagnostic[], file: string): StoredDiagnostic[] {
  return diagnostics.map((diagnostic) => {
    if (diagnostic.file !== file) return diagnostic;
    const { file: _file, ...rest } = diagnostic;
    return rest;
  });
}

/**
 * No problems: one shared, frozen array for every record (a restart reads 100,000 records, most
 * without a diagnostic or a link). Judging replaces a record's arrays, never edits them.
 */
const NONE: readonly never[] = Object.freeze([]);

export function encodeRow(record: FileRecord): RecordRow {
  const { file, key, sourceKey, good, provisional: _provisional, diagnostics, siteDiagnostics, ...rest } = record;
  const data: Record<string, unknown> = { ...rest, diagnostics: storeDiagnostics(diagnostics, file) };
  if (siteDiagnostics.length > 0) data.siteDiagnostics = storeDiagnostics(siteDiagnostics, file);
  // A key the row's `key` column already holds is `true` here (a 64-digit key twice more per row
  // was a fifth of the JSON a start reads and parses).
  if (rest.judgedKey === key) data.judgedKey = true;
  // The last good version: its key is the `good_key` column; `true` when it is the version on disk
  // (same listing), else its listing.
  if (good) data.good = good.key === key ? true : { listing: good.listing };
  delete data.file;
  const served: ArticleListing | undefined = good?.listing;
  return {
    file,
    key,
    source_key: sourceKey && sourceKey !== key ? sourceKey : null,
    good_key: good?.key ?? null,
    slug: served?.slug ?? null,
    category: served?.category ?? null,
    author: served?.author ?? null,
    published: served?.published ?? null,
    live_at: served ? liveFrom(served) : null,
    data: JSON.stringify(data),
  };
}

/** The tags of the version served (a row each in record_tags). */
export function servedTags(record: FileRecord): readonly string[] {
  return record.good ? [...new Set(record.good.listing.tags)] : [];
}

/**
 * Turns rows back into records. Values many records repeat (a category, an author, a tag, a date,
 * a record's own key in `judgedKey` and `good`) are kept once, not once per record: JSON.parse
 * makes a new string for each, and a start reads every record of the site.
 */
export class RowDecoder {
  private readonly strings = new Map<string, string>();
  /** Care levels, by the levels joined: a site has a handful of combinations, each kept once (frozen). */
  private readonly levels = new Map<string, readonly CareLevel[]>();

  private shared(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private listing(listing: ArticleListing): void {
    listing.category = this.shared(listing.category);
    listing.published = this.shared(listing.published);
    if (listing.author !== undefined) listing.author = this.shared(listing.author);
    if (listing.reviewedBy !== undefined) listing.reviewedBy = this.shared(listing.reviewedBy);
    if (listing.updated !== undefined) listing.updated = this.shared(listing.updated);
    if (listing.nextReviewDue !== undefined) listing.nextReviewDue = this.shared(listing.nextReviewDue);
    listing.tags = listing.tags.map((tag) => this.shared(tag));
    if (listing.careLevels) listing.careLevels = this.sharedLevels(listing.careLevels);
  }

  private sharedLevels(levels: readonly CareLevel[]): readonly CareLevel[] {
    const name = levels.join(' ');
    const known = this.levels.get(name);
    if (known) return known;
    const kept = Object.freeze([...levels]);
    this.levels.set(name, kept);
    return kept;
  }

  /**
   * In place: the objects are fresh from JSON.parse. A rule's id and most of its messages are the
   * same words in every file they concern (":::study does not say how certain its evidence is…"):
   * kept once, they are not a site's largest strings.
   */
  private diagnostics(diagnostics: StoredDiagnostic[] | undefined, file: string): Diagnostic[] {
    if (!diagnostics || diagnostics.length === 0) return NONE as never[];
    for (const diagnostic of diagnostics) {
      diagnostic.file = diagnostic.file === undefined ? file : this.shared(diagnostic.file);
      diagnostic.ruleId = this.shared(diagnostic.ruleId);
      diagnostic.message = this.shared(diagnostic.message);
    }
    return diagnostics as Diagnostic[];
  }

  /** Links to the same pages (a category, /contact, a popular article) repeat across a site. */
  private links(links: FileRecord['links'] | undefined): FileRecord['links'] | undefined {
    if (!links) return links;
    if (links.length === 0) return NONE as never[];
    for (const link of links) link.href = this.shared(link.href);
    return links;
  }

  decode(row: Pick<RecordRow, 'file' | 'key' | 'source_key' | 'good_key' | 'data'>): FileRecord {
    const data = JSON.parse(row.data) as Record<string, unknown> & {
      diagnostics?: StoredDiagnostic[];
      siteDiagnostics?: StoredDiagnostic[];
      good?: true | { listing: ArticleListing };
      listing: ArticleListing;
      links?: FileRecord['links'];
      judgedKey?: string | true;
      liveSlugs?: string[];
    };
    const record = data as unknown as FileRecord;
    record.file = row.file;
    record.key = row.key;
    record.sourceKey = row.source_key ?? row.key;
    record.diagnostics = this.diagnostics(data.diagnostics, row.file);
    record.siteDiagnostics = this.diagnostics(data.siteDiagnostics, row.file);
    if (data.links) record.links = this.links(data.links) as FileRecord['links'];
    if (data.judgedKey === true) record.judgedKey = row.key;
    this.listing(data.listing);
    if (data.good && row.good_key) {
      const key = row.good_key === row.key ? row.key : row.good_key;
      const listing = data.good === true ? data.listing : data.good.listing;
      if (data.good !== true) this.listing(listing);
      // A new object of the two fields, sharing the key and (when it is the version on disk) the listing.
      record.good = { key, listing };
    } else if (data.good) {
      // Never written so (encodeRow fills good_key whenever there is a last good version).
      record.good = undefined;
    }
    const slug = data.listing.slug;
    if (data.liveSlugs) data.liveSlugs = data.liveSlugs.map((live) => (live === slug ? slug : live));
    return record;
  }
}
