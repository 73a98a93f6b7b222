// The search index's SQLite file: created with its schema, reused when it is this version's and
// readable, otherwise set aside and started afresh (the index is derived data: whoever holds the
// content fills it again). Opening never throws for a bad file; only a missing driver does.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { checkPagesInWorker, describe, isDamage, pageCacheKiB, sqliteDriver, type Database } from '../sqlite.js';
import { schemaVersion } from './version.js';

export { isDamage, pageCacheKiB, type Database };

/** Named in the error when better-sqlite3 is missing. */
const needs = '@cited/content/search';

/** Marks the file as a cited search index ("CitS"): another SQLite file at the path is never taken for one. */
const applicationId = 0x43697453;

/**
 * Columns of the full-text table, in order, with their bm25 weights: the relative boosts the search
 * had before it moved to SQLite (title 4, tags 3, headings and description 2, category 1.5, body 1).
 */
export const columns = [
  ['title', 4],
  ['description', 2],
  ['tags', 3],
  ['headings', 2],
  ['category', 1.5],
  ['body', 1],
] as const;
export const bm25 = `bm25(search, ${columns.map(([, weight]) => weight).join(', ')})`;

/**
 * Prefix lengths FTS5 keeps an index for: the last word of a query is a prefix from 3 letters on
 * (query.ts), and without these a short prefix merges the lists of every word it begins, again for
 * each hit's snippet (0.1 s for "kalo" at 100,000 articles, against under 0.1 ms).
 */
const prefixIndexes = '3 4 5';

/** How text becomes words: case and diacritics folded ("Sjögren" finds "sjogren"). */
export const tokenizer = 'unicode61 remove_diacritics 2';

const schema = `
  CREATE TABLE articles (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL,
    category TEXT NOT NULL,
    published TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE search USING fts5(${columns.map(([name]) => name).join(', ')}, tokenize = '${tokenizer}', prefix = '${prefixIndexes}');
  CREATE VIRTUAL TABLE search_terms USING fts5vocab(search, row);
  CREATE TABLE vocabulary (term TEXT PRIMARY KEY, length INTEGER NOT NULL, docs INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE tag_counts (tag TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TRIGGER tags_counted_in AFTER INSERT ON articles BEGIN
    INSERT INTO tag_counts (tag, count) SELECT DISTINCT value, 1 FROM json_each(NEW.tags) WHERE true
    ON CONFLICT (tag) DO UPDATE SET count = count + 1;
  END;
  CREATE TRIGGER tags_counted_out AFTER DELETE ON articles BEGIN
    UPDATE tag_counts SET count = count - 1 WHERE tag IN (SELECT value FROM json_each(OLD.tags));
    DELETE FROM tag_counts WHERE tag IN (SELECT value FROM json_each(OLD.tags)) AND count <= 0;
  END;
  INSERT INTO state VALUES ('vocabulary', 'fresh');
  PRAGMA application_id = ${applicationId};
  PRAGMA user_version = ${schemaVersion};
`;

/**
 * What the schema makes, by name: a file missing any is rebuilt. tag_counts is kept by the two
 * triggers at every write, so "popular tags" reads a row per tag, not every article's tags (0.2 s
 * at 100,000 articles, after each edit).
 */
const tableNames = ['articles', 'search', 'search_terms', 'vocabulary', 'state', 'tag_counts', 'tags_counted_in', 'tags_counted_out'];

const prepared = new WeakMap<Database, Map<string, BetterSqlite3.Statement>>();

/** `db.prepare(sql)`, compiled once per connection (a full-text query compiles in about 0.1 ms). */
export function statement(db: Database, sql: string): BetterSqlite3.Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let compiled = statements.get(sql);
  if (!compiled) statements.set(sql, (compiled = db.prepare(sql)));
  return compiled;
}

function configure(db: Database, file: string): void {
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  // WAL with NORMAL: a power cut may lose the last update, never break the file (and a lost
  // update is redone, as the article's content key then differs).
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = ${pageCacheKiB}`);
}

/** Why an opened file cannot be used as it is ('empty' for a new file), or null when it can. */
function problemWith(db: Database): string | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  const application = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name IN (${tableNames.map((name) => `'${name}'`).join(', ')})`).pluck().get() as number;
  if (version === 0 && application === 0 && db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0) return 'empty';
  if (application !== applicationId) return 'it is not a search index';
  if (version !== schemaVersion) return `it was written by another version of the search index (schema ${version}, this is ${schemaVersion})`;
  if (tables !== tableNames.length) return 'tables are missing';
  // Reads the full-text index's structure record and the articles table's root: a cheap probe; the
  // whole file is checked in the background (checkFile).
  db.prepare('SELECT count(*) FROM articles').get();
  db.prepare("SELECT rowid FROM search WHERE search MATCH '\"probe\"' LIMIT 1").all();
  return null;
}

export function removeFiles(file: string): void {
  for (const suffix of ['.closed', '', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function create(file: string): Database {
  const db = new (sqliteDriver(needs))(file);
  try {
    configure(db, file);
    db.exec(`BEGIN; ${schema} COMMIT;`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface Opened {
  db: Database;
  /** The file was there and is used as it is (worth a full check in the background). */
  reused: boolean;
}

/**
 * The database at `file` (':memory:' for one that lives with the process). A file that is not a
 * readable index of this version is reported through `log`, removed and created anew; a file that
 * cannot be created at all (a read-only disk) leaves an index in memory.
 */
export function openDatabase(file: string, log: (message: string) => void): Opened {
  const Driver = sqliteDriver(needs);
  if (file === ':memory:') return { db: create(file), reused: false };
  let db: Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Driver(file, { timeout: 5_000 });
    configure(db, file);
    const problem = problemWith(db);
    if (problem === null) return { db, reused: true };
    if (problem === 'empty') {
      db.exec(`BEGIN; ${schema} COMMIT;`);
      return { db, reused: false };
    }
    log(`[search] ${file} is not used (${problem}); the index is rebuilt from the content`);
  } catch (error) {
    log(`[search] ${file} is unreadable (${describe(error)}); the index is rebuilt from the content`);
  }
  db?.close();
  try {
    removeFiles(file);
    return { db: create(file), reused: false };
  } catch (error) {
    log(`[search] cannot write ${file} (${describe(error)}); the index is kept in memory`);
    return { db: create(':memory:'), reused: false };
  }
}

/** A check running in a worker thread, which does not keep the process alive unless held. */
export interface BackgroundCheck {
  /** What is wrong, or null when nothing is (or the check could not run: damage found later is still caught when it is read). */
  problem: Promise<string | null>;
  /** True when the check read every page and found them sound (not when it could not run). */
  sound: Promise<boolean>;
  /** Keeps the process alive until the check has ended (someone is waiting for it). */
  hold: () => void;
}

/**
 * PRAGMA quick_check of the whole file in a worker thread. Damage sets the index aside; a file the
 * check could not read, or a check that did not run, leaves it in use (damage met while reading it
 * is still caught then).
 */
export function checkFile(file: string): BackgroundCheck {
  const check = checkPagesInWorker(file, { needs, timeoutMs: 5_000 });
  return { problem: check.result.then((found) => (found.found === 'damage' ? found.problem : null)), sound: check.result.then((found) => found.found === 'nothing'), hold: check.hold };
}
