import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, schemaVersion, SearchIndex, searchIndex, type SearchDoc } from '../src/search/index.js';
import { takeCleanClose } from '../src/search/clean-close.js';
import { builtPackage } from './helpers.js';

// The index's file in a cache directory: reused by the next process when it is sound and of this
// version; otherwise reported, removed and started afresh (then filled again by its owner).

function doc(id: string, body: string): SearchDoc {
  return {
    id,
    title: `Article ${id}`,
    description: 'About the spine.',
    tags: ['spine'],
    category: 'Back',
    headings: [],
    body,
    published: '2026-01-01',
  };
}

/** Enough articles that the file spans many pages (the damage tests hit the middle of it). */
const docs = Array.from({ length: 300 }, (_, i) => doc(`d${i}`, `Word${i} and the spine carries weight ${'load bearing tissue '.repeat(40)} number ${i}.`));

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cited-search-db-'));
  file = path.join(dir, 'search', 'index.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file as a previous process leaves it: built with a content key per article, then closed. */
function writeIndex(): void {
  const index = new SearchIndex({ file, log: () => undefined });
  index.apply({ set: docs.map((d) => ({ doc: d, key: `key-${d.id}` })) });
  index.optimize();
  index.close();
}

/** Opens the file as a restart does and waits for the background check. */
async function reopen() {
  const log = vi.fn();
  const index = new SearchIndex({ file, log });
  await index.checked;
  return { index, log };
}

/** After damage: the index must be empty, say why, and work again once filled. */
async function expectStartedAfresh(index: SearchIndex, log: ReturnType<typeof vi.fn>) {
  // The damage may be seen at open, by the background check or by the first read: any of them.
  searchIndex(index, 'spine');
  expect(index.size).toBe(0);
  expect(index.keys()).toEqual(new Map());
  expect(log).toHaveBeenCalled();
  expect(String(log.mock.calls[0]?.[0])).toContain(file);
  index.apply({ set: docs.slice(0, 3).map((d) => ({ doc: d, key: 'new' })) });
  expect(searchIndex(index, 'word1').hits.map((hit) => hit.id)).toEqual(['d1']);
  index.close();
}

describe('the index file', () => {
  it('is reused by the next process, with the content key of every article', async () => {
    writeIndex();
    const { index, log } = await reopen();
    expect(index.size).toBe(docs.length);
    expect(index.keys().get('d7')).toBe('key-d7');
    expect(searchIndex(index, 'word42').hits.map((hit) => hit.id)).toEqual(['d42']);
    // The vocabulary of close spellings was saved with the file.
    expect(searchIndex(index, 'carrries').didYouMean).toBe('carries');
    expect(index.generation).toBe(0);
    expect(log).not.toHaveBeenCalled();
    index.close();
  });

  it('keeps incremental updates across a restart', async () => {
    writeIndex();
    const first = new SearchIndex({ file });
    first.apply({ delete: ['d1'], set: [{ doc: doc('d2', 'A new text about the xylophonist.'), key: 'key-d2-v2' }] });
    first.close();
    const { index } = await reopen();
    expect(index.has('d1')).toBe(false);
    expect(index.keys().get('d2')).toBe('key-d2-v2');
    expect(searchIndex(index, 'xylophonist').hits.map((hit) => hit.id)).toEqual(['d2']);
    index.close();
  });

  it('keeps its vocabulary of close spellings what a refresh would make it, after an editor\u2019s saves, without a refresh', () => {
    writeIndex();
    const read = (sql: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(sql).raw().all() as unknown[][];
      } finally {
        db.close();
      }
    };
    const vocabularyState = () => read("SELECT value FROM state WHERE name = 'vocabulary'")[0]?.[0];
    const vocabulary = () => read('SELECT term, length, docs FROM vocabulary ORDER BY term');
    const index = new SearchIndex({ file });
    index.optimize();
    expect(vocabularyState()).toBe('fresh');
    // Nothing to change (a sync that found every article as indexed): nothing written.
    index.apply({ delete: [], set: [] });
    index.apply({});
    expect(vocabularyState()).toBe('fresh');
    // Saves: a new word, a replaced text (its old words counted out), a removal, a word's last article gone.
    index.set(doc('d2', 'A xylophonist with a sore wrist, spine unharmed.'), 'key-d2-v2');
    index.set(doc('new', 'Another xylophonist, and Word7.'), 'key-new');
    index.apply({ delete: ['d3', 'new'] });
    index.set(doc('d4', 'Sjögren syndrome and the spine.'), 'key-d4-v2');
    expect(vocabularyState()).toBe('fresh');
    expect(searchIndex(index, 'xylophonst').didYouMean).toBe('xylophonist');
    expect(searchIndex(index, 'sjogrn').didYouMean).toBe('sjogren');
    const counted = vocabulary();
    index.close();
    // What a whole refresh makes of the same file.
    const db = new Database(file);
    db.prepare("UPDATE state SET value = 'stale' WHERE name = 'vocabulary'").run();
    db.close();
    const refreshed = new SearchIndex({ file });
    refreshed.optimize();
    refreshed.close();
    expect(vocabulary()).toEqual(counted);
    expect(counted.length).toBeGreaterThan(15);
  });

  it('a larger write marks the vocabulary stale: it is refreshed whole, once, by optimize or the next misspelt query', () => {
    writeIndex();
    const index = new SearchIndex({ file });
    index.optimize();
    index.apply({ set: Array.from({ length: 11 }, (_, i) => ({ doc: doc(`batch${i}`, `Batch text ${i} about a xylophonist.`) })) });
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT value FROM state WHERE name = 'vocabulary'").pluck().get()).toBe('stale');
    db.close();
    expect(searchIndex(index, 'xylophonst').didYouMean).toBe('xylophonist');
    index.close();
  });

  it('gives the content keys as the file holds them after writes made since they were first read', async () => {
    writeIndex();
    const first = new SearchIndex({ file });
    expect(first.keys().get('d3')).toBe('key-d3');
    first.apply({ delete: ['d1'], set: [{ doc: doc('d3', 'Rewritten.'), key: 'key-d3-v2' }, { doc: doc('new', 'Added.'), key: 'key-new' }] });
    // A write that fails rolls back: the keys stay as the file holds them.
    expect(() => first.apply({ delete: ['d4'], set: [{ doc: { ...doc('bad', 'x'), tags: null as unknown as string[] }, key: 'key-bad' }] })).toThrow();
    const keys = first.keys();
    first.close();
    const { index } = await reopen();
    expect(keys).toEqual(index.keys());
    expect(keys.get('d3')).toBe('key-d3-v2');
    expect(keys.has('d1')).toBe(false);
    expect(keys.has('d4')).toBe(true);
    expect(keys.has('bad')).toBe(false);
    index.close();
  });

  it('keeps the same ids and keys when it takes the content store\'s strings for them', async () => {
    writeIndex();
    const { index } = await reopen();
    const before = new Map(index.keys());
    // The store's view: one key equal, one changed, one article the index lacks; the rest unknown to it.
    index.shareKeys(new Map([['d1', 'key-d1'], ['d2', 'key-d2-v2'], ['elsewhere', 'key-x']]));
    expect(new Map(index.keys())).toEqual(before);
    // Writes still follow.
    index.apply({ delete: ['d1'], set: [{ doc: doc('d2', 'Changed.'), key: 'key-d2-v2' }] });
    expect(index.keys().has('d1')).toBe(false);
    expect(index.keys().get('d2')).toBe('key-d2-v2');
    expect(index.keys().size).toBe(before.size - 1);
    index.close();
  });

  it('holds a short script open until the background check it awaits has settled', () => {
    writeIndex();
    // Awaited at a script's top level: an unsettled promise there ends the process (code 13, silently).
    const script = [
      `import { SearchIndex } from ${JSON.stringify(pathToFileURL(path.join(builtPackage(), 'search/index.js')).href)};`,
      `const index = new SearchIndex({ file: ${JSON.stringify(file)} });`,
      'await index.checked;',
      "console.log('checked', index.size);",
      'index.close();',
    ].join('\n');
    // A module file, as a developer runs one (code passed to --eval keeps the process open anyway).
    const scriptFile = path.join(dir, 'check-index.mjs');
    writeFileSync(scriptFile, script);
    const child = spawnSync(process.execPath, [scriptFile], { encoding: 'utf8' });
    expect({ status: child.status, stdout: child.stdout.trim(), stderr: child.stderr }).toEqual({ status: 0, stdout: `checked ${docs.length}`, stderr: '' });
  });

  it('creates its directory and starts empty', async () => {
    const { index, log } = await reopen();
    expect(index.size).toBe(0);
    expect(statSync(file).isFile()).toBe(true);
    expect(log).not.toHaveBeenCalled();
    index.close();
  });
});

describe('the check of every page at a restart', () => {
  const marked = () => existsSync(`${file}.closed`);

  it('is skipped for a file the last process closed cleanly, untouched since', () => {
    writeIndex();
    expect(takeCleanClose(file)).toBe(true);
    // Taken: the file is in use from then on, until the next clean close.
    expect(takeCleanClose(file)).toBe(false);
  });

  it('runs when the file changed after the close, even with its modification time put back', () => {
    writeIndex();
    const { atime, mtime } = statSync(file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('x'), 0, 1, statSync(file).size - 1);
    closeSync(fd);
    utimesSync(file, atime, mtime);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('runs after a process that never closed the file (a crash)', () => {
    writeIndex();
    const open = new SearchIndex({ file, log: () => undefined });
    open.apply({ set: [{ doc: docs[0]!, key: 'changed' }] });
    // No close: the mark was taken at open and never written again.
    expect(marked()).toBe(false);
    open.close();
  });

  it('is not skipped next time when a process closes before its own check has ended', async () => {
    writeIndex();
    takeCleanClose(file);
    const unchecked = new SearchIndex({ file, log: () => undefined });
    unchecked.close();
    expect(marked()).toBe(false);
    const checked = new SearchIndex({ file, log: () => undefined });
    await checked.checked;
    checked.close();
    expect(takeCleanClose(file)).toBe(true);
  });
});

describe('a damaged or foreign file is rebuilt, never a crash', () => {
  it('garbage over the whole file', async () => {
    writeIndex();
    writeFileSync(file, Buffer.alloc(statSync(file).size, 'garbage '));
    const { index, log } = await reopen();
    await expectStartedAfresh(index, log);
  });

  it('garbage in the middle of the file, the header intact', async () => {
    writeIndex();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(Math.floor(size / 3), 0xa5), 0, Math.floor(size / 3), Math.floor(size / 3));
    closeSync(fd);
    const { index, log } = await reopen();
    await expectStartedAfresh(index, log);
  });

  it('a truncated file', async () => {
    writeIndex();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const { index, log } = await reopen();
    await expectStartedAfresh(index, log);
  });

  it('a file cut inside its header', async () => {
    writeIndex();
    truncateSync(file, 60);
    const { index, log } = await reopen();
    await expectStartedAfresh(index, log);
  });

  it('a file of another schema version', async () => {
    writeIndex();
    const db = new Database(file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();
    const { index, log } = await reopen();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/another version/);
    await expectStartedAfresh(index, log);
  });

  it('another SQLite database at the path', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not an index')");
    db.close();
    const { index, log } = await reopen();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/not a search index/);
    await expectStartedAfresh(index, log);
  });

  it('damage found while serving: the generation changes and a search answers with no hits', () => {
    const log = vi.fn();
    const index = buildSearchIndex(docs, { file, log });
    // Damage that only a read finds (the page check passed at open): the full-text index's data
    // overwritten behind the open connection's back (unsafe mode lifts SQLite's guard on it).
    const writer = new Database(file);
    writer.unsafeMode(true);
    writer.prepare("UPDATE search_data SET block = randomblob(length(block)) WHERE id > 10").run();
    writer.close();
    const results = searchIndex(index, 'spine carries');
    expect(results.total).toBe(0);
    expect(index.generation).toBe(1);
    expect(index.size).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/damaged/));
    index.close();
  });

  it('a directory that cannot be written: the index lives in memory', () => {
    writeFileSync(path.join(dir, 'search'), 'a file where the directory should be');
    const log = vi.fn();
    const index = buildSearchIndex(docs.slice(0, 2), { file, log });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/in memory/));
    expect(searchIndex(index, 'word1').hits.map((hit) => hit.id)).toEqual(['d1']);
    expect(readFileSync(path.join(dir, 'search'), 'utf8')).toBe('a file where the directory should be');
    index.close();
  });
});
