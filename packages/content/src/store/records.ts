import { appendFile, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { journalPath, readSummaryDiagnosticsSync, statePath, writeAtomic } from './cache.js';
import type { FileRecord } from './snapshot.js';
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
    this.dirty.add(record.file);
  }

  delete(file: string): void {
    this.records.delete(file);
    this.dirty.add(file);
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
  }

  /** Every record, whole (after a full pass, or when the journal has grown); the journal restarts. */
  async save(): Promise<void> {
    const { cacheDir, dir, fingerprint } = this.options;
    this.dirty.clear();
    try {
      await writeAtomic(statePath(cacheDir, dir), encodeState(this.records.values(), fingerprint, dir, this.options.siteSignature()));
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
    const changes = [...this.dirty].sort().map((file): [string, FileRecord | undefined] => [file, this.records.get(file)]);
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
