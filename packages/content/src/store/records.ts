import { describe, isDamage, openStoreDatabase, removeStoreFiles, siteName, storeDatabasePath, type Database } from './database.js';
import { decodeRow, encodeRow, servedTags, type RecordRow } from './rows.js';
import type { FileRecord } from './snapshot.js';
import { pageFromDatabase } from './listing.js';
import type { ListingPage, ListingQuery } from './types.js';

export interface RecordBookOptions {
  /** The articles directory (records are kept per directory). */
  dir: string;
  cacheDir: string;
  /** The compiler's fingerprint: records another compiler made are not used (the site is rebuilt). */
  fingerprint: string;
  /** What the site-wide checks were run against: a restart with another one judges every file again. */
  siteSignature: () => string;
  /** Runs a save in the store's work queue (never alongside its own compiles and passes). */
  enqueue: (task: () => Promise<void>) => void;
  log: (message: string) => void;
  /** Read the database as it is (never create, repair or write it): `cited-content check`. */
  readOnly?: boolean;
}

/**
 * What the store knows about each file, and its persistence in the store's SQLite database
 * (database.ts, rows.ts): read whole at the start, and written in transactions, every changed
 * record at a time, so a save either happens whole or not at all (a full disk, a crash) and the
 * last saved state survives.
 */
export class RecordBook {
  private readonly records = new Map<string, FileRecord>();
  /** Tombstones of files deleted after being published (`removed`), saved with the records. */
  private readonly graves = new Map<string, FileRecord>();
  /** Files whose record changed since the last save. */
  private readonly dirty = new Set<string>();
  private saveTimer: NodeJS.Timeout | undefined;
  private db: Database | undefined;
  private opened = false;
  /** The database holds this directory's records (a save may be of changed records only). */
  written = false;
  /** The records read at start-up were judged against the same site (routes, registry, rules). */
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
    return this.dirty.size > 0;
  }

  private get name(): string {
    return siteName(this.options.cacheDir, this.options.dir);
  }

  /** The database, opened (and checked, or rebuilt) on first use. */
  private database(): Database | undefined {
    if (!this.opened) {
      this.opened = true;
      this.db = openStoreDatabase(storeDatabasePath(this.options.cacheDir), { log: this.options.log, readOnly: this.options.readOnly === true });
    }
    return this.db;
  }

  /** Reads this directory's records; none (every file is new) when there are none of this compiler. */
  async load(): Promise<void> {
    const db = this.database();
    if (!db) return;
    try {
      this.read(db);
    } catch (error) {
      this.records.clear();
      this.graves.clear();
      if (!isDamage(error) || this.options.readOnly) throw error;
      this.options.log(`[content] the store's database is damaged (${describe(error)}); it is rebuilt from the content`);
      this.reopenFresh();
    }
  }

  private read(db: Database): void {
    const site = db.prepare('SELECT id, compiler, signature FROM sites WHERE dir = ?').get(this.name) as
      | { id: number; compiler: string; signature: string }
      | undefined;
    if (!site) return;
    if (site.compiler !== this.options.fingerprint) {
      this.options.log(
        `[content] the records of ${this.options.dir} in the store's database were made by another compiler version (${site.compiler}, this is ${this.options.fingerprint}); they are not used: every file is checked again`,
      );
      return;
    }
    const rows = db.prepare('SELECT file, key, source_key, data FROM records WHERE site = ?').all(site.id) as Pick<RecordRow, 'file' | 'key' | 'source_key' | 'data'>[];
    for (const row of rows) {
      const record = decodeRow(row);
      (record.removed ? this.graves : this.records).set(record.file, record);
    }
    this.siteUnchanged = site.signature === this.options.siteSignature();
    this.written = true;
  }

  /** The file was found damaged while in use: set aside and started afresh (the next save writes every record). */
  private reopenFresh(): void {
    try {
      this.db?.close();
    } catch {
      // already unusable
    }
    const file = storeDatabasePath(this.options.cacheDir);
    try {
      removeStoreFiles(file);
    } catch {
      // opening below reports what is wrong
    }
    this.db = openStoreDatabase(file, { log: this.options.log });
    this.written = false;
  }

  /** Every record, whole (after a cold pass): this directory's rows are replaced in one transaction. */
  async save(): Promise<void> {
    await this.write({ whole: true });
  }

  /** The records changed since the last save, in one transaction (one edit: one row, not the whole site). */
  async saveChanges(): Promise<void> {
    if (this.dirty.size === 0) return;
    await this.write({ whole: !this.written });
  }

  private async write(options: { whole: boolean }): Promise<void> {
    const db = this.database();
    const changed = options.whole ? [...this.records.keys(), ...this.graves.keys()] : [...this.dirty].sort();
    this.dirty.clear();
    if (!db || this.options.readOnly) return;
    try {
      this.writeRows(db, changed, options);
      this.written = true;
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

  private writeRows(db: Database, files: readonly string[], options: { whole: boolean }): void {
    const now = Date.now();
    const insert = db.prepare(
      'INSERT INTO records (site, file, key, source_key, good_key, slug, category, author, published, live_at, data) VALUES (@site, @file, @key, @source_key, @good_key, @slug, @category, @author, @published, @live_at, @data)',
    );
    const insertTag = db.prepare('INSERT INTO record_tags (site, file, tag) VALUES (?, ?, ?)');
    const remove = db.prepare('DELETE FROM records WHERE site = ? AND file = ?');
    db.transaction(() => {
      db.prepare(
        'INSERT INTO sites (dir, compiler, signature, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (dir) DO UPDATE SET compiler = excluded.compiler, signature = excluded.signature, saved_at = excluded.saved_at',
      ).run(this.name, this.options.fingerprint, this.options.siteSignature(), now);
      const site = db.prepare('SELECT id FROM sites WHERE dir = ?').pluck().get(this.name) as number;
      if (options.whole) db.prepare('DELETE FROM records WHERE site = ?').run(site);
      for (const file of files) {
        if (!options.whole) remove.run(site, file);
        const record = this.records.get(file) ?? this.graves.get(file);
        if (!record) continue;
        insert.run({ site, ...encodeRow(record) });
        for (const tag of servedTags(record)) insertTag.run(site, file, tag);
      }
    }).immediate();
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
    this.db?.close();
    this.db = undefined;
  }

  /**
   * A listing page from the database, when it holds every record as in memory (saved, nothing
   * unsaved); undefined otherwise, or when the query fails (the caller pages its snapshot instead).
   * `expectTotal`: how many articles the caller's snapshot publishes, so a database missing some
   * (served before being judged, never saved as served) is not used.
   */
  page(query: ListingQuery, options: { now: number; expectTotal?: number }): ListingPage | undefined {
    if (!this.written || this.dirty.size > 0) return undefined;
    const db = this.database();
    if (!db) return undefined;
    try {
      const site = db.prepare('SELECT id FROM sites WHERE dir = ?').pluck().get(this.name) as number | undefined;
      if (site === undefined) return undefined;
      if (options.expectTotal !== undefined && pageFromDatabase(db, site, { offset: 0, limit: 0 }, options.now).total !== options.expectTotal) return undefined;
      return pageFromDatabase(db, site, query, options.now);
    } catch (error) {
      this.options.log(`[content] a listing page could not be read from the store's database (${describe(error)}); it is served from memory`);
      return undefined;
    }
  }

  /** The database connection (cache pruning reads every directory's keys from it), if one is open. */
  get connection(): Database | undefined {
    return this.database();
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
