/**
 * The store's SQLite database: records saved in transactions, and the faults: a damaged, truncated
 * or foreign file, another compiler's records, a full disk during a save, two stores on one cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteIndex } from '../../src/site/site-index.js';
import { checkPages, storeDatabasePath } from '../../src/store/database.js';
import { RecordBook } from '../../src/store/records.js';
import type { FileRecord } from '../../src/store/snapshot.js';
import { article, packageDir } from '../helpers.js';
import { makeSite, type Site } from './fixtures.js';

/** The built CLI (bin → dist), as editors and the blog's build run it. */
const cliPath = path.join(packageDir, 'bin/cited-content.js');

let site: Site;
afterEach(async () => {
  await site?.cleanup();
});

/** Reads the store's database beside the store (its own connection, as another process would). */
function query<T>(cacheDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(storeDatabasePath(cacheDir), { readonly: true, timeout: 5000 });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Five published articles, compiled and saved by a store that is then closed. */
async function builtSite(): Promise<Site> {
  const built = makeSite();
  for (let i = 1; i <= 5; i += 1) built.write({ slug: `a-${i}`, title: `Article ${i}`, published: `2024-01-0${i}` });
  const store = built.open();
  await store.ready;
  await store.close();
  return built;
}

describe('records in the database', () => {
  it('saves an edit as one changed row, and a restart reads the records without compiling', async () => {
    site = await builtSite();
    const before = query<{ file: string; data: string }>(site.cacheDir, 'SELECT file, data FROM records ORDER BY file');
    expect(before.map((row) => row.file)).toEqual(['a-1.md', 'a-2.md', 'a-3.md', 'a-4.md', 'a-5.md']);

    const store = site.open();
    await store.ready;
    site.write({ slug: 'a-3', title: 'Edited', published: '2024-01-03' });
    await store.refresh();
    await store.close();
    const after = query<{ file: string; data: string; slug: string }>(site.cacheDir, 'SELECT file, data, slug FROM records ORDER BY file');
    const changed = after.filter((row, i) => row.data !== before[i]?.data).map((row) => row.file);
    expect(changed).toEqual(['a-3.md']);

    const restarted = site.open();
    await restarted.settled();
    expect(restarted.stats).toMatchObject({ compiled: 0, fromCache: 0 });
    expect(restarted.snapshot().entry('a-3')?.listing.title).toBe('Edited');
    expect(restarted.snapshot().articles.map((a) => a.slug)).toEqual(['a-5', 'a-4', 'a-3', 'a-2', 'a-1']);
  });

  it('keeps the listing fields of the served version in indexed columns, its tags in their own table', async () => {
    site = await builtSite();
    const rows = query<{ slug: string; category: string; published: string }>(site.cacheDir, 'SELECT slug, category, published FROM records ORDER BY published DESC');
    expect(rows[0]).toEqual({ slug: 'a-5', category: 'Back pain', published: '2024-01-05' });
    const tags = query<{ tag: string; n: number }>(site.cacheDir, 'SELECT tag, count(*) AS n FROM record_tags GROUP BY tag');
    expect(tags).toEqual([{ tag: 'back', n: 5 }]);
    const plan = query<{ detail: string }>(site.cacheDir, "EXPLAIN QUERY PLAN SELECT slug FROM records WHERE site = 1 AND category = 'Back pain' ORDER BY published DESC LIMIT 20");
    expect(plan.map((step) => step.detail).join(' ')).toContain('records_category');
  });

  it('reports warnings and errors after a restart as before it', async () => {
    site = makeSite();
    site.write({ slug: 'warned', body: 'Half of all patients improve within a year.' });
    site.write({ slug: 'broken', body: 'A finding :cite[nokey].' });
    const first = site.open();
    await first.ready;
    const before = first.snapshot().reports;
    await first.close();
    expect(before.find((report) => report.file === 'warned.md')?.diagnostics.map((d) => d.ruleId)).toContain('claim-without-citation');
    const second = site.open();
    await second.settled();
    expect(second.stats).toMatchObject({ compiled: 0, fromCache: 0 });
    expect(second.snapshot().reports).toEqual(before);
  });
});

describe('a restart from the database', () => {
  it('serves what the last run served (every listing field, the same version), and judges edits to the records it read', async () => {
    site = makeSite();
    site.write({ slug: 'a-1', published: '2024-01-01', extra: 'author: dr-one\nupdated: 2024-03-01\n' });
    site.write({ slug: 'a-2', published: '2024-01-01', extra: 'author: dr-one\n' });
    site.write({ slug: 'a-3', published: '2024-01-02', extra: 'author: dr-two\nredirectFrom: [old-three]\n' });
    const first = site.open();
    await first.ready;
    const before = first.snapshot();
    await first.close();

    const second = site.open();
    await second.settled();
    const after = second.snapshot();
    expect(after.version).toBe(before.version);
    expect(after.articles).toEqual(before.articles);
    expect(after.redirectFor('old-three')?.to).toBe('a-3');
    expect(after.page({ author: 'dr-one', offset: 0, limit: 10 }).items.map((a) => a.slug)).toEqual(['a-1', 'a-2']);
    expect(after.reports).toEqual([]);

    // The records read back take judgements like any other: a broken link holds an edit back.
    site.write({ slug: 'a-2', title: 'Edited', published: '2024-01-01', body: 'See [the missing one](/articles/missing).' });
    site.write({ slug: 'a-4', published: '2024-01-04', body: 'See [the second](/articles/a-2).' });
    await second.refresh();
    const edited = second.snapshot();
    expect(edited.entry('a-2')?.listing.title).toBe('Article a-2');
    expect(edited.entry('a-2')?.servingLastGood).toBe(true);
    expect(edited.reports.find((report) => report.file === 'a-2.md')?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(edited.entry('a-4')).toBeDefined();
  });
});

describe('a restart with nothing changed', () => {
  it('judges nothing on the way to serving, then learns the site index in idle time, so a first edit recounts only itself', async () => {
    site = makeSite();
    for (const n of [1, 2, 3]) site.write({ slug: `a-${n}`, published: '2024-01-01' });
    const first = site.open();
    await first.settled();
    await first.close();

    const refresh = vi.spyOn(SiteIndex.prototype, 'refresh');
    const warm = vi.spyOn(SiteIndex.prototype, 'refreshInSlices');
    const learn = vi.spyOn(SiteIndex.prototype as unknown as { learn: () => void }, 'learn');
    try {
      const second = site.open();
      await second.settled();
      expect(refresh).not.toHaveBeenCalled();
      expect(warm).not.toHaveBeenCalled();
      // Learnt in slices, a turn for readers between them (site-index.test.ts).
      await vi.waitFor(() => expect(learn).toHaveBeenCalledTimes(3), { timeout: 5_000 });
      expect(warm).toHaveBeenCalledTimes(1);
      expect(refresh).not.toHaveBeenCalled();
      learn.mockClear();
      site.write({ slug: 'a-2', title: 'Edited', published: '2024-01-01' });
      await second.refresh();
      expect(second.snapshot().entry('a-2')?.listing.title).toBe('Edited');
      expect(learn).toHaveBeenCalledTimes(1);
    } finally {
      refresh.mockRestore();
      warm.mockRestore();
      learn.mockRestore();
    }
  });
});

describe('a damaged database', () => {
  const expectRebuilt = async (damage: (file: string) => void, why: RegExp) => {
    site = await builtSite();
    const file = storeDatabasePath(site.cacheDir);
    damage(file);
    const store = site.open();
    await store.ready;
    await store.settled();
    expect(site.logs.join('\n')).toMatch(why);
    expect(site.logs.join('\n')).toContain('the store is rebuilt from the content');
    // Every article served, each with its own page, from the content (the compiled versions are still in the cache).
    expect(store.snapshot().articles.map((a) => a.slug)).toEqual(['a-5', 'a-4', 'a-3', 'a-2', 'a-1']);
    expect((await store.article('a-2'))?.meta.title).toBe('Article 2');
    expect(store.stats.compiled).toBe(0);
    await store.close();
    // And a usable database again.
    expect(query(site.cacheDir, 'SELECT file FROM records')).toHaveLength(5);
  };

  it('a file another process holds past the busy timeout is no verdict on its pages: never set aside', async () => {
    site = await builtSite();
    const file = storeDatabasePath(site.cacheDir);
    const holder = new Database(file);
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.prepare("UPDATE records SET key = key WHERE file = 'a-1.md'").run();
      expect(await checkPages(file)).toBeNull();
    } finally {
      holder.close();
    }
    expect(query(site.cacheDir, 'SELECT file FROM records')).toHaveLength(5);
  }, 20_000);

  it('is detected when its pages are overwritten, and rebuilt from the content', async () => {
    await expectRebuilt((file) => {
      const bytes = readFileSync(file);
      // Keep the header (page 1) so that it still opens as SQLite; scribble over every other page.
      for (let offset = 4096; offset < bytes.length; offset += 1) bytes[offset] = (offset * 7) & 0xff;
      writeFileSync(file, bytes);
    }, /is (not used|unreadable)/);
  });

  it('is detected by the check of every page run while its records are read and served, and written anew', async () => {
    site = await builtSite();
    const file = storeDatabasePath(site.cacheDir);
    // Damage only an index no start-up read touches: the records read back fine, the page check does not pass.
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'records_live'").pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    for (let offset = (root - 1) * pageSize; offset < root * pageSize; offset += 1) bytes[offset] = (offset * 7) & 0xff;
    writeFileSync(file, bytes);

    const store = site.open();
    await store.ready;
    expect(store.snapshot().articles.map((a) => a.slug)).toEqual(['a-5', 'a-4', 'a-3', 'a-2', 'a-1']);
    await store.settled();
    expect(site.logs.join('\n')).toMatch(/is not used \(the integrity check failed/);
    expect(site.logs.join('\n')).toContain('the store is rebuilt from the content');
    expect(store.stats.compiled).toBe(0);
    await store.close();
    expect(query(site.cacheDir, 'SELECT file FROM records')).toHaveLength(5);
    expect(query<{ quick_check: string }>(site.cacheDir, 'PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }]);
  });

  it('is detected when the file is truncated, and rebuilt from the content', async () => {
    await expectRebuilt((file) => truncateSync(file, Math.floor(statSync(file).size / 2)), /is (not used|unreadable)/);
  });

  it('is not taken for a store when it is another file, and rebuilt', async () => {
    await expectRebuilt((file) => writeFileSync(file, 'not a database at all, just text that happens to be here'), /unreadable/);
  });

  it('is rebuilt when it was written with another schema version', async () => {
    await expectRebuilt((file) => {
      const db = new Database(file);
      db.pragma('user_version = 999');
      db.close();
    }, /another version of the store \(schema 999/);
  });
});

describe('records of another compiler version', () => {
  it('are not used: every file is checked again (compiled by this compiler), with a log line saying why', async () => {
    site = await builtSite();
    const db = new Database(storeDatabasePath(site.cacheDir));
    // Records claiming a version that this compiler never made: serving them would serve a wrong page.
    db.prepare("UPDATE sites SET compiler = 'older-compiler'").run();
    db.prepare("UPDATE records SET data = json_set(data, '$.listing.title', 'Wrong title') WHERE file = 'a-1.md'").run();
    db.close();
    const store = site.open();
    await store.ready;
    await store.settled();
    expect(site.logs.join('\n')).toContain('made by another compiler version (older-compiler');
    expect(store.snapshot().entry('a-1')?.listing.title).toBe('Article 1');
    expect(store.snapshot().articles).toHaveLength(5);
    await store.close();
    expect(query<{ compiler: string }>(site.cacheDir, 'SELECT compiler FROM sites')[0]?.compiler).not.toBe('older-compiler');
  });
});

describe('records saved before their first judgement', () => {
  it('are judged at the next start and published, though no file changed (a cold start cut short after a save)', async () => {
    site = await builtSite();
    const db = new Database(storeDatabasePath(site.cacheDir));
    // As a long cold pass saves them on its way: compiled, never judged, so never served yet.
    db.prepare("UPDATE records SET data = json_remove(data, '$.judgedKey', '$.good'), good_key = NULL, slug = NULL, category = NULL, author = NULL, published = NULL, live_at = NULL WHERE file = 'a-3.md'").run();
    db.prepare("DELETE FROM record_tags WHERE file = 'a-3.md'").run();
    db.close();
    const store = site.open();
    await store.settled();
    expect(store.stats.compiled).toBe(0);
    expect(store.snapshot().articles.map((article) => article.slug)).toEqual(['a-5', 'a-4', 'a-3', 'a-2', 'a-1']);
    expect((await store.article('a-3'))?.meta.title).toBe('Article 3');
  });
});

describe('a cache that cannot hold a database', () => {
  it('keeps the records in memory with nothing left waiting to be saved', async () => {
    site = makeSite();
    // A directory where the database file would be: none can be made.
    const blocked = path.join(site.dir, '..', 'blocked-cache');
    mkdirSync(storeDatabasePath(blocked), { recursive: true });
    const book = new RecordBook({ dir: site.dir, cacheDir: blocked, fingerprint: 'f', siteSignature: () => 's', enqueue: () => undefined, log: () => undefined });
    await book.load();
    book.judgedWhole('s');
    expect(book.hasUnsaved).toBe(true);
    await book.saveChanges();
    expect(book.hasUnsaved).toBe(false);
    await book.close();
  });
});

describe('a full disk during a save', () => {
  const record = (file: string, title: string): FileRecord => ({
    file,
    mtimeMs: 1,
    size: 1,
    key: `key-${file}-${title}`,
    ok: true,
    diagnostics: [],
    siteDiagnostics: [],
    links: [],
    listing: { slug: file, title, description: 'x'.repeat(2000), category: 'c', tags: ['t'], published: '2024-01-01', readingTimeMinutes: 1, wordCount: 1, draft: false },
  });

  it('keeps the last saved state, says so, and saves when there is room again', async () => {
    site = makeSite();
    const logs: string[] = [];
    const options = { dir: site.dir, cacheDir: site.cacheDir, fingerprint: 'f', siteSignature: () => 's', enqueue: () => undefined, log: (m: string) => logs.push(m) };
    const book = new RecordBook(options);
    await book.load();
    for (let i = 0; i < 3; i += 1) book.set(record(`f-${i}.md`, 'saved'));
    await book.save();

    // The disk fills up: no page may be added to the file (SQLITE_FULL on the next write).
    const db = book.connection as Database.Database;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    for (let i = 0; i < 200; i += 1) book.set(record(`f-${i}.md`, 'too much'));
    await book.saveChanges();
    expect(logs.join('\n')).toMatch(/could not save the store's records \(database or disk is full\); the last saved state is kept/);
    expect(book.hasUnsaved).toBe(true);

    const reader = new RecordBook({ ...options, readOnly: true });
    await reader.load();
    expect([...reader.values()].map((r) => `${r.file}:${r.listing.title}`).sort()).toEqual(['f-0.md:saved', 'f-1.md:saved', 'f-2.md:saved']);
    await reader.close();

    // Room again: what was not saved is saved at the next save.
    db.pragma('max_page_count = 1073741823');
    await book.close();
    const after = new RecordBook({ ...options, readOnly: true });
    await after.load();
    expect(after.size).toBe(200);
    expect(after.get('f-0.md')?.listing.title).toBe('too much');
    await after.close();
  });
});

describe('two stores on one cache directory', () => {
  it('both work (WAL, busy timeout): each serves the site, and edits saved by one are read by a restart of the other', async () => {
    site = makeSite();
    for (let i = 1; i <= 30; i += 1) site.write({ slug: `s-${i}` });
    const a = site.open({ eagerLimit: 5 });
    const b = site.open({ eagerLimit: 5 });
    await Promise.all([a.settled(), b.settled()]);
    expect(a.snapshot().articles).toHaveLength(30);
    expect(b.snapshot().articles).toHaveLength(30);
    site.write({ slug: 's-7', title: 'Edited by an editor' });
    await Promise.all([a.refresh(), b.refresh()]);
    await Promise.all([a.close(), b.close()]);
    expect(site.logs.filter((line) => /could not save|damaged|unreadable/.test(line))).toEqual([]);
    const c = site.open();
    await c.settled();
    expect(c.stats.compiled).toBe(0);
    expect(c.snapshot().entry('s-7')?.listing.title).toBe('Edited by an editor');
    expect(query(site.cacheDir, 'SELECT file FROM records')).toHaveLength(30);
    expect(path.basename(storeDatabasePath(site.cacheDir))).toBe('content.sqlite');
  });
});

describe('the build-time database (cited-content build)', () => {
  it('leaves a database and compiled articles from which a server serves the whole site with no compile, after the files were copied anew', async () => {
    const { buildContent } = await import('../../src/build.js');
    site = makeSite();
    for (let i = 1; i <= 8; i += 1) site.write({ slug: `b-${i}` });
    const built = await buildContent({ target: site.dir, cacheDir: site.cacheDir, log: (m) => site.logs.push(m) });
    expect(built).toMatchObject({ articles: 8, compiled: 8 });
    // A deploy: same bytes, new mtimes.
    for (let i = 1; i <= 8; i += 1) site.write({ slug: `b-${i}` });
    const store = site.open();
    await store.ready;
    expect(store.snapshot().articles).toHaveLength(8);
    await store.settled();
    expect(store.stats).toMatchObject({ compiled: 0, fromCache: 0 });
    expect((await store.article('b-4'))?.meta.slug).toBe('b-4');
  });

  it('judges content kept apart from the blog with the pages of the blog it is built from, as the check does', async () => {
    const { buildContent } = await import('../../src/build.js');
    site = makeSite();
    const blog = path.join(site.cacheDir, '..', 'blog');
    mkdirSync(blog, { recursive: true });
    writeFileSync(path.join(blog, 'package.json'), JSON.stringify({ name: 'a-blog', cited: { routes: ['/contact'] } }));
    const apart = path.join(site.cacheDir, '..', 'apart');
    mkdirSync(path.join(apart, 'articles'), { recursive: true });
    writeFileSync(path.join(apart, 'people.yml'), 'the-clinic:\n  type: organization\n  name: The Clinic\n');
    writeFileSync(path.join(apart, 'articles', 'x.md'), article('[Contact us](/contact).:cite[a2020]', 'slug: x\nauthor: the-clinic\n'));
    const log = (m: string) => site.logs.push(m);
    const fromBlog = await buildContent({ target: path.join(apart, 'articles'), cacheDir: path.join(site.cacheDir, 'from-blog'), cwd: blog, log });
    expect(fromBlog.articles).toBe(1);
    // Built from a folder with no pages declared: /contact is no page of the site, so the article is held.
    const alone = await buildContent({ target: path.join(apart, 'articles'), cacheDir: path.join(site.cacheDir, 'alone'), cwd: apart, log });
    expect(alone.articles).toBe(0);
  });

  it('writes the search index beside the records, holding every published article at its version, so a deploy searches at once', async () => {
    const { buildContent } = await import('../../src/build.js');
    const { SearchIndex, searchIndexFile } = await import('../../src/search/index.js');
    site = makeSite();
    for (let i = 1; i <= 6; i += 1) site.write({ slug: `f-${i}`, title: i === 3 ? 'Prolotherapy for back pain' : `Article ${i}` });
    site.write({ slug: 'unpublished', extra: 'draft: true\n' });
    await buildContent({ target: site.dir, cacheDir: site.cacheDir, log: (m) => site.logs.push(m) });
    // A second build on the kept cache, in a process of its own: a reused index file must not leave
    // a check pending that the process exits without (exit 13 in a CLI).
    site.write({ slug: 'f-2', title: 'Article 2, edited' });
    const cli = spawnSync(process.execPath, [cliPath, 'build', '--cache', site.cacheDir, site.dir], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/7 articles published|6 articles published/);
    const built = await buildContent({ target: site.dir, cacheDir: site.cacheDir, log: (m) => site.logs.push(m) });
    expect(built.searchIndexFile).toBe(searchIndexFile(site.cacheDir, site.dir));
    expect(readdirSync(path.dirname(built.searchIndexFile)).filter((name) => name.includes('.building'))).toEqual([]);
    // Written whole and closed by the build: the server opening it need not check every page.
    expect(readdirSync(path.dirname(built.searchIndexFile))).toContain(`${path.basename(built.searchIndexFile)}.closed`);
    const store = site.open();
    const snapshot = await store.settled();
    const index = new SearchIndex({ file: built.searchIndexFile });
    try {
      const keys = index.keys();
      expect([...keys.keys()].sort()).toEqual(['f-1', 'f-2', 'f-3', 'f-4', 'f-5', 'f-6']);
      for (const [slug, key] of keys) expect(snapshot.entry(slug)?.key).toBe(key);
      expect(index.search('prolotherapy', {}).hits.map((hit) => hit.id)).toEqual(['f-3']);
    } finally {
      index.close();
    }
  });
});
