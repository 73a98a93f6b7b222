// The content store's SQLite file (better-sqlite3, WAL): one file in the cache directory holding
// what the store knows about every file of every articles directory that uses the cache. Opening
// checks the file (application id, schema version, PRAGMA quick_check: a server's store checks the
// pages in a worker while it reads its records, see records.ts); a file that fails is set aside and rebuilt from the content, with a log line that says
// why. Opening never throws for a bad file; only a missing driver does.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkPagesHere, checkPagesInWorker, describe, isDamage, pageCacheKiB, pageProblems, sqliteDriver, type Database } from '../sqlite.js';

export { describe, isDamage, type Database };

/** Named in the error when better-sqlite3 is missing. */
const needs = '@cited/content/store keeps its records in SQLite and';

/** Marks the file as a cited content store ("CitC"): another SQLite file at the path is never taken for one. */
const applicationId = 0x43697443;

/** PRAGMA user_version: bumped whenever the tables or what a row holds change (the file is then rebuilt). */
export const storeSchemaVersion = 3;

/** The store's file in a cache directory. */
export function storeDatabasePath(cacheDir: string): string {
  return path.join(cacheDir, 'content.sqlite');
}

/** The name of an articles directory in the database: relative to the cache, so a built cache can move with its app. */
export function siteName(cacheDir: string, dir: string): string {
  return path.relative(path.resolve(cacheDir), path.resolve(dir)).split(path.sep).join('/') || '.';
}

/**
 * `sites`: one row per articles directory (named relative to the cache, so a build's cache moved
 * with its app still matches), with the compiler and site signature its records were made with.
 * `records`: one row per file. The columns a listing filters or sorts on are real, indexed
 * columns (of the served version); everything else is the `data` JSON, so a field added to a
 * record persists without a schema change. `record_tags`: one row per tag of a served version.
 */
const schema = `
  CREATE TABLE IF NOT EXISTS sites (
    id INTEGER PRIMARY KEY,
    dir TEXT NOT NULL UNIQUE,
    compiler TEXT NOT NULL,
    signature TEXT NOT NULL,
    saved_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS records (
    site INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    key TEXT NOT NULL,
    source_key TEXT,
    good_key TEXT,
    slug TEXT,
    category TEXT,
    author TEXT,
    published TEXT,
    -- When readers first see the served version (ms; visibility.ts decides), NULL if never (a draft, nothing served).
    live_at INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY (site, file)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS records_slug ON records (site, slug);
  CREATE INDEX IF NOT EXISTS records_published ON records (site, published DESC);
  CREATE INDEX IF NOT EXISTS records_category ON records (site, category, published DESC);
  CREATE INDEX IF NOT EXISTS records_author ON records (site, author, published DESC);
  CREATE INDEX IF NOT EXISTS records_live ON records (site, live_at DESC);
  CREATE INDEX IF NOT EXISTS records_category_live ON records (site, category, live_at DESC);
  CREATE INDEX IF NOT EXISTS records_author_live ON records (site, author, live_at DESC);
  CREATE TABLE IF NOT EXISTS record_tags (
    site INTEGER NOT NULL,
    file TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (site, tag, file),
    FOREIGN KEY (site, file) REFERENCES records (site, file) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS record_tags_file ON record_tags (site, file);
  PRAGMA application_id = ${applicationId};
  PRAGMA user_version = ${storeSchemaVersion};
`;

const tableNames = ['sites', 'records', 'record_tags'];

/** How long a write waits for another process's write to finish before giving up (ms). */
export const busyTimeoutMs = 5_000;

function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL: a power cut may lose the last save, never break the file (a lost save only
  // means the next start looks at those files again).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The start reads the records once, then queries walk indexes: a small cache (search/database.ts).
  db.pragma(`cache_size = ${pageCacheKiB}`);
}

/** Why an opened file cannot be used as it is ('empty' for a new file), or null when it can. */
function problemWith(db: Database, options: { pages: boolean }): string | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  const application = db.pragma('application_id', { simple: true }) as number;
  if (version === 0 && application === 0 && db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0) return 'empty';
  if (application !== applicationId) return 'it is not a cited content store';
  if (version !== storeSchemaVersion) return `it was written by another version of the store (schema ${version}, this is ${storeSchemaVersion})`;
  const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (${tableNames.map((name) => `'${name}'`).join(', ')})`).pluck().get();
  if (tables !== tableNames.length) return 'tables are missing';
  if (!options.pages) return null;
  return pageProblems(db);
}

/**
 * What is wrong with the file's pages (null: nothing, or no verdict), checked in a worker thread
 * with its own read-only connection (0.2 s to seconds at 100,000 articles): a server's restart
 * reads its records and answers meanwhile. Only damage sets the file aside: a file busy past the
 * timeout may be another server's at work (damage met while reading it is still caught then). A
 * worker that cannot start says nothing about the file: checked here then.
 */
export async function checkPages(file: string): Promise<string | null> {
  const options = { needs, timeoutMs: busyTimeoutMs };
  const check = checkPagesInWorker(file, options);
  // The store waits for the answer: the process stays until it has it.
  check.hold();
  let found = await check.result;
  if (found.found === 'unchecked' && found.why === 'not-started') found = checkPagesHere(file, options);
  return found.found === 'damage' ? found.problem : null;
}

/** Removes the database and its WAL files (set aside: everything in it is rebuilt from the content). */
export function removeStoreFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

export interface OpenOptions {
  log: (message: string) => void;
  /** Read what is there, never create, repair or write (`cited-content check` reading the server's cache). */
  readOnly?: boolean;
  /**
   * Leave the check of every page to the caller (checkPages), who reads its records while
   * it runs and sets the file aside if it fails. Default: checked here, before anything is read.
   */
  pagesCheckedLater?: boolean;
}

/**
 * The store's database at `file`. A file that is not a readable store of this schema is reported,
 * removed and created anew (everything in it can be rebuilt from the content). Undefined when no
 * usable file can be had: read-only and missing or damaged, or a directory that cannot be written
 * (the store then keeps its records in memory only, and says so).
 */
export function openStoreDatabase(file: string, options: OpenOptions): Database | undefined {
  const Driver = sqliteDriver(needs);
  const { log } = options;
  if (options.readOnly) {
    try {
      const db = new Driver(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
      if (problemWith(db, { pages: true }) === null) return db;
      db.close();
    } catch {
      // missing or unreadable: nothing recorded
    }
    return undefined;
  }
  let db: Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Driver(file, { timeout: busyTimeoutMs });
    configure(db);
    const problem = problemWith(db, { pages: options.pagesCheckedLater !== true });
    if (problem === null) return db;
    if (problem === 'empty') {
      // IMMEDIATE, IF NOT EXISTS: two processes starting on a new cache both end up with one schema.
      db.exec(`BEGIN IMMEDIATE; ${schema} COMMIT;`);
      return db;
    }
    log(`[content] ${file} is not used (${problem}); the store is rebuilt from the content`);
  } catch (error) {
    log(`[content] ${file} is unreadable (${describe(error)}); the store is rebuilt from the content`);
  }
  try {
    db?.close();
  } catch {
    // already unusable
  }
  try {
    removeStoreFiles(file);
    const fresh = new Driver(file, { timeout: busyTimeoutMs });
    configure(fresh);
    fresh.exec(`BEGIN IMMEDIATE; ${schema} COMMIT;`);
    return fresh;
  } catch (error) {
    log(`[content] cannot write ${file} (${describe(error)}); what the store learns is kept in memory only`);
    return undefined;
  }
}
