import { identityOf, markClosedCleanly, takeCleanClose, type FileIdentity } from './clean-close.js';
import { checkFile, isDamage, openDatabase, removeFiles, statement, type Database } from './database.js';
import { cleanQuery, queryWords } from './query.js';
import { defaultRankLimit, plan, run } from './run.js';
import type { SearchDoc, SearchOptions, SearchResults } from './search.js';
import { refreshVocabulary } from './vocabulary.js';
import { syncedState, writeChanges, type SearchChanges } from './write.js';

export type { SearchChanges };

export interface SearchIndexOptions {
  /**
   * The database file, e.g. in the content store's cache directory: reused by the next process when
   * it is readable and of this version. Default ':memory:' (gone with the process).
   */
  file?: string;
  /** Where a damaged or outdated file is reported (default console.error). */
  log?: (message: string) => void;
  /**
   * Matches found at most (default 1,000): a query that matches more gives the newest this many,
   * ranked by relevance (SearchResults.rankedNewest says so). Bounds the work of a query of common words.
   */
  rankLimit?: number;
}

/** A whole number of at least `min`, else `fallback` (query-string values arrive as anything). */
function whole(value: number | undefined, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
}

/**
 * A full-text index of articles in SQLite FTS5 (better-sqlite3): one database file, a row per
 * article (its result card and the content key of its version) and a full-text row with its
 * title, description, tags, headings, category and body. Updated one article at a time, in
 * transactions. Reads and writes that find the file damaged empty it and bump `generation`:
 * whoever fills the index fills it again (the blog compares keys with the content store's).
 */
export class SearchIndex {
  readonly file: string;
  readonly #checked: Promise<void>;
  /** Keeps the process alive until the background check ends: see `checked`. */
  readonly #holdCheck: () => void;
  #db: Database;
  #generation = 0;
  #closed = false;
  /** The file the connection opened (undefined: the in-memory stand-in for a file that cannot be written). */
  #opened: FileIdentity | undefined;
  /** Every page of the file is known sound: only then does a close mark it so (markClosedCleanly). */
  #whole = false;
  readonly #log: (message: string) => void;
  readonly #rankLimit: number;
  #popular: { tag: string; count: number }[] | undefined;
  /** Id → content key, as `keys()` read them and writes since changed them. */
  #keys: Map<string, string> | undefined;
  /** `#keys` holds the strings read from the file (see shareKeys). */
  #keysFromFile = false;

  constructor(options: SearchIndexOptions = {}) {
    this.file = options.file ?? ':memory:';
    this.#log = options.log ?? ((message) => console.error(message));
    this.#rankLimit = whole(options.rankLimit, defaultRankLimit, 1);
    // Before the connection opens: the mark describes the file as the last clean close left it.
    const closedCleanly = this.file !== ':memory:' && takeCleanClose(this.file);
    const { db, reused } = openDatabase(this.file, this.#log);
    this.#db = db;
    this.#opened = db.name === ':memory:' ? undefined : identityOf(this.file);
    const check = reused && !closedCleanly ? checkFile(this.file) : undefined;
    // A new file, or one closed cleanly and untouched since, is known whole; a reused one once its check says so.
    this.#whole = check === undefined;
    void check?.sound.then((sound) => {
      if (sound && this.#db === db) this.#whole = true;
    });
    this.#holdCheck = check?.hold ?? (() => undefined);
    this.#checked = check ? this.#emptyIfDamaged(check.problem) : Promise.resolve();
  }

  /**
   * Resolves once a reused file has been checked whole in a worker thread (and emptied if damaged),
   * at once when it needs no check (new, or closed cleanly and untouched since: takeCleanClose).
   * The check alone does not keep a process alive (a server or script may end before it does);
   * asking for this promise does, until the check ends.
   */
  get checked(): Promise<void> {
    this.#holdCheck();
    return this.#checked;
  }

  /** Changes when the index had to start afresh (a damaged file): it is then empty. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#guard(() => this.#db.prepare('SELECT count(*) FROM articles').pluck().get() as number, () => 0);
  }

  has(id: string): boolean {
    return this.#guard(() => this.#db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined, () => false);
  }

  /**
   * Id → content key of every indexed article (as given to `set`): what is in the index, by
   * version. The index's own map, as of now (the next write changes it): a copy at each sync was
   * 100,000 entries of garbage per published snapshot.
   */
  keys(): ReadonlyMap<string, string> {
    // Read once, then kept with each write: reading them is a scan of every card (a second at
    // 100,000 articles, on the server's thread, at every snapshot a sync compares).
    const read = () => {
      if (this.#keys) return this.#keys;
      this.#keysFromFile = true;
      return (this.#keys = new Map(this.#db.prepare('SELECT id, key FROM articles').raw().all() as [string, string][]));
    };
    return this.#guard(read, () => new Map());
  }

  /**
   * Keeps the caller's strings for the ids and keys it holds too (`current`: the content store's
   * published keys). Read from the file, each is a copy of a string the store holds already:
   * 10 MB at 100,000 articles. Done once after each read of the file.
   */
  shareKeys(current: ReadonlyMap<string, string>): void {
    const keys = this.#keys;
    if (!keys || !this.#keysFromFile) return;
    this.#keysFromFile = false;
    const shared = new Map<string, string>();
    for (const [id, key] of current) if (keys.get(id) === key) shared.set(id, key);
    for (const [id, key] of keys) if (!shared.has(id)) shared.set(id, key);
    this.#keys = shared;
  }

  /** Tags by how many articles carry them, most first (ties alphabetical). */
  get popularTags(): readonly { tag: string; count: number }[] {
    this.#popular ??= this.#guard(
      () =>
        (
          this.#db
            .prepare('SELECT tag, count FROM tag_counts')
            .all() as { tag: string; count: number }[]
        ).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
      () => [],
    );
    return this.#popular;
  }

  /** Adds or replaces the article with this id (one entry per slug, as the site has one page per slug). */
  set(doc: SearchDoc, key = ''): void {
    this.apply({ set: [{ doc, key }] });
  }

  /** Removes the article; false when it was not there. */
  delete(id: string): boolean {
    const had = this.has(id);
    if (had) this.apply({ delete: [id] });
    return had;
  }

  /**
   * The content snapshot version (ContentSnapshot.version) the last completed sync brought the index
   * to, kept in the file: any write since clears it. Undefined when unknown.
   */
  get syncedVersion(): string | undefined {
    return this.#guard(() => (statement(this.#db, `SELECT value FROM state WHERE name = '${syncedState}'`).pluck().get() as string | undefined) ?? undefined, () => undefined);
  }

  /** Records that the index holds exactly the published articles of the snapshot with this version (sync.ts, after its last write). */
  markSynced(version: string): void {
    this.#guard(() => void statement(this.#db, `INSERT OR REPLACE INTO state (name, value) VALUES ('${syncedState}', ?)`).run(version), () => undefined, { write: true });
  }

  /** Removals, then additions and replacements, in one transaction. */
  apply(changes: SearchChanges): void {
    this.#guard(
      () => {
        writeChanges(this.#db, changes);
        // Committed: the kept keys follow (a failed write rolled back, and left them as they were).
        const keys = this.#keys;
        if (keys) {
          for (const id of changes.delete ?? []) keys.delete(id);
          for (const { doc, key = '' } of changes.set ?? []) keys.set(doc.id, key);
        }
      },
      () => undefined,
      { write: true },
    );
    this.#changed();
  }

  /**
   * Merges the full-text index into one segment and brings the vocabulary of close spellings up to
   * date: worth it after a batch of writes (faster queries, a smaller file, no wait at the next typo).
   */
  optimize(): void {
    this.#guard(
      () => {
        this.#db.prepare("INSERT INTO search(search) VALUES ('optimize')").run();
        refreshVocabulary(this.#db);
      },
      () => undefined,
      { write: true },
    );
  }

  /** Ranked results for a reader's query, one page of them with snippets. Never throws on any string. */
  search(rawQuery: string, options: SearchOptions = {}): SearchResults {
    const { query, truncated } = cleanQuery(String(rawQuery ?? ''));
    const none: SearchResults = { query, truncated, total: 0, page: 1, pageCount: 0, hits: [] };
    const words = queryWords(query);
    if (words.length === 0) return none;
    const page = { page: whole(options.page, 1, 1), pageSize: whole(options.pageSize, 10, 1), rankLimit: this.#rankLimit };
    return this.#guard(() => ({ query, truncated, ...run(this.#db, plan(this.#db, query, words), page) }), () => none);
  }

  /** Closes the file; the next process to open it, unchanged, skips the check of every page. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
    if (this.#opened && this.#whole) markClosedCleanly(this.file, this.#opened);
  }

  #changed(): void {
    this.#popular = undefined;
  }

  /**
   * Runs `use`; when the database turns out damaged, starts afresh and gives `fallback()`. Other
   * failures of a read are logged and give `fallback()` (a search never fails a page); of a write, thrown.
   */
  #guard<T>(use: () => T, fallback: () => T, { write = false }: { write?: boolean } = {}): T {
    try {
      return use();
    } catch (error) {
      if (isDamage(error)) {
        this.#startAfresh(`damaged: ${(error as Error).message}`);
        return fallback();
      }
      if (write) throw error;
      this.#log(`[search] ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
      return fallback();
    }
  }

  async #emptyIfDamaged(checking: Promise<string | null>): Promise<void> {
    const generation = this.#generation;
    const problem = await checking;
    if (problem !== null && !this.#closed && generation === this.#generation) this.#startAfresh(`damaged: ${problem}`);
  }

  #startAfresh(reason: string): void {
    this.#log(`[search] ${this.file} is ${reason}; the index starts afresh and is filled again from the content`);
    try {
      this.#db.close();
    } catch {
      // Already unusable: nothing to close cleanly.
    }
    try {
      if (this.file !== ':memory:') removeFiles(this.file);
    } catch {
      // openDatabase reports a file it cannot replace, and keeps the index in memory.
    }
    this.#db = openDatabase(this.file, this.#log).db;
    this.#opened = this.#db.name === ':memory:' ? undefined : identityOf(this.file);
    this.#whole = true;
    this.#keys = undefined;
    this.#generation += 1;
    this.#changed();
  }
}

/** An index of `docs` (in memory unless `options.file` is given); a repeated id keeps its first document. */
export function buildSearchIndex(docs: readonly SearchDoc[], options: SearchIndexOptions = {}): SearchIndex {
  const index = new SearchIndex(options);
  const seen = new Set<string>();
  index.apply({ set: docs.filter((doc) => !seen.has(doc.id) && seen.add(doc.id)).map((doc) => ({ doc })) });
  index.optimize();
  return index;
}

/** `index.search(query, options)`: ranked results for a reader's query, never an error. */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  return index.search(query, options);
}
