import { describe, isDamage, storeDatabasePath, type Database } from './database.js';
import { RecordDatabase, type RecordDatabaseOptions } from './record-database.js';
import type { FileRecord } from './snapshot.js';
import type { ListingPage, ListingQuery } from './types.js';

export interface RecordBookOptions extends RecordDatabaseOptions {
  /** Runs a save in the store's work queue (never alongside its own compiles and passes). */
  enqueue: (task: () => Promise<void>) => void;
}

/**
 * What the store knows about each file, in memory, and which records changed since the last save.
 * Saving them (record-database.ts) happens in transactions, every changed record at a time, so a
 * save either happens whole or not at all (a full disk, a crash) and the last saved state survives.
 */
export class RecordBook {
  private readonly records = new Map<string, FileRecord>();
  /** Tombstones of files deleted after being published (`removed`), saved with the records. */
  private readonly graves = new Map<string, FileRecord>();
  /** Files whose record changed since the last save. */
  private readonly dirty = new Set<string>();
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly database: RecordDatabase;
  /** The database holds this directory's records (a save may be of changed records only). */
  written = false;
  /** The records read at start-up were judged against the same site (routes, registry, rules). */
  siteUnchanged = false;
  /**
   * The site signature every record was last judged against (saved with them): none until one
   * judgement has looked at them all. A save writes this, not the site as it is at the save: a
   * save after the rules changed (people.yml edited) must not tell the next start they were applied.
   */
  private judgedUnder: string | undefined;
  private judgedUnderSaved = true;

  constructor(private readonly options: RecordBookOptions) {
    this.database = new RecordDatabase(options);
  }

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
    const { liveSlugs, bodyDigest } = record;
    this.graves.set(file, {
      file, mtimeMs: -1, size: -1, key: '', ok: false, diagnostics: [], listing, links: [], siteDiagnostics: [], removed: day,
      ...(liveSlugs ? { liveSlugs } : {}),
      ...(bodyDigest ? { bodyDigest } : {}),
    });
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
    return this.dirty.size > 0 || !this.judgedUnderSaved;
  }

  /** The site as judging sees it now (routes, registry, rules), as a string to compare. */
  siteSignature(): string {
    return this.options.siteSignature();
  }

  /** Every record was last judged against the site as judging sees it now. */
  get judgedUnderCurrentRules(): boolean {
    return this.judgedUnder === this.options.siteSignature();
  }

  /** Every record has just been judged against the site whose signature this is. */
  judgedWhole(signature: string): void {
    this.setJudgedUnder(signature);
  }

  /**
   * Some records have just been judged against the site whose signature this is: if it is not the
   * one the rest were judged against, the records no longer share one ('' matches no site, so the
   * next start, or rulesChanged(), judges them all).
   */
  judgedPart(signature: string): void {
    if (signature !== this.judgedUnder) this.setJudgedUnder('');
  }

  private setJudgedUnder(signature: string): void {
    if (signature === this.judgedUnder) return;
    this.judgedUnder = signature;
    this.judgedUnderSaved = false;
  }

  /** Reads this directory's records; none (every file is new) when there are none of this compiler. */
  async load(): Promise<void> {
    if (!this.database.connection) return;
    try {
      const saved = this.database.read();
      if (!saved) return;
      for (const record of saved.records) (record.removed ? this.graves : this.records).set(record.file, record);
      this.siteUnchanged = saved.signature === this.options.siteSignature();
      this.judgedUnder = saved.signature;
      this.written = true;
    } catch (error) {
      this.records.clear();
      this.graves.clear();
      if (!isDamage(error) || this.options.readOnly) throw error;
      this.options.log(`[content] ${storeDatabasePath(this.options.cacheDir)} is not used (it is damaged: ${describe(error)}); the store is rebuilt from the content`);
      this.reopenFresh();
    }
  }

  /**
   * The check of every page of the file the records were read from (run beside the read, off this
   * thread): a file that fails is set aside and written anew from what was read and compiled.
   */
  async checkPages(): Promise<void> {
    const problem = await this.database.checkPages();
    if (!problem) return;
    this.options.log(`[content] ${storeDatabasePath(this.options.cacheDir)} is not used (${problem}); the store is rebuilt from the content`);
    this.reopenFresh();
    for (const file of [...this.records.keys(), ...this.graves.keys()]) this.dirty.add(file);
  }

  /** The file was found damaged while in use: set aside and started afresh (the next save writes every record). */
  private reopenFresh(): void {
    this.database.reopenFresh();
    this.written = false;
  }

  /** Every record, whole (after a cold pass): this directory's rows are replaced in one transaction. */
  async save(): Promise<void> {
    await this.write({ whole: true });
  }

  /** The records changed since the last save, in one transaction (one edit: one row, not the whole site). */
  async saveChanges(): Promise<void> {
    if (!this.hasUnsaved) return;
    await this.write({ whole: !this.written });
  }

  private async write(options: { whole: boolean }): Promise<void> {
    // Opened outside the try: a missing driver is an error for the caller, not a save to retry.
    const db = this.database.connection;
    const changed = options.whole ? [...this.records.keys(), ...this.graves.keys()] : [...this.dirty].sort();
    this.dirty.clear();
    if (!db || this.options.readOnly) {
      // Nowhere to save to (records kept in memory): nothing waits to be saved.
      this.judgedUnderSaved = true;
      return;
    }
    try {
      // An empty signature matches no site: the next start judges every record.
      this.database.write(changed, (file) => this.records.get(file) ?? this.graves.get(file), { ...options, signature: this.judgedUnder ?? '' });
      this.written = true;
      this.judgedUnderSaved = true;
    } catch (error) {
      // Not saved: the transaction rolled back, so the database still holds the last saved state,
      // and these records are written at the next save.
      for (const file of changed) this.dirty.add(file);
      if (isDamage(error)) {
        this.options.log(`[content] the store's database is damaged (${describe(error)}); it is rebuilt from what this process knows`);
        this.reopenFresh();
        for (const file of [...this.records.keys(), ...this.graves.keys()]) this.dirty.add(file);
        return;
      }
      this.options.log(`[content] could not save the store's records (${describe(error)}); the last saved state is kept, and this is retried at the next save`);
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
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    await this.saveChanges();
  }

  /** Saves what is unsaved and closes the database. */
  async close(): Promise<void> {
    await this.flush();
    this.database.close();
  }

  /**
   * A listing page from the database, when it holds every record as in memory (saved, nothing
   * unsaved); undefined otherwise, or when the query fails (the caller pages its snapshot instead).
   * `expectTotal`: how many articles the caller's snapshot publishes, so a database missing some
   * (served before being judged, never saved as served) is not used.
   */
  page(query: ListingQuery, options: { now: number; expectTotal?: number }): ListingPage | undefined {
    if (!this.written || this.dirty.size > 0) return undefined;
    return this.database.page(query, options);
  }

  /** The records load() found were made by another compiler version (so none were read). */
  get madeByAnotherCompiler(): boolean {
    return this.database.madeByAnotherCompiler;
  }

  /** The database connection (cache pruning reads every directory's keys from it), if one is open. */
  get connection(): Database | undefined {
    return this.database.connection;
  }

  /** Every key still needed: the version on disk and the one served (the pruner keeps them). */
  liveKeys(): Set<string> {
    const keys = new Set<string>();
    for (const record of this.records.values()) {
      if (record.key) keys.add(record.key);
      if (record.sourceKey) keys.add(record.sourceKey);
      if (record.good) keys.add(record.good.key);
    }
    return keys;
  }
}
