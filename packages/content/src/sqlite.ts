// What the store's database (store/database.ts) and the search index (search/database.ts) share of
// SQLite: loading the better-sqlite3 driver, the page cache size, telling a damaged file from a
// busy or full one, and checking every page of a file off the server's thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;

const require = createRequire(import.meta.url);

/** Where better-sqlite3 is installed; `needs` says which part of the package needs it, for the error. */
export function sqliteDriverPath(needs: string): string {
  try {
    return require.resolve('better-sqlite3');
  } catch {
    throw new Error(`${needs} needs the better-sqlite3 package (version 12): npm install better-sqlite3@12`);
  }
}

/** The better-sqlite3 driver (a peer dependency: loaded when a database is first opened). */
export function sqliteDriver(needs: string): typeof BetterSqlite3 {
  return require(sqliteDriverPath(needs)) as typeof BetterSqlite3;
}

/**
 * Page cache per connection (negative: KiB): SQLite's default 2 MB, not better-sqlite3's 16 MB.
 * A query reads a few pages of each word's list or of an index, and the OS keeps the file cached
 * anyway: with 100,000 short articles, 35 MB less resident for the store's and the index's
 * connections, the search p95 unchanged (26 ms).
 */
export const pageCacheKiB = -2_000;

/** An error that says the file is damaged (or not a database at all), as opposed to busy or full. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR'));
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a check of every page of a file found (`problem`: in words, for a log line). */
export type PageCheck =
  /** Every page is sound. */
  | { found: 'nothing' }
  /** Damage: the file is to be set aside and rebuilt. */
  | { found: 'damage'; problem: string }
  /** The file could not be read (busy past the timeout, gone): no verdict on its pages. */
  | { found: 'unreadable'; problem: string }
  /** No verdict: the worker could not start or load the driver ('not-started': check here instead), or ended without one ('ended'). */
  | { found: 'unchecked'; why: 'not-started' | 'ended' };

// Runs in a worker thread (CommonJS, eval) on its own read-only connection: PRAGMA quick_check of
// a large file (0.2 s to seconds at 100,000 articles) would hold up requests on the server's thread.
const pageCheckSource = `
const { parentPort, workerData } = require('node:worker_threads');
let Driver;
try {
  Driver = require(workerData.driver);
} catch {
  parentPort.postMessage({ found: 'unchecked', why: 'not-started' });
}
let db;
if (Driver) try {
  db = new Driver(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.timeoutMs });
  const rows = db.pragma('quick_check(10)').map((row) => Object.values(row)[0]);
  parentPort.postMessage(rows.length === 1 && rows[0] === 'ok' ? { found: 'nothing' } : { found: 'damage', problem: 'the integrity check failed: ' + rows.join('; ') });
} catch (error) {
  const damage = typeof error?.code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(error.code);
  parentPort.postMessage({ found: damage ? 'damage' : 'unreadable', problem: 'it is unreadable (' + (error && error.message ? error.message : String(error)) + ')' });
} finally {
  try { db && db.close(); } catch {}
}
`;

/** What PRAGMA quick_check finds wrong with an open file's pages (null: nothing); throws when it cannot read them. */
export function pageProblems(db: Database): string | null {
  const rows = (db.pragma('quick_check(10)') as Record<string, string>[]).map((row) => Object.values(row)[0]);
  return rows.length === 1 && rows[0] === 'ok' ? null : `the integrity check failed: ${rows.join('; ')}`;
}

/** The worker's check, on this thread. */
export function checkPagesHere(file: string, options: { needs: string; timeoutMs: number }): PageCheck {
  let db: Database | undefined;
  try {
    db = new (sqliteDriver(options.needs))(file, { readonly: true, fileMustExist: true, timeout: options.timeoutMs });
    const problem = pageProblems(db);
    return problem === null ? { found: 'nothing' } : { found: 'damage', problem };
  } catch (error) {
    return { found: isDamage(error) ? 'damage' : 'unreadable', problem: `it is unreadable (${describe(error)})` };
  } finally {
    db?.close();
  }
}

/** A check of every page running in a worker thread, which does not keep the process alive unless held. */
export interface BackgroundPageCheck {
  result: Promise<PageCheck>;
  /** Keeps the process alive until the check has ended (someone is waiting for it). */
  hold: () => void;
}

/** PRAGMA quick_check of the whole file, in a worker thread with its own read-only connection. */
export function checkPagesInWorker(file: string, options: { needs: string; timeoutMs: number }): BackgroundPageCheck {
  const worker = new Worker(pageCheckSource, { eval: true, workerData: { driver: sqliteDriverPath(options.needs), file, timeoutMs: options.timeoutMs } });
  worker.unref();
  const result = new Promise<PageCheck>((resolve) => {
    worker.once('message', (check: PageCheck) => resolve(check));
    worker.once('error', () => resolve({ found: 'unchecked', why: 'not-started' }));
    worker.once('exit', () => resolve({ found: 'unchecked', why: 'ended' }));
  });
  return { result, hold: () => worker.ref() };
}
