import type { Diagnostic } from '../types.js';
import type { FileRecord } from './snapshot.js';
import type { ArticleListing } from './types.js';

/**
 * The state file: what was known about every file at the last run, read before the first answer
 * of a restart. It is read whole on the start's path, so it leaves out what can be restored: the
 * served version's listing when it is the version on disk, keys equal to the key, the file name
 * inside each diagnostic, and the warnings of files without errors (about half the bytes at
 * 10,000 articles): those are read from the version's cached summary when someone asks for them
 * (a diagnostics page, a report), which a restart serving readers never does.
 */
interface StoredRecord extends Omit<FileRecord, 'good' | 'diagnostics' | 'siteDiagnostics' | 'provisional' | 'judgedKey'> {
  /** The last good version: its key alone when it is the version on disk (same listing). */
  good?: { key: string; listing?: ArticleListing };
  /** Inline for files with errors (a restart reports them) and in journal lines. */
  diagnostics?: StoredDiagnostic[];
  /** How many warnings were left out (in the version's summary in the cache). */
  warnings?: number;
  siteDiagnostics?: StoredDiagnostic[];
  judgedKey?: string;
  judged?: boolean;
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

/** Records whose warnings are still in the cache, not in memory: how many there are. */
const warningsLeftOut = new WeakMap<FileRecord, number>();

/** `record.diagnostics`, read from the cache on first use (then a plain property again). */
function diagnosticsOnDemand(record: FileRecord, count: number, load: () => Diagnostic[]): void {
  warningsLeftOut.set(record, count);
  const settle = (value: Diagnostic[]): void => {
    warningsLeftOut.delete(record);
    Object.defineProperty(record, 'diagnostics', { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(record, 'diagnostics', {
    enumerable: true,
    configurable: true,
    get() {
      settle(load());
      return record.diagnostics;
    },
    set: settle,
  });
}

/**
 * One record as stored (compact; see the file comment). `withWarnings`: keep every diagnostic
 * inline (journal lines: a few records, read whole at the next start).
 */
export function encodeRecord(record: FileRecord, withWarnings = false): StoredRecord {
  const { file, key, judgedKey, sourceKey, good } = record;
  const stored: StoredRecord = { file, mtimeMs: record.mtimeMs, size: record.size, key, ok: record.ok, listing: record.listing, links: record.links };
  if (sourceKey && sourceKey !== key) stored.sourceKey = sourceKey;
  if (record.deps) stored.deps = record.deps;
  if (judgedKey === key) stored.judged = true;
  else if (judgedKey) stored.judgedKey = judgedKey;
  // Not `record.diagnostics` unless needed: reading it loads warnings left in the cache.
  const leftOut = warningsLeftOut.get(record);
  if (leftOut !== undefined && !withWarnings) {
    stored.warnings = leftOut;
  } else if (record.ok && !withWarnings && !record.diagnostics.some((d) => d.severity === 'error')) {
    if (record.diagnostics.length > 0) stored.warnings = record.diagnostics.length;
  } else {
    stored.diagnostics = storeDiagnostics(record.diagnostics, file);
  }
  if (record.siteDiagnostics.length > 0) stored.siteDiagnostics = storeDiagnostics(record.siteDiagnostics, file);
  if (good) stored.good = good.key === key ? { key: good.key } : good;
  // The URLs readers reached the file at (redirects, 410s), and a deleted file's tombstone date.
  if (record.liveSlugs && record.liveSlugs.length > 0) stored.liveSlugs = record.liveSlugs;
  if (record.removed) stored.removed = record.removed;
  return stored;
}

/**
 * In place: the objects are fresh from JSON.parse, and a restart should not copy 10,000 records.
 * `loadWarnings(key)`: a version's diagnostics from the cache, for records stored without them.
 */
function decodeRecord(stored: StoredRecord, sameCompiler: boolean, loadWarnings: (key: string) => Diagnostic[]): FileRecord {
  const record = stored as unknown as FileRecord;
  const { key, file } = stored;
  record.sourceKey ??= key;
  if (stored.judged) {
    record.judgedKey = key;
    delete stored.judged;
  }
  if (stored.warnings !== undefined) {
    const count = stored.warnings;
    delete stored.warnings;
    diagnosticsOnDemand(record, count, () => restoreDiagnostics(loadWarnings(key) as StoredDiagnostic[], file));
  } else {
    record.diagnostics = restoreDiagnostics(stored.diagnostics, file);
  }
  record.siteDiagnostics = restoreDiagnostics(stored.siteDiagnostics, file);
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
  const stored = [...records].sort((a, b) => (a.file < b.file ? -1 : 1)).map((record) => encodeRecord(record));
  return JSON.stringify({ fingerprint, dir, site, records: stored } satisfies StateFile);
}

export function decodeState(
  text: string,
  fingerprint: string,
  loadWarnings: (key: string) => Diagnostic[],
): { records: FileRecord[]; site: string | undefined } {
  const state = JSON.parse(text) as StateFile;
  const sameCompiler = state.fingerprint === fingerprint;
  return { records: state.records.map((stored) => decodeRecord(stored, sameCompiler, loadWarnings)), site: state.site };
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
    text += `${JSON.stringify({ fingerprint, file, record: record ? encodeRecord(record, true) : null } satisfies JournalLine)}\n`;
  }
  return text;
}

/** Applies a journal to records read from the state file; a torn last line (a crash) is ignored. */
export function applyJournal(
  text: string,
  fingerprint: string,
  records: Map<string, FileRecord>,
  loadWarnings: (key: string) => Diagnostic[],
): number {
  let applied = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let entry: JournalLine;
    try {
      entry = JSON.parse(line) as JournalLine;
    } catch {
      continue;
    }
    if (entry.record) records.set(entry.file, decodeRecord(entry.record, entry.fingerprint === fingerprint, loadWarnings));
    else records.delete(entry.file);
    applied += 1;
  }
  return applied;
}
