import type { Diagnostic } from '../types.js';
import type { FileRecord } from './snapshot.js';
import { liveAt, visibilityOf } from '../site/visibility.js';
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

/** In place: the objects are fresh from JSON.parse. */
function restoreDiagnostics(diagnostics: StoredDiagnostic[] | undefined, file: string): Diagnostic[] {
  if (!diagnostics) return [];
  for (const diagnostic of diagnostics) diagnostic.file ??= file;
  return diagnostics as Diagnostic[];
}

export function encodeRow(record: FileRecord): RecordRow {
  const { file, key, sourceKey, good, provisional: _provisional, diagnostics, siteDiagnostics, ...rest } = record;
  const data: Record<string, unknown> = { ...rest, diagnostics: storeDiagnostics(diagnostics, file) };
  if (siteDiagnostics.length > 0) data.siteDiagnostics = storeDiagnostics(siteDiagnostics, file);
  // The last good version: its key alone when it is the version on disk (same listing).
  if (good) data.good = good.key === key ? { key: good.key } : good;
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

export function decodeRow(row: Pick<RecordRow, 'file' | 'key' | 'source_key' | 'data'>): FileRecord {
  const data = JSON.parse(row.data) as Record<string, unknown> & {
    diagnostics?: StoredDiagnostic[];
    siteDiagnostics?: StoredDiagnostic[];
    good?: { key: string; listing?: ArticleListing };
    listing: ArticleListing;
  };
  const record = data as unknown as FileRecord;
  record.file = row.file;
  record.key = row.key;
  record.sourceKey = row.source_key ?? row.key;
  record.diagnostics = restoreDiagnostics(data.diagnostics, row.file);
  record.siteDiagnostics = restoreDiagnostics(data.siteDiagnostics, row.file);
  if (data.good && !data.good.listing) data.good.listing = data.listing;
  return record;
}
