import { appendFile, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { journalPath, readSummaryDiagnosticsSync, statePath, writeAtomic } from './cache.js';
import type { FileRecord } from './snapshot.js';
import type { ContentSnapshot } from './types.js';
import { applyJournal, decodeState, encodeJournal, encodeState } from './state.js';

export interface RecordBookOptions {
  /** The articles directory (the state file is kept per directory). */
  dir: string;
  cacheDir: string;
  /** The compiler's fingerprint: records another compiler wrote are re-keyed (see state.ts). */
  fingerprint: string;
  /** What the site-wide checks were run against: a restart with another one judges every file again. */
  siteSignature: () => string;
  /** Runs a save in the store's work queue (never alongside its own compiles and passes). */
  enqueue: (task: () => Promise<void>) => void;
  log: (message: string) => void;
}

/** Past this many journal lines, the next save rewrites the state file whole. */
const journalLimit = 2000;

/**
 * What the store knows about each file, and its persistence: the state file (every record, read
 * before a restart's first answer) and the journal (one line per changed record since), so an
 * edit costs a line, not a rewrite of 10,000 records.
 */
export class RecordBook {
  private readonly records = new Map<string, FileRecord>();
  /** Tombstones of files deleted after being published (`removed`), saved with the records. */
  private readonly graves = new Map<string, FileRecord>();
  /** Files whose record changed since the state was last saved (as a whole or in the journal). */
  private readonly dirty = new Set<string>();
  private journalLines = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  /** A state file exists (journal lines can be appended to it). */
  written = false;
  /** The state read at start-up was judged against the same site (routes, registry, rules). */
  siteUnchanged = false;

  constructor(private readonly options: RecordBookOptions) {}

  get size(): number {
    return this.records.size;
  }

  get(file: string): FileRecord | undefined {
    return this.records.get(file);
  }

  has(file: string): boolean {
    return this.records.has(file);
  }

  files(): IterableIterator<string> {
    return this.records.keys();
  }

  values(): IterableIterator<FileRecord> {
    return this.records.values();
  }

  set(record: FileRecord): void {
    this.records.set(record.file, record);
    this.graves.delete(record.file);
    this.dirty.add(record.file);
  }

  /** Forgets a file (and its tombstone). */
  delete(file: string): void {
    this.records.delete(file);
    this.graves.delete(file);
    this.dirty.add(file);
  }

  /**
   * A published file was deleted: its record becomes a tombstone (its URLs answer 410 Gone) until
   * the file comes back or another file takes its place (store.ts).
   */
  bury(file: string, day: string): void {
    const record = this.records.get(file);
    if (!record) return;
    this.records.delete(file);
    const listing = record.good?.listing ?? record.listing;
    const { liveSlugs } = record;
    this.graves.set(file, { file, mtimeMs: -1, size: -1, key: '', ok: false, diagnostics: [], listing, links: [], siteDiagnostics: [], removed: day, ...(liveSlugs ? { liveSlugs } : {}) });
    this.dirty.add(file);
  }

  tombstone(file: string): FileRecord | undefined {
    return this.graves.get(file);
  }

  tombstones(): IterableIterator<FileRecord> {
    return this.graves.values();
  }

  /** A record changed in place (a judgement). */
  touched(file: string): void {
    this.dirty.add(file);
  }

  get hasUnsaved(): boolean {
    return this.dirty.size > 0;
  }

  /** Reads the last run's state and journal; a missing or unreadable state means every file is new. */
  async load(): Promise<void> {
    const { cacheDir, dir, fingerprint } = this.options;
    // Warnings the state file left out (files without errors): from the version's summary in the cache.
    const loadWarnings = (key: string) => readSummaryDiagnosticsSync(cacheDir, key);
    const text = await readFile(statePath(cacheDir, dir), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const state = decodeState(text, fingerprint, loadWarnings);
        for (const record of state.records) this.records.set(record.file, record);
        this.siteUnchanged = state.site === this.options.siteSignature();
        this.written = true;
      } catch (error) {
        this.options.log(`[content] the cache state is unreadable (${String(error)}); checking every file again`);
      }
    }
    const journal = await readFile(journalPath(cacheDir, dir), 'utf8').catch(() => undefined);
    if (journal !== undefined) this.journalLines = applyJournal(journal, fingerprint, this.records, loadWarnings);
    for (const record of [...this.records.values()]) {
      if (!record.removed) continue;
      this.records.delete(record.file);
      this.graves.set(record.file, record);
    }
  }

  /** Every record, whole (after a full pass, or when the journal has grown); the journal restarts. */
  async save(): Promise<void> {
    const { cacheDir, dir, fingerprint } = this.options;
    this.dirty.clear();
    try {
      await writeAtomic(statePath(cacheDir, dir), encodeState([...this.records.values(), ...this.graves.values()], fingerprint, dir, this.options.siteSignature()));
      await unlink(journalPath(cacheDir, dir)).catch(() => undefined);
      this.journalLines = 0;
      this.written = true;
    } catch (error) {
      this.options.log(`[content] could not write the cache state (${String(error)}); the next start will recheck files`);
    }
  }

  /** The records changed since the last save, as journal lines (one edit: one line, not the whole site). */
  async saveChanges(): Promise<void> {
    if (this.dirty.size === 0) return;
    if (!this.written || this.journalLines + this.dirty.size > journalLimit) return this.save();
    const { cacheDir, dir, fingerprint } = this.options;
    const changes = [...this.dirty].sort().map((file): [string, FileRecord | undefined] => [file, this.records.get(file) ?? this.graves.get(file)]);
    this.dirty.clear();
    try {
      await mkdir(path.dirname(journalPath(cacheDir, dir)), { recursive: true });
      await appendFile(journalPath(cacheDir, dir), encodeJournal(changes, fingerprint));
      this.journalLines += changes.length;
    } catch (error) {
      this.options.log(`[content] could not write the cache state (${String(error)}); the next start will recheck files`);
    }
  }

  /** At most one save a second, off the path of an edit becoming visible. */
  scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.options.enqueue(() => this.saveChanges());
    }, 1000);
    this.saveTimer.unref();
  }

  /** Saves what a scheduled save would have (the store is closing). */
  async flush(): Promise<void> {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saveChanges();
  }

  /** Every key still needed: the version on disk and the one served (the pruner keeps them). */
  liveKeys(): Set<string> {
    const keys = new Set<string>();
    for (const record of this.records.values()) {
      if (record.key) keys.add(record.key);
      if (record.good) keys.add(record.good.key);
    }
    return keys;
  }
}

/** Remembers every slug readers can reach each file at now: what a later slug change or withdrawal answers with (a 301, a 410). */
export function rememberLiveSlugs(book: RecordBook, snapshot: ContentSnapshot): void {
  for (const listing of snapshot.articles) {
    const entry = snapshot.entry(listing.slug);
    const record = entry ? book.get(entry.file) : undefined;
    if (!record || record.liveSlugs?.includes(listing.slug)) continue;
    record.liveSlugs = [...(record.liveSlugs ?? []), listing.slug];
    book.touched(record.file);
  }
}

/**
 * A renamed file: the deleted file's URLs go to the file that took its place (an article with the
 * same title, the first by file name), which then redirects them; the tombstone is dropped.
 */
export function handOnTombstones(book: RecordBook): void {
  if (book.tombstones().next().done) return;
  const byTitle = new Map<string, FileRecord>();
  const titleOf = (title: string): string => title.trim().toLowerCase();
  for (const record of [...book.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const listing = record.ok ? record.listing : record.good?.listing;
    if (listing && !byTitle.has(titleOf(listing.title))) byTitle.set(titleOf(listing.title), record);
  }
  for (const tombstone of [...book.tombstones()]) {
    const heir = byTitle.get(titleOf(tombstone.listing.title));
    if (!heir) continue;
    heir.liveSlugs = [...new Set([...(heir.liveSlugs ?? []), ...(tombstone.liveSlugs ?? [])])];
    book.touched(heir.file);
    book.delete(tombstone.file);
  }
}
