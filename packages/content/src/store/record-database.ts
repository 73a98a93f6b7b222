// The record book's persistence (records.ts keeps the records in memory): this articles directory's
// rows in the store's SQLite file (database.ts, rows.ts), read whole at start-up and written in one
// transaction per save, so a save happens whole or not at all and the last saved state survives.
import { checkPages, describe, openStoreDatabase, removeStoreFiles, siteName, storeDatabasePath, type Database } from './database.js';
import { pageFromDatabase } from './listing.js';
import { RowDecoder, encodeRow, servedTags } from './rows.js';
import type { FileRecord } from './snapshot.js';
import type { ListingPage, ListingQuery } from './types.js';

export interface RecordDatabaseOptions {
  /** The articles directory (records are kept per directory). */
  dir: string;
  cacheDir: string;
  /** The compiler's fingerprint: records another compiler made are not used (the site is rebuilt). */
  fingerprint: string;
  /** What the site-wide checks run against now (records.ts saves the one they were run against). */
  siteSignature: () => string;
  log: (message: string) => void;
  /** Read the database as it is (never create, repair or write it): `cited-content check`. */
  readOnly?: boolean;
}

/** What a start-up reads back: this directory's records and tombstones. */
export interface SavedRecords {
  records: FileRecord[];
  /** The site (routes, registry, rules) every record was last judged against: '' when not all were. */
  signature: string;
}

export class RecordDatabase {
  private db: Database | undefined;
  private opened = false;

  constructor(private readonly options: RecordDatabaseOptions) {}

  private get name(): string {
    return siteName(this.options.cacheDir, this.options.dir);
  }

  /** The database, opened (and checked, or rebuilt) on first use. */
  private database(): Database | undefined {
    if (!this.opened) {
      this.opened = true;
      const readOnly = this.options.readOnly === true;
      // A server's store reads its records while the pages are checked in a worker (checkPages).
      this.db = openStoreDatabase(storeDatabasePath(this.options.cacheDir), { log: this.options.log, readOnly, pagesCheckedLater: !readOnly });
    }
    return this.db;
  }

  /** The last read found this directory's records made by another compiler (so it returned none). */
  madeByAnotherCompiler = false;

  /** The connection (cache pruning reads every directory's keys from it), opened on first use; none without a driver. */
  get connection(): Database | undefined {
    return this.database();
  }

  /**
   * This directory's saved records; undefined when there is no database, no row for the directory,
   * or the rows were made by another compiler. Throws what SQLite throws (the caller tells damage apart).
   */
  read(): SavedRecords | undefined {
    const db = this.database();
    if (!db) return undefined;
    const site = db.prepare('SELECT id, compiler, signature FROM sites WHERE dir = ?').get(this.name) as
      | { id: number; compiler: string; signature: string }
      | undefined;
    if (!site) return undefined;
    if (site.compiler !== this.options.fingerprint) {
      this.madeByAnotherCompiler = true;
      this.options.log(
        `[content] the records of ${this.options.dir} in the store's database were made by another compiler version (${site.compiler}, this is ${this.options.fingerprint}); they are not used: every file is checked again`,
      );
      return undefined;
    }
    // Row by row: each row's JSON text is garbage as soon as it is decoded (reading them all first
    // held the whole table's text at once, which the process kept as resident memory afterwards).
    const rows = db.prepare('SELECT file, key, source_key, good_key, data FROM records WHERE site = ?').raw().iterate(site.id) as IterableIterator<
      [string, string, string | null, string | null, string]
    >;
    const decoder = new RowDecoder();
    const records: FileRecord[] = [];
    for (const [file, key, source_key, good_key, data] of rows) records.push(decoder.decode({ file, key, source_key, good_key, data }));
    return { records, signature: site.signature };
  }

  /** What is wrong with the file's pages (null: nothing, or no file), checked in a worker thread. */
  async checkPages(): Promise<string | null> {
    if (!this.database() || this.options.readOnly) return null;
    return checkPages(storeDatabasePath(this.options.cacheDir));
  }

  /** The file was found damaged while in use: set aside and started afresh (empty). */
  reopenFresh(): void {
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
  }

  /**
   * Writes these files' records (`recordOf`: a record or tombstone, none when the file is
   * forgotten) in one transaction; `whole` replaces every row of the directory; `signature`: the
   * site they were judged against (SavedRecords). Throws when the transaction failed (it rolled back).
   */
  write(files: readonly string[], recordOf: (file: string) => FileRecord | undefined, options: { whole: boolean; signature: string }): void {
    const db = this.database();
    if (!db) return;
    const now = Date.now();
    const insert = db.prepare(
      'INSERT INTO records (site, file, key, source_key, good_key, slug, category, author, published, live_at, data) VALUES (@site, @file, @key, @source_key, @good_key, @slug, @category, @author, @published, @live_at, @data)',
    );
    const insertTag = db.prepare('INSERT INTO record_tags (site, file, tag) VALUES (?, ?, ?)');
    const remove = db.prepare('DELETE FROM records WHERE site = ? AND file = ?');
    db.transaction(() => {
      db.prepare(
        'INSERT INTO sites (dir, compiler, signature, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (dir) DO UPDATE SET compiler = excluded.compiler, signature = excluded.signature, saved_at = excluded.saved_at',
      ).run(this.name, this.options.fingerprint, options.signature, now);
      const site = db.prepare('SELECT id FROM sites WHERE dir = ?').pluck().get(this.name) as number;
      if (options.whole) db.prepare('DELETE FROM records WHERE site = ?').run(site);
      for (const file of files) {
        if (!options.whole) remove.run(site, file);
        const record = recordOf(file);
        if (!record) continue;
        insert.run({ site, ...encodeRow(record) });
        for (const tag of servedTags(record)) insertTag.run(site, file, tag);
      }
    }).immediate();
  }

  /** A listing page of this directory's saved records; undefined when the query fails or the rows are not all there. */
  page(query: ListingQuery, options: { now: number; expectTotal?: number }): ListingPage | undefined {
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

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}
