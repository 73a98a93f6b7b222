import type { Diagnostic } from '../types.js';
import type { FileRecord } from './snapshot.js';
import type { ArticleListing } from './types.js';

/**
 * The state file: what was known about every file at the last run, read before the first answer
 * of a restart. It is read whole on the start's path, so it leaves out what the record itself can
 * restore: the served version's listing when it is the version on disk, keys equal to the key,
 * the file name inside each diagnostic.
 */
interface StoredRecord extends Omit<FileRecord, 'good' | 'diagnostics' | 'siteDiagnostics' | 'provisional'> {
  /** The last good version: its key alone when it is the version on disk (same listing). */
  good?: { key: string; listing?: ArticleListing };
  diagnostics: StoredDiagnostic[];
  siteDiagnostics?: StoredDiagnostic[];
}

type StoredDiagnostic = Omit<Diagnostic, 'file'> & { file?: string };

export interface StateFile {
  fingerprint: string;
  /** The articles directory (the pruner drops the state of a directory that is gone). */
  dir: string;
  /** The site's routes and article path when the links were last checked (see store.ts). */
  site?: string;
  records: StoredRecord[];
}

function storeDiagnostics(diagnostics: readonly Diagnostic[], file: string): StoredDiagnostic[] {
  return diagnostics.map((diagnostic) => {
    if (diagnostic.file !== file) return diagnostic;
    const { file: _file, ...rest } = diagnostic;
    return rest;
  });
}

/** In place: the objects are fresh from JSON.parse, and a restart should not copy 10,000 records. */
function restoreDiagnostics(diagnostics: StoredDiagnostic[] | undefined, file: string): Diagnostic[] {
  if (!diagnostics) return [];
  for (const diagnostic of diagnostics) diagnostic.file ??= file;
  return diagnostics as Diagnostic[];
}

/** One record as stored (compact; see the file comment). */
export function encodeRecord(record: FileRecord): StoredRecord {
  const { provisional: _provisional, good, diagnostics, siteDiagnostics, judgedKey, sourceKey, ...rest } = record;
  return {
    ...rest,
    ...(sourceKey && sourceKey !== rest.key ? { sourceKey } : {}),
    ...(judgedKey && judgedKey !== rest.key ? { judgedKey } : {}),
    ...(judgedKey === rest.key ? { judged: true } : {}),
    diagnostics: storeDiagnostics(diagnostics, rest.file),
    ...(siteDiagnostics.length > 0 ? { siteDiagnostics: storeDiagnostics(siteDiagnostics, rest.file) } : {}),
    ...(good ? { good: good.key === rest.key ? { key: good.key } : good } : {}),
  };
}

/** In place: the objects are fresh from JSON.parse, and a restart should not copy 10,000 records. */
function decodeRecord(stored: StoredRecord & { judged?: boolean }, sameCompiler: boolean): FileRecord {
  const record = stored as unknown as FileRecord;
  record.sourceKey ??= stored.key;
  if (stored.judged) {
    record.judgedKey = stored.key;
    delete stored.judged;
  }
  record.diagnostics = restoreDiagnostics(stored.diagnostics, stored.file);
  record.siteDiagnostics = restoreDiagnostics(stored.siteDiagnostics, stored.file);
  if (stored.good && !stored.good.listing) stored.good.listing = stored.listing;
  // Another compiler wrote it: every file is re-keyed and re-judged, but the last good versions
  // (on disk) stay served meanwhile.
  if (!sameCompiler) {
    record.key = '';
    delete record.sourceKey;
    delete record.judgedKey;
    record.mtimeMs = -1;
  }
  return record;
}

export function encodeState(records: Iterable<FileRecord>, fingerprint: string, dir: string, site: string): string {
  const stored = [...records].sort((a, b) => (a.file < b.file ? -1 : 1)).map(encodeRecord);
  return JSON.stringify({ fingerprint, dir, site, records: stored } satisfies StateFile);
}

export function decodeState(text: string, fingerprint: string): { records: FileRecord[]; site: string | undefined } {
  const state = JSON.parse(text) as StateFile;
  return { records: state.records.map((stored) => decodeRecord(stored, state.fingerprint === fingerprint)), site: state.site };
}

/**
 * The journal: changes since the state file was last written whole, one JSON line per changed
 * file (`record: null` for a deleted one), appended after each watched change, so an edit costs
 * a line, not a rewrite of every file's record. Folded into the state file when it grows.
 */
export interface JournalLine {
  fingerprint: string;
  file: string;
  record: StoredRecord | null;
}

export function encodeJournal(changes: Iterable<[string, FileRecord | undefined]>, fingerprint: string): string {
  let text = '';
  for (const [file, record] of changes) {
    text += `${JSON.stringify({ fingerprint, file, record: record ? encodeRecord(record) : null } satisfies JournalLine)}\n`;
  }
  return text;
}

/** Applies a journal to records read from the state file; a torn last line (a crash) is ignored. */
export function applyJournal(text: string, fingerprint: string, records: Map<string, FileRecord>): number {
  let applied = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let entry: JournalLine;
    try {
      entry = JSON.parse(line) as JournalLine;
    } catch {
      continue;
    }
    if (entry.record) records.set(entry.file, decodeRecord(entry.record, entry.fingerprint === fingerprint));
    else records.delete(entry.file);
    applied += 1;
  }
  return applied;
}
